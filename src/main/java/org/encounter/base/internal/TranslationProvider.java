package org.encounter.base.internal;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.encounter.base.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Every visible string comes from vaadin-i18n/translations*.properties (English, Finnish, Swedish). */
@Component
class TranslationProvider implements I18NProvider {

    static final String BUNDLE = "vaadin-i18n/translations";
    private static final Logger log = LoggerFactory.getLogger(TranslationProvider.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static final Map<String, Locale> LOCALES = Languages.SUPPORTED.stream()
            .collect(Collectors.toUnmodifiableMap(Locale::getLanguage, l -> l));

    /** One bundle per language, looked up once: the look-up by name ran for every label of every page. */
    private final Map<String, ResourceBundle> bundles = Languages.SUPPORTED.stream().collect(Collectors.toUnmodifiableMap(
            Locale::getLanguage, language -> ResourceBundle.getBundle(BUNDLE, language, NO_FALLBACK)));

    @Override
    public List<Locale> getProvidedLocales() {
        return Languages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        if (key == null) {
            return "";
        }
        Locale effective = locale == null ? Locale.ENGLISH : LOCALES.getOrDefault(locale.getLanguage(), Locale.ENGLISH);
        try {
            String pattern = bundles.get(effective.getLanguage()).getString(key);
            return params == null || params.length == 0 ? pattern
                    : new MessageFormat(pattern, effective).format(localised(params, effective));
        } catch (MissingResourceException e) {
            log.warn("Missing translation {} for {}", key, effective);
            return "!" + key;
        }
    }

    /** A day passed to a message reads as people of that language write it ("5. joulukuuta 2026"), never ISO. */
    private static Object[] localised(Object[] params, Locale locale) {
        Object[] out = params.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof LocalDate day) {
                out[i] = org.encounter.base.Dates.days(FormatStyle.LONG, locale).format(day);
            }
        }
        return out;
    }
}

package org.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** The export's summary names kinds and fields through i18n keys: each must read in English, Finnish and Swedish. */
public final class ExportKeys {

    private ExportKeys() {
    }

    public static void assertTranslated(RecordingExport out) {
        Set<String> keys = new TreeSet<>();
        out.records.forEach(r -> {
            keys.add("export.kind." + r.kind());
            r.fields().keySet().forEach(f -> keys.add("export.field." + f));
        });
        for (String suffix : new String[]{"", "_fi", "_sv"}) {
            Properties bundle = bundle(suffix);
            assertThat(keys.stream().filter(k -> bundle.getProperty(k, "").isBlank()).toList())
                    .as("export keys missing from translations" + suffix + ".properties").isEmpty();
        }
    }

    private static Properties bundle(String suffix) {
        Properties p = new Properties();
        try (var in = ExportKeys.class.getResourceAsStream("/vaadin-i18n/translations" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}

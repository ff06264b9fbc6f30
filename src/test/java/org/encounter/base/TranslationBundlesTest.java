package org.encounter.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TranslationBundlesTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("getTranslation\\(\\s*\"([a-z0-9.-]+)\"\\s*[,)]");

    @Test
    void every_bundle_has_exactly_the_keys_of_the_english_one() throws IOException {
        Set<String> english = keys("");
        assertThat(english).isNotEmpty();
        for (Locale language : Locale.values()) {
            assertThat(keys("_" + language.code)).as("keys of %s", language).isEqualTo(english);
        }
    }

    @Test
    void every_key_named_in_the_code_is_in_the_bundles() throws IOException {
        Set<String> english = keys("");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(english).containsAll(used);
    }

    @Test
    void no_translation_is_empty() throws IOException {
        for (String suffix : new String[] {"", "_fi", "_sv"}) {
            Properties p = load(suffix);
            p.forEach((k, v) -> assertThat(v.toString().strip()).as("%s%s", k, suffix).isNotEmpty());
        }
    }

    private enum Locale {
        FI("fi"), SV("sv");

        final String code;

        Locale(String code) {
            this.code = code;
        }
    }

    private static Set<String> keys(String suffix) throws IOException {
        return new TreeSet<>(load(suffix).stringPropertyNames());
    }

    private static Properties load(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationBundlesTest.class.getResourceAsStream(
                "/vaadin-i18n/translations" + suffix + ".properties")) {
            assertThat(in).as("bundle %s", suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}

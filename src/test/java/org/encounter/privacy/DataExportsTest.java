package org.encounter.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.encounter.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** "Download my data": one ZIP, built in the background, only ever for its own person. */
@org.springframework.test.context.TestPropertySource(properties = "encounter.demo.learning=true")
class DataExportsTest extends ServiceTest {

    @Autowired
    private DataExports exports;

    @Test
    void a_person_gets_everything_about_them_in_one_zip_with_a_summary_and_json() throws Exception {
        long tuula = personId("tuula");
        DataExports.Export asked = as("tuula", () -> exports.request(tuula));
        DataExports.Export ready = waitUntilReady("tuula", asked.id());
        assertThat(ready.percent()).isEqualTo(100);
        assertThat(ready.expiresAt()).isAfter(ready.readyAt());

        Map<String, byte[]> zip = unzip(as("tuula", () -> exports.open(asked.id())));
        assertThat(zip).containsKey("index.html");
        String summary = new String(zip.get("index.html"), StandardCharsets.UTF_8);
        String name = jdbc.queryForObject("select display_name from person where id = ?", String.class, tuula);
        assertThat(summary).contains(name).contains("tuula" + DOMAIN);
        assertThat(zip.keySet()).anyMatch(k -> k.startsWith("identity/") && k.endsWith(".json"));
        for (var entry : zip.entrySet()) {
            if (entry.getKey().endsWith(".json")) {
                JsonNode json = JsonMapper.builder().build().readTree(entry.getValue());
                assertThat(json.isArray()).as(entry.getKey()).isTrue();
            }
        }
        // Every part of the service is there, with the person's own words and their certificates' PDFs.
        for (String section : new String[] {"identity/", "learning/", "authoring/", "sets/", "exchange/",
                "certificates/"}) {
            assertThat(zip.keySet()).as(section).anyMatch(k -> k.startsWith(section));
        }
        assertThat(zip.keySet()).anyMatch(k -> k.startsWith("certificates/") && k.endsWith(".pdf"));
        zip.entrySet().stream().filter(e -> e.getKey().endsWith(".pdf"))
                .forEach(e -> assertThat(new String(e.getValue(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-"));
        String learningJson = zip.entrySet().stream().filter(e -> e.getKey().startsWith("learning/"))
                .map(e -> new String(e.getValue(), StandardCharsets.UTF_8)).reduce("", String::concat);
        String answer = jdbc.queryForObject("""
                select s.learned from attempt_step s join attempt a on a.id = s.attempt_id
                 where a.learner_id = ? and s.learned is not null and s.learned <> '' limit 1""", String.class, tuula);
        assertThat(learningJson).contains(answer);
        String exchangeJson = zip.entrySet().stream().filter(e -> e.getKey().startsWith("exchange/"))
                .map(e -> new String(e.getValue(), StandardCharsets.UTF_8)).reduce("", String::concat);
        assertThat(exchangeJson).contains(jdbc.queryForObject(
                "select wants from exchange_application where person_id = ?", String.class, tuula));
        // Nobody else's address is in it.
        String everything = zip.values().stream().map(b -> new String(b, StandardCharsets.ISO_8859_1))
                .reduce("", String::concat);
        assertThat(everything).doesNotContain("jussi" + DOMAIN);
        // The person is told it is ready.
        waitFor(() -> jdbc.queryForObject("select count(*) from notification where person_id = ? and kind = ?",
                Long.class, tuula, "data-export-ready") > 0);
    }

    @Test
    void nobody_asks_for_or_opens_another_persons_export() {
        long sanna = personId("sanna");
        DataExports.Export sannas = as("sanna", () -> exports.request(sanna));
        waitUntilReady("sanna", sannas.id());
        for (String who : new String[] {"jussi", "admin", "riikka"}) {
            if (jdbc.queryForObject("select count(*) from person where email = ?", Long.class, who + DOMAIN) == 0) {
                continue;
            }
            // Refused as not theirs (an access refusal, so the access matrix reads it as one), saying why.
            assertThatThrownBy(() -> as(who, () -> exports.request(sanna)))
                    .isInstanceOf(AccessDeniedException.class).hasMessage("privacy.export.not-yours");
            assertThatThrownBy(() -> as(who, () -> exports.open(sannas.id())))
                    .isInstanceOf(AccessDeniedException.class).hasMessage("privacy.export.not-yours");
            assertThatThrownBy(() -> as(who, () -> exports.status(sannas.id())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(who, () -> exports.fileName(sannas.id())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(as(who, () -> exports.mine())).noneMatch(e -> e.id() == sannas.id());
        }
    }

    private DataExports.Export waitUntilReady(String who, long id) {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < until) {
            DataExports.Export export = as(who, () -> exports.status(id));
            if (export.status() == DataExports.Status.READY) {
                return export;
            }
            assertThat(export.status()).isNotEqualTo(DataExports.Status.FAILED);
            sleep();
        }
        throw new AssertionError("export " + id + " not ready in 90 s");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("waited 30 s");
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, byte[]> unzip(InputStream in) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                zip.transferTo(out);
                files.put(entry.getName(), out.toByteArray());
            }
        }
        return files;
    }
}

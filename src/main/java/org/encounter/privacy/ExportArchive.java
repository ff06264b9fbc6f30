package org.encounter.privacy;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.encounter.base.Dates;
import org.encounter.base.PersonalExport;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * One person's export as a ZIP, written as the features hand over their records: each kind of record becomes a JSON
 * array ({@code learning/attempts.json}) and a part of the readable summary ({@code index.html}), each file goes in
 * as it is. Nothing is held in memory beyond the record being written: the summary grows in a file beside the ZIP
 * and goes in last.
 */
final class ExportArchive implements PersonalExport, Closeable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ZipOutputStream zip;
    private final Path summaryFile;
    private final Writer summary;
    private final Function<String, String> text;
    private final DateTimeFormatter dateTimes;
    private final DateTimeFormatter days;
    private final Set<String> entries = new HashSet<>();
    private String section;
    private String kind;
    private JsonGenerator json;

    /**
     * @param text      the reader's words for an i18n key, with arguments
     * @param summaryAt where the summary grows until it goes into the ZIP
     */
    ExportArchive(OutputStream target, Path summaryAt, Function<String, String> text, Dates dates,
                  java.util.Locale locale) throws IOException {
        this.zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
        this.summaryFile = summaryAt;
        this.summary = new BufferedWriter(Files.newBufferedWriter(summaryAt, StandardCharsets.UTF_8));
        this.text = text;
        this.dateTimes = dates.dateTimes(locale);
        this.days = Dates.days(FormatStyle.LONG, locale);
    }

    /** The summary's head: whose data, when. */
    void begin(String personName, Instant at) throws IOException {
        summary.write("<!DOCTYPE html>\n<html lang=\"" + html(text.apply("export.lang")) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + html(text.apply("export.title")) + "</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
                + "section.record{border-top:1px solid #bbb;padding:.5rem 0}dt{font-weight:600}"
                + "dd{margin:0 0 .5rem 0;white-space:pre-wrap}</style></head><body>\n<h1>"
                + html(text.apply("export.title")) + "</h1>\n<p>" + html(personName) + " · " + html(dateTimes.format(at))
                + "</p>\n<p>" + html(text.apply("export.intro")) + "</p>\n");
    }

    void beginSection(String name) throws IOException {
        endKind();
        this.section = name;
        summary.write("<h2>" + html(text.apply("export.section." + name)) + "</h2>\n");
    }

    @Override
    public void record(String recordKind, Object... fieldsAndValues) throws IOException {
        if (fieldsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields and values come in pairs");
        }
        if (!recordKind.equals(kind)) {
            endKind();
            startKind(recordKind);
        }
        json.writeStartObject();
        summary.write("<section class=\"record\"><dl>");
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            String field = (String) fieldsAndValues[i];
            Object value = fieldsAndValues[i + 1];
            json.writeName(field);
            writeJson(value);
            summary.write("<dt>" + html(text.apply("export.field." + field)) + "</dt><dd>" + html(show(value))
                    + "</dd>");
        }
        json.writeEndObject();
        summary.write("</dl></section>\n");
    }

    @Override
    public OutputStream file(String name) throws IOException {
        endKind();
        String path = unique(section + "/" + name.replaceAll("[^A-Za-z0-9._-]", "_"));
        zip.putNextEntry(new ZipEntry(path));
        summary.write("<p><a href=\"" + html(path) + "\">" + html(path) + "</a></p>\n");
        return new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                zip.closeEntry();
            }
        };
    }

    /** Closes the last kind and puts the summary in. */
    void finish() throws IOException {
        endKind();
        summary.write("</body></html>\n");
        summary.close();
        zip.putNextEntry(new ZipEntry("index.html"));
        Files.copy(summaryFile, zip);
        zip.closeEntry();
        zip.finish();
    }

    @Override
    public void close() throws IOException {
        try {
            summary.close();
            zip.close();
        } finally {
            Files.deleteIfExists(summaryFile);
        }
    }

    private void startKind(String recordKind) throws IOException {
        kind = recordKind;
        zip.putNextEntry(new ZipEntry(unique(section + "/" + recordKind + ".json")));
        json = JSON.createGenerator(new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() {
                // the entry is closed by the archive, the ZIP stays open
            }
        });
        json.writeStartArray();
        summary.write("<h3>" + html(text.apply("export.kind." + recordKind)) + "</h3>\n");
    }

    private void endKind() throws IOException {
        if (json != null) {
            json.writeEndArray();
            json.close();
            zip.closeEntry();
            json = null;
        }
        kind = null;
    }

    private String unique(String path) {
        String candidate = path;
        for (int n = 2; !entries.add(candidate); n++) {
            int dot = path.lastIndexOf('.');
            candidate = path.substring(0, dot) + "-" + n + path.substring(dot);
        }
        return candidate;
    }

    private void writeJson(Object value) {
        switch (value) {
            case null -> json.writeNull();
            case Boolean b -> json.writeBoolean(b);
            case Integer n -> json.writeNumber(n);
            case Long n -> json.writeNumber(n);
            case Number n -> json.writeNumber(n.toString());
            case Collection<?> list -> {
                json.writeStartArray();
                list.forEach(this::writeJson);
                json.writeEndArray();
            }
            default -> json.writeString(value.toString());
        }
    }

    private String show(Object value) {
        return switch (value) {
            case null -> "—";
            case Boolean b -> text.apply(b ? "export.yes" : "export.no");
            case Instant at -> dateTimes.format(at);
            case LocalDate day -> days.format(day);
            case Collection<?> list -> list.isEmpty() ? "—"
                    : list.stream().map(this::show).collect(Collectors.joining(", "));
            default -> value.toString();
        };
    }

    static String html(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

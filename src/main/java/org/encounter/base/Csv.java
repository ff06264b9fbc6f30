package org.encounter.base;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A CSV file for spreadsheets: UTF-8 with a byte-order mark (so names like "Åsa" open correctly), every field
 * quoted, quotes doubled, and a leading =, +, - or @ neutralised so a spreadsheet never runs it as a formula.
 */
public final class Csv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final StringBuilder text = new StringBuilder();

    public Csv(String... headers) {
        row(Arrays.asList(headers));
    }

    public Csv row(Object... values) {
        return row(Arrays.asList(values));
    }

    public Csv row(List<?> values) {
        text.append(values.stream().map(v -> quote(v == null ? "" : v.toString())).collect(Collectors.joining(",")))
                .append("\r\n");
        return this;
    }

    public String text() {
        return text.toString();
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    public static String quote(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}

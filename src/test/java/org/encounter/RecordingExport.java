package org.encounter;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.encounter.base.PersonalExport;

/** A person's export kept in memory, for tests to read what a feature wrote. */
public class RecordingExport implements PersonalExport {

    public record Entry(String kind, Map<String, Object> fields) {
    }

    public final List<Entry> records = new ArrayList<>();
    public final Map<String, ByteArrayOutputStream> files = new LinkedHashMap<>();

    @Override
    public void record(String kind, Object... fieldsAndValues) {
        if (fieldsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields and values come in pairs");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        records.add(new Entry(kind, fields));
    }

    @Override
    public OutputStream file(String name) {
        var out = new ByteArrayOutputStream();
        files.put(name, out);
        return out;
    }

    public List<Map<String, Object>> of(String kind) {
        return records.stream().filter(e -> e.kind().equals(kind)).map(Entry::fields).toList();
    }

    /** Everything written, as one text, to look for words that must or must not be there. */
    public String text() {
        return records.toString();
    }
}

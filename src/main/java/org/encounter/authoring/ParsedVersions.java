package org.encounter.authoring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Published versions as learners read them, parsed once and kept (the most recent few hundred). A version's words
 * never change; its credits may, once, when a co-designer is erased and asked to be credited as "a co-designer"
 * ({@link AuthoringPersonalData}), which then has them forgotten. Not a service: nothing here is guarded, and nothing
 * outside authoring reaches it.
 */
@Component
class ParsedVersions {

    private final Map<Long, PublishedModule> parsed = new LinkedHashMap<>(512, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, PublishedModule> eldest) {
            return size() > 500;
        }
    };

    PublishedModule read(ModuleVersion v) {
        synchronized (parsed) {
            PublishedModule known = parsed.get(v.getId());
            if (known != null) {
                return known;
            }
        }
        PublishedModule read = Publisher.read(v);
        synchronized (parsed) {
            parsed.put(v.getId(), read);
        }
        return read;
    }

    void forget() {
        synchronized (parsed) {
            parsed.clear();
        }
    }
}

package org.encounter.base.internal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.DependencyList;
import com.vaadin.flow.shared.ui.Dependency;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each open tab keeps a list of the front-end pieces its browser has loaded, so as not to send one twice. In
 * production Vaadin adds one for every component class a page uses and each of its parent classes ("load this
 * chunk"), about 30 a tab, each with its own copy of a 110-character text: some 5 KB a tab of texts that are the same
 * in every tab. After each of the tab's requests ({@link CompactTabs}), its pieces are swapped for one shared copy of
 * each, kept in the same order, so every tab refers to the same texts.
 *
 * <p>The list offers no way to replace a piece (its {@code remove} finds pieces by an id these have not), so this
 * reaches its two collections by name. Should a Vaadin version rename them, this logs so once and does nothing; the
 * test of this class fails on such a version.
 */
final class SharedDependencies {

    private static final Logger log = LoggerFactory.getLogger(SharedDependencies.class);
    /** One copy of each piece; bounded, as a guard (the app has a few hundred component classes, not thousands). */
    static final int MOST = 4_096;
    private static final Map<Dependency, Dependency> SHARED = new ConcurrentHashMap<>();
    private static final Field LOADED = field("urlToLoadedDependency");
    private static final Field URLS = field("urlCache");
    private static final Field SENT = field("sentToClient");

    static {
        if (!works()) {
            log.warn("This Vaadin version keeps a tab's front-end pieces differently; each tab keeps its own copies");
        }
    }

    private SharedDependencies() {
    }

    static boolean works() {
        return LOADED != null && URLS != null && SENT != null;
    }

    /** After a request of the tab, under its session's lock: its pieces refer to the shared copies. */
    static void share(UI ui) {
        if (works()) {
            share(ui.getInternals().getDependencyList());
        }
    }

    @SuppressWarnings("unchecked")
    static void share(DependencyList list) {
        try {
            Map<String, Dependency> loaded = (Map<String, Dependency>) LOADED.get(list);
            if (loaded.values().stream().allMatch(d -> shared(d) == d)) {
                return;
            }
            Set<String> urls = (Set<String>) URLS.get(list);
            Set<String> sent = (Set<String>) SENT.get(list);
            List<Dependency> inOrder = new ArrayList<>(loaded.values());
            loaded.clear();
            for (Dependency piece : inOrder) {
                Dependency one = shared(piece);
                loaded.put(one.getUrl(), one);
                if (one != piece) {
                    if (urls.remove(piece.getUrl())) {
                        urls.add(one.getUrl());
                    }
                    if (sent.remove(piece.getUrl())) {
                        sent.add(one.getUrl());
                    }
                }
            }
        } catch (IllegalAccessException | ClassCastException e) {
            log.debug("could not share a tab's front-end pieces", e);
        }
    }

    static Dependency shared(Dependency piece) {
        if (piece.getId() != null) {
            return piece; // one of a kind (Vaadin gives a page's style sheets a random id), and kept under its id too
        }
        Dependency one = SHARED.get(piece);
        if (one != null) {
            return one;
        }
        if (SHARED.size() >= MOST) {
            return piece;
        }
        one = SHARED.putIfAbsent(piece, piece);
        return one == null ? piece : one;
    }

    private static Field field(String name) {
        try {
            Field field = DependencyList.class.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }
}

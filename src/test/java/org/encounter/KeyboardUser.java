package org.encounter;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * A person with a keyboard and no mouse: moves with Tab and Shift+Tab, acts with Enter, Space and the arrow keys, and
 * types. Reaching a control means pressing Tab until it has focus; a control that Tab never reaches fails the test with
 * the path that Tab took.
 */
final class KeyboardUser {

    private static final int MOST_TABS = 120;

    /** The focused element, looking into shadow roots (a grid's cell, a side-nav item's link). */
    private static final String FOCUSED = """
            () => { let e = document.activeElement;
              while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
              return e; }""";

    /** True when the focused element is the target or lies inside it (through shadow roots and slots). */
    private static final String FOCUS_INSIDE = """
            t => { let e = document.activeElement;
              while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
              for (let n = e; n; n = n.parentNode || n.host) { if (n === t) return true; }
              return false; }""";

    private static final String DESCRIBE = """
            () => { let e = document.activeElement;
              while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
              if (!e) return '(nothing)';
              let host = e; while (host && !host.id && (host.parentNode || host.host)) host = host.parentNode || host.host;
              const text = (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().replace(/\\s+/g, ' ');
              return e.tagName.toLowerCase() + (host && host.id ? ' in #' + host.id : '') + ' "' + text.slice(0, 40) + '"'; }""";

    private final Page page;

    KeyboardUser(Page page) {
        this.page = page;
    }

    Page page() {
        return page;
    }

    /** Presses Tab until focus is inside the target. */
    KeyboardUser tabTo(Locator target) {
        return move(target, "Tab");
    }

    /** Presses Shift+Tab until focus is inside the target. */
    KeyboardUser backTo(Locator target) {
        return move(target, "Shift+Tab");
    }

    private KeyboardUser move(Locator target, String key) {
        target.first().waitFor();
        List<String> path = new ArrayList<>();
        for (int i = 0; i <= MOST_TABS; i++) {
            if (has(target)) {
                return this;
            }
            page.keyboard().press(key);
            path.add(focused());
        }
        throw new AssertionError(key + " never reached " + target + "; it went through " + path);
    }

    /** True when focus is inside the target. */
    boolean has(Locator target) {
        return Boolean.TRUE.equals(target.first().evaluate(FOCUS_INSIDE));
    }

    /** What has focus, for messages: tag, nearest id and text. */
    String focused() {
        return (String) page.evaluate(DESCRIBE);
    }

    /** The focused element's tag, type and role, to decide what a person would do with it. */
    String focusedKind() {
        return (String) page.evaluate("() => { const e = (" + FOCUSED + ")(); if (!e) return '';"
                + " return [e.tagName.toLowerCase(), e.type || '', e.getAttribute('role') || '',"
                + " e.closest('vaadin-date-picker') ? 'date' : '', e.checked ? 'checked' : '',"
                + " e.closest('vaadin-radio-group') && e.closest('vaadin-radio-group').value ? 'answered' : '',"
                + " (e.value || '').length > 0 ? 'filled' : ''].join(' '); }");
    }

    KeyboardUser press(String key) {
        page.keyboard().press(key);
        return this;
    }

    KeyboardUser type(String text) {
        page.keyboard().type(text);
        return this;
    }

    /** Tab to the target and press Enter on it. */
    KeyboardUser activate(Locator target) {
        return tabTo(target).press("Enter");
    }
}

package org.encounter.base.ui;

import com.vaadin.flow.component.html.Div;
import org.encounter.base.SafeMarkdown;

/**
 * Author-written Markdown, shown only after the one sanitiser. The sanitised HTML is this element's own content (one
 * node), and it is the very text the sanitiser keeps for the same Markdown, so a hundred people reading one story hold
 * one copy of it.
 */
public class MarkdownView extends Div {

    public MarkdownView(String markdown) {
        addClassName("markdown");
        show(markdown);
    }

    public final void show(String markdown) {
        showHtml(SafeMarkdown.toHtml(markdown));
    }

    /** For the preview beside a field being typed in: each version is rendered, none is kept. */
    public void showTyped(String markdown) {
        showHtml(SafeMarkdown.toHtmlUnkept(markdown));
    }

    private void showHtml(String html) {
        getElement().setProperty("innerHTML", html);
    }

    /** The sanitised HTML shown. */
    public String getHtml() {
        return getElement().getProperty("innerHTML", "");
    }
}

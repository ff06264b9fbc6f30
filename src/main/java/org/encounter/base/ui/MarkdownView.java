package org.encounter.base.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import org.encounter.base.SafeMarkdown;

/** Author-written Markdown, shown only after the one sanitiser. */
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
        removeAll();
        if (!html.isEmpty()) {
            add(new Html("<div>" + html + "</div>"));
        }
    }
}

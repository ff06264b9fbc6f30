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
        removeAll();
        String html = SafeMarkdown.toHtml(markdown);
        if (!html.isEmpty()) {
            add(new Html("<div>" + html + "</div>"));
        }
    }
}

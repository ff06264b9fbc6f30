package org.encounter.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.dom.Element;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

/**
 * Text that only shows, drawn by the browser from one element's markup: headings, paragraphs and badges that nothing
 * on the server reads or changes while the page is open. Each server-side component (and each of its texts) is a node
 * the server keeps for as long as the page is open, so a card of six texts costs a dozen nodes as components and one
 * as markup. Every text and attribute value is escaped: what a person wrote is shown as text, never as markup.
 */
public class Markup extends Component implements HasStyle {

    /** The markup so far; the element's innerHTML is this same String, so the page keeps it once. */
    private String html = "";

    public Markup() {
        this("div");
    }

    protected Markup(String tag) {
        super(new Element(tag));
    }

    /** One element holding a text, e.g. {@code Markup.element("span", name)}: one node instead of two. */
    public static Markup element(String tag, String text) {
        return new Markup(tag).text(text);
    }

    /** Starts an element ({@code attributes} in name, value pairs); {@link #close} ends it. */
    public Markup open(String tag, String... attributes) {
        StringBuilder element = new StringBuilder("<").append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            element.append(' ').append(attributes[i]).append("=\"").append(Entities.escape(attributes[i + 1])).append('"');
        }
        return append(element.append('>').toString());
    }

    public Markup close(String tag) {
        return append("</" + tag + ">");
    }

    /** An element holding a text: {@code add("p", summary, "class", "muted")}. */
    public Markup add(String tag, String text, String... attributes) {
        open(tag, attributes);
        return text(text).close(tag);
    }

    public Markup text(String text) {
        return append(Entities.escape(text));
    }

    /** What a reader sees: the texts, without the markup. */
    public String getText() {
        return Jsoup.parseBodyFragment(html).text();
    }

    /**
     * For markup that many pages have alike, from a small set of variants (the menu: one per language and set of
     * roles): every page then refers to one copy of it instead of keeping its own.
     */
    protected Markup share() {
        html = html.intern();
        getElement().setProperty("innerHTML", html);
        return this;
    }

    private Markup append(String piece) {
        html = html + piece;
        getElement().setProperty("innerHTML", html);
        return this;
    }
}

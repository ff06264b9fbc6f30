package org.encounter.base;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The one way user-written text becomes HTML: a Markdown subset (headings, emphasis, lists,
 * links, quotes) rendered with raw HTML escaped, then cleaned by one strict allow-list. No
 * script, event handler, style, frame or unsafe URL survives; links open safely.
 */
public final class SafeMarkdown {

    /** The whole allow-list: nothing else reaches a browser. */
    private static final Safelist ALLOWED = new Safelist()
            .addTags("p", "br", "h2", "h3", "h4", "em", "strong", "ul", "ol", "li", "blockquote", "a", "code")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "https", "http", "mailto")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow")
            .addEnforcedAttribute("a", "target", "_blank");

    private static final Parser PARSER = Parser.builder()
            .extensions(java.util.List.<Extension>of())
            .enabledBlockTypes(Set.of(org.commonmark.node.Heading.class, org.commonmark.node.BlockQuote.class,
                    org.commonmark.node.ListBlock.class))
            .build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();

    /**
     * The same published texts are shown to everyone taking a module, so their HTML is kept: the last
     * {@value #CACHED} texts of up to {@value #CACHED_LENGTH} characters. Parsing and cleaning them was a
     * measurable share of a page view's CPU under load.
     */
    static final int CACHED = 512;
    static final int CACHED_LENGTH = 20_000;
    private static final Map<String, String> RENDERED = Collections.synchronizedMap(
            new LinkedHashMap<>(CACHED, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > CACHED;
                }
            });

    private SafeMarkdown() {
    }

    /** Safe HTML for the given Markdown; empty for null. */
    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        if (markdown.length() > CACHED_LENGTH) {
            return render(markdown);
        }
        String html = RENDERED.get(markdown);
        if (html == null) {
            html = render(markdown);
            RENDERED.put(markdown, html);
        }
        return html;
    }

    static int keptCount() {
        return RENDERED.size();
    }

    /** The same, not kept: for text still being typed, whose every version would fill the cache. */
    public static String toHtmlUnkept(String markdown) {
        return markdown == null || markdown.isBlank() ? "" : render(markdown);
    }

    private static String render(String markdown) {
        Node document = PARSER.parse(markdown);
        String html = RENDERER.render(document);
        // Headings start at h2: the page's own title is the h1.
        html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>");
        return clean(html).strip();
    }

    /** Cleans any HTML with the allow-list (used for rendered Markdown only). */
    static String clean(String html) {
        Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", ALLOWED, settings);
    }
}

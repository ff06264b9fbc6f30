package org.encounter.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class SafeMarkdownTest {

    private static final Set<String> TAGS = Set.of("body", "p", "br", "h2", "h3", "h4", "em", "strong", "ul", "ol",
            "li", "blockquote", "a", "code");
    private static final Map<String, Set<String>> ATTRIBUTES = Map.of("a", Set.of("href", "rel", "target"));

    @Test
    void renders_the_markdown_subset_authors_use() {
        String html = SafeMarkdown.toHtml("""
                # What happened

                I was *seventeen* and **scared**.

                - they asked about school
                - nobody asked about me

                > See the whole person.

                [Read more](https://example.org/story)
                """);
        assertThat(html).contains("<h2>What happened</h2>", "<em>seventeen</em>", "<strong>scared</strong>",
                "<li>they asked about school</li>", "<blockquote>",
                "<a href=\"https://example.org/story\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">Read more</a>");
    }

    @Test
    void none_of_the_known_xss_payloads_survives() throws IOException {
        List<String> payloads = payloads();
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(100);
        for (String payload : payloads) {
            String html = SafeMarkdown.toHtml(payload);
            assertThat(html.toLowerCase()).as(payload).doesNotContain("<script", "<iframe", "<svg", "<img", "<style",
                    "<object", "<embed", "<meta", "<link", "<base", "<form", "<input");
            for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
                assertThat(TAGS).as("tag in output of %s", payload).contains(element.tagName());
                for (Attribute attribute : element.attributes()) {
                    assertThat(ATTRIBUTES.getOrDefault(element.tagName(), Set.of()))
                            .as("attribute %s of %s in output of %s", attribute.getKey(), element.tagName(), payload)
                            .contains(attribute.getKey());
                    if (attribute.getKey().equals("href")) {
                        assertThat(attribute.getValue()).as("href in output of %s", payload)
                                .matches("(?i)^(https?://|mailto:).*");
                    }
                }
            }
        }
    }

    @Test
    void plain_text_and_nothing_stay_harmless() {
        assertThat(SafeMarkdown.toHtml(null)).isEmpty();
        assertThat(SafeMarkdown.toHtml("   ")).isEmpty();
        assertThat(SafeMarkdown.toHtml("5 < 6 & 7 > 3")).isEqualTo("<p>5 &lt; 6 &amp; 7 &gt; 3</p>");
    }

    private static List<String> payloads() throws IOException {
        try (InputStream in = SafeMarkdownTest.class.getResourceAsStream("/base/xss-payloads.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @Test
    void kept_html_is_the_same_html_and_the_cache_stays_bounded() {
        String text = "A *kept* story <script>alert(1)</script>";
        String first = SafeMarkdown.toHtml(text);
        assertThat(SafeMarkdown.toHtml(text)).isEqualTo(first).isEqualTo(SafeMarkdown.toHtmlUnkept(text))
                .doesNotContain("<script");
        for (int i = 0; i < SafeMarkdown.CACHED + 50; i++) {
            SafeMarkdown.toHtml("Story number " + i);
        }
        assertThat(SafeMarkdown.keptCount()).isEqualTo(SafeMarkdown.CACHED);
        String typed = "Typed but never kept " + System.nanoTime();
        SafeMarkdown.toHtmlUnkept(typed);
        assertThat(SafeMarkdown.toHtml("Story number " + (SafeMarkdown.CACHED + 49))).isEqualTo("<p>Story number "
                + (SafeMarkdown.CACHED + 49) + "</p>");
    }
}

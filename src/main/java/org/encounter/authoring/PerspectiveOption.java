package org.encounter.authoring;

/** One answer of a perspective check, with the author's explanation of it (Markdown). */
public record PerspectiveOption(String text, String explanation) {
}

package org.encounter.authoring;

/** A credited author of a module. */
public record AuthorView(long personId, String displayName, String credit, boolean owner) {
}

package org.encounter.authoring;

/**
 * For an author, one of their modules that waits for them: the curators asked for changes, or others commented
 * since the author last wrote a comment there or sent it for review ({@code newComments}).
 */
public record AuthorWaiting(long moduleId, String title, boolean changesRequested, long newComments) {
}

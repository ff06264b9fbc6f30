package org.encounter.authoring;

import java.time.Instant;

/** A comment beside a step ({@code stepId} null: about the whole module). */
public record CommentView(long id, Long stepId, String author, String body, Instant at) {
}

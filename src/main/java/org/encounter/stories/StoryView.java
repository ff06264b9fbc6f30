package org.encounter.stories;

import java.time.Instant;

/**
 * A story as others read it. It never carries the writer's id, and {@code writerName} is null when the story is
 * anonymous. {@code mine} tells the writer their own story apart. {@code revision} names this text: a curator's
 * decision carries it back, so nobody approves words they did not read. A story offered from elsewhere (a Leadership
 * Exchange) has no attempt or module: {@code moduleTitle} then says what it is about; {@code editLink} is where its
 * writer edits it.
 */
public record StoryView(long id, Long attemptId, Long moduleId, String moduleTitle, String editLink, String title, String tried,
                        String happened, String learned, boolean anonymous, String writerName, StoryStatus status,
                        String curatorComment, Instant updatedAt, boolean mine, long revision) {
}

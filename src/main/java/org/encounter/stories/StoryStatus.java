package org.encounter.stories;

public enum StoryStatus {
    SUBMITTED, RETURNED, APPROVED;

    public String labelKey() {
        return "story.status." + name().toLowerCase();
    }
}

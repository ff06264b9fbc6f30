package org.encounter.authoring;

/** Draft → In review → (Changes requested → In review)* → Published → Archived. */
public enum ModuleStatus {
    DRAFT, IN_REVIEW, CHANGES_REQUESTED, PUBLISHED, ARCHIVED;

    /** Authors may change the content only in these states. */
    public boolean editable() {
        return this == DRAFT || this == CHANGES_REQUESTED;
    }

    public String labelKey() {
        return "module.status." + name().toLowerCase();
    }
}

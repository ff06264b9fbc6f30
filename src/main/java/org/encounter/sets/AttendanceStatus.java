package org.encounter.sets;

/** Whether a member came to a meeting. */
public enum AttendanceStatus {
    PRESENT, ABSENT, EXCUSED;

    public String labelKey() {
        return "attendance." + name().toLowerCase(java.util.Locale.ROOT);
    }
}

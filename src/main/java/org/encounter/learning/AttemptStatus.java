package org.encounter.learning;

public enum AttemptStatus {
    IN_PROGRESS, AWAITING_REPORT_BACK, COMPLETED;

    public String labelKey() {
        return "attempt.status." + name().toLowerCase().replace('_', '-');
    }
}

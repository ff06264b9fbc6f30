package org.encounter.progress;

/** Where one member stands with one module, as the dashboard shows it. */
public enum CellStatus {
    NOT_STARTED, IN_PROGRESS, AWAITING_REPORT_BACK, COMPLETED, OVERDUE, EXPIRING, EXPIRED;

    public String labelKey() {
        return "progress.status." + name().toLowerCase().replace('_', '-');
    }
}

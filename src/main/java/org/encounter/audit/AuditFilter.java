package org.encounter.audit;

import java.time.LocalDate;

/**
 * What the admin narrows the log to; null means any. Dates are days in the configured time zone, both inclusive;
 * {@code personId} matches entries the person did or that were done to them.
 */
public record AuditFilter(LocalDate from, LocalDate to, String action, Long personId) {

    public static final AuditFilter ANY = new AuditFilter(null, null, null, null);
}

package org.encounter.audit;

/**
 * Whether the audit log's hash chain is intact: how many entries were checked, and otherwise the first entry that
 * was changed or is missing ({@code brokenAt}, {@code missing}).
 */
public record ChainStatus(boolean intact, long entries, Long brokenAt, boolean missing) {
}

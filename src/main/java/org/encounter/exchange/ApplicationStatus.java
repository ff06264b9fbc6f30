package org.encounter.exchange;

/** An application's way: waiting for the leader's manager, confirmed (in the pool), not confirmed, or withdrawn. */
public enum ApplicationStatus {
    AWAITING_MANAGER, CONFIRMED, NOT_CONFIRMED, WITHDRAWN
}

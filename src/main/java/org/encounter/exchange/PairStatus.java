package org.encounter.exchange;

/**
 * A pair's way: proposed (only the coordinator sees it), published (both asked), accepted by both, declined by
 * either, completed, or ended early.
 */
public enum PairStatus {
    PROPOSED, PUBLISHED, ACCEPTED, DECLINED, COMPLETED, ENDED;

    /** Whether the pair holds its two applications: nobody in it may be paired again. */
    boolean holds() {
        return this != DECLINED && this != ENDED;
    }
}

package org.encounter.identity;

/** A partnership as its list shows it. */
public record PartnershipSummary(long id, String name) {

    static PartnershipSummary of(Partnership p) {
        return new PartnershipSummary(p.getId(), p.getName());
    }
}

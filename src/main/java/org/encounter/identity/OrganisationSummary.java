package org.encounter.identity;

public record OrganisationSummary(long id, String name) {

    static OrganisationSummary of(Organisation o) {
        return new OrganisationSummary(o.getId(), o.getName());
    }
}

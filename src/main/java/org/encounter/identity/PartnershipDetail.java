package org.encounter.identity;

import java.util.List;

/** A partnership with its current member organisations and its coordinators, for those who manage it. */
public record PartnershipDetail(long id, String name, List<OrganisationSummary> members, List<PersonRef> coordinators) {
}

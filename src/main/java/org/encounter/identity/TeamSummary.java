package org.encounter.identity;

import java.util.Comparator;
import java.util.List;

public record TeamSummary(long id, String name, long organisationId, String organisationName,
                          List<PersonRef> managers, List<PersonRef> members) {

    static TeamSummary of(Team t) {
        return new TeamSummary(t.getId(), t.getName(), t.getOrganisation().getId(), t.getOrganisation().getName(),
                sorted(t.getManagers()), sorted(t.getMembers()));
    }

    private static List<PersonRef> sorted(java.util.Collection<Person> people) {
        return people.stream().map(PersonRef::of)
                .sorted(Comparator.comparing(PersonRef::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}

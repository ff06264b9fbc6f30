package org.encounter.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names of organisations and partnerships by id, for saying where something comes from (a catalogue card, a
 * certificate). Callers pass ids they already may show, as {@link OrganisationScope} decided; names are all it gives.
 */
@Service
@Transactional(readOnly = true)
public class OrganisationNames {

    private final OrganisationRepository organisations;
    private final PartnershipRepository partnerships;

    OrganisationNames(OrganisationRepository organisations, PartnershipRepository partnerships) {
        this.organisations = organisations;
        this.partnerships = partnerships;
    }

    public Map<Long, String> organisations(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            organisations.findAllById(ids).forEach(o -> names.put(o.getId(), o.getName()));
        }
        return names;
    }

    /** Server-side look-up (seeding the demo world); never exposed to a browser. */
    public java.util.Optional<Long> partnershipNamed(String name) {
        return partnerships.findByName(name).map(Partnership::getId);
    }

    /** Every partnership's id: for the platform admin, whose scope is everywhere. */
    public java.util.Set<Long> allPartnershipIds() {
        return partnerships.findAll().stream().map(Partnership::getId).collect(java.util.stream.Collectors.toSet());
    }

    public Map<Long, String> partnerships(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            partnerships.findAllById(ids).forEach(p -> names.put(p.getId(), p.getName()));
        }
        return names;
    }
}

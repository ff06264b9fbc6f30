package org.encounter.identity;

import org.encounter.base.RecordNotFound;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import org.encounter.base.Validation;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
@RolesAllowed(Role.Names.ADMIN)
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final Clock clock;

    OrganisationService(OrganisationRepository organisations, Clock clock) {
        this.organisations = organisations;
        this.clock = clock;
    }

    public List<OrganisationSummary> page(String search, Pageable pageable) {
        return organisations.search(search == null ? "" : search.strip(), Paging.allowOnly(pageable, java.util.Set.of("name"), Sort.by("name")))
                .map(OrganisationSummary::of).getContent();
    }

    @Transactional
    public OrganisationSummary create(String name) {
        String clean = Validation.clean(name);
        Validation v = Validation.start().text("name", clean, Organisation.NAME_MAX);
        v.require("name", v.hasError("name") || !organisations.existsByNameIgnoreCase(clean), "organisation.name-taken");
        v.check();
        return OrganisationSummary.of(organisations.save(new Organisation(clean, clock.instant())));
    }

    @Transactional
    public OrganisationSummary rename(long id, String name) {
        String clean = Validation.clean(name);
        Validation v = Validation.start().text("name", clean, Organisation.NAME_MAX);
        v.require("name", v.hasError("name") || !organisations.existsByNameIgnoreCaseAndIdNot(clean, id),
                "organisation.name-taken");
        v.check();
        Organisation organisation = organisations.findById(id).orElseThrow(() -> new RecordNotFound("organisation", id));
        organisation.rename(clean);
        return OrganisationSummary.of(organisation);
    }
}

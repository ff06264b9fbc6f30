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

/** Organisations: a platform admin lists, creates and renames them; an organisation admin sees only their own. */
@Service
@Transactional(readOnly = true)
@RolesAllowed(Role.Names.ADMIN)
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final OrganisationScope scope;
    private final Clock clock;

    OrganisationService(OrganisationRepository organisations, OrganisationScope scope, Clock clock) {
        this.organisations = organisations;
        this.scope = scope;
        this.clock = clock;
    }

    public List<OrganisationSummary> page(String search, Pageable pageable) {
        return search(new OrganisationScope.Scope(true, java.util.Set.of()), search, pageable);
    }

    /** The organisations the signed-in admin administers, to choose one for a new team or invitation. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
    public List<OrganisationSummary> administered(String search, Pageable pageable) {
        return search(scope.administered(), search, pageable);
    }

    private List<OrganisationSummary> search(OrganisationScope.Scope in, String search, Pageable pageable) {
        return organisations.search(in.everywhere(), in.forQuery(), search == null ? "" : search.strip(),
                        Paging.allowOnly(pageable, java.util.Set.of("name"), Sort.by("name")))
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

package org.encounter.authoring;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.encounter.identity.OrganisationScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a module came from for an organisation's learner: through which partnership, if any. A certificate asks it
 * once, at issue, and keeps the answer.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class ModuleOrigins {

    private final ModuleRepository modules;
    private final ModuleShareRepository shares;
    private final OrganisationScope scope;
    private final Clock clock;

    ModuleOrigins(ModuleRepository modules, ModuleShareRepository shares, OrganisationScope scope, Clock clock) {
        this.modules = modules;
        this.shares = shares;
        this.scope = scope;
        this.clock = clock;
    }

    /**
     * Whether the organisation's learners have the published module in their catalogue now: it is the
     * organisation's own, or shared with a partnership the organisation is a member of. A mixed set asks it of each
     * newcomer's organisation, so nobody joins a set on a module they cannot open.
     */
    public boolean reaches(long moduleId, long organisationId) {
        return modules.findById(moduleId).filter(m -> m.getStatus() == ModuleStatus.PUBLISHED).map(m ->
                m.getOrganisationId() == organisationId || partnershipThrough(moduleId, organisationId,
                        clock.instant()).isPresent()).orElse(false);
    }

    /**
     * The partnership through which the module reached the organisation at that instant: the module is hosted by
     * another organisation and was then shared with a partnership the organisation was then a member of (the one
     * shared with longest, should there be several). Empty for the organisation's own module or an unknown one.
     */
    public Optional<Long> partnershipThrough(long moduleId, long organisationId, Instant at) {
        if (modules.findById(moduleId).filter(m -> m.getOrganisationId() != organisationId).isEmpty()) {
            return Optional.empty();
        }
        Set<Long> memberships = scope.partnershipsAt(organisationId, at);
        if (memberships.isEmpty()) {
            return Optional.empty();
        }
        return shares.sharedAt(moduleId, memberships, at).stream().findFirst();
    }
}

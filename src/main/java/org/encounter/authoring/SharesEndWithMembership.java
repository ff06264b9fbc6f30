package org.encounter.authoring;

import java.time.Clock;
import org.encounter.identity.PartnershipService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An organisation that leaves a partnership takes its modules out of the partnership's catalogue, in the same
 * transaction as the leaving. Attempts, completions and certificates made through the share stay as they are.
 */
@Component
class SharesEndWithMembership {

    private final ModuleShareRepository shares;
    private final Clock clock;
    private final org.encounter.identity.CurrentPerson currentPerson;
    private final org.springframework.context.ApplicationEventPublisher events;

    SharesEndWithMembership(ModuleShareRepository shares, Clock clock,
                            org.encounter.identity.CurrentPerson currentPerson,
                            org.springframework.context.ApplicationEventPublisher events) {
        this.shares = shares;
        this.clock = clock;
        this.currentPerson = currentPerson;
        this.events = events;
    }

    @EventListener
    void on(PartnershipService.MemberLeft left) {
        int ended = shares.endOfHost(left.partnershipId(), left.organisationId(), clock.instant());
        if (ended > 0) {
            // The shared catalogue changed with the leaving: the audit log says how much, beside the leaving itself.
            events.publishEvent(new org.encounter.base.Audited(currentPerson.id().orElse(null), "module-shares-ended",
                    "partnership", Long.toString(left.partnershipId()), left.organisationId(),
                    "organisation=" + left.organisationId() + ";shares=" + ended));
        }
    }
}

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

    SharesEndWithMembership(ModuleShareRepository shares, Clock clock) {
        this.shares = shares;
        this.clock = clock;
    }

    @EventListener
    void on(PartnershipService.MemberLeft left) {
        shares.endOfHost(left.partnershipId(), left.organisationId(), clock.instant());
    }
}

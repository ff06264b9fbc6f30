package org.encounter.learning;

import java.time.ZoneId;
import org.encounter.identity.OrganisationScope;
import org.encounter.identity.PersonJoined;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A person who joins an organisation gets the induction pathway of every partnership it is a current member of
 * (which, {@link OrganisationScope} says). It runs once the joining has committed, in a transaction of its own: a
 * problem here is logged and never undoes the new account.
 */
@Component
class PathwayOnJoining {

    private static final Logger log = LoggerFactory.getLogger(PathwayOnJoining.class);

    private final OrganisationScope scope;
    private final PathwayRepository pathways;
    private final PathwayAssigner assigner;
    private final ZoneId zone;
    private final TransactionTemplate ownTransaction;

    PathwayOnJoining(OrganisationScope scope, PathwayRepository pathways, PathwayAssigner assigner,
                     org.encounter.base.Dates dates, PlatformTransactionManager transactions) {
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.scope = scope;
        this.pathways = pathways;
        this.assigner = assigner;
        this.zone = dates.zone();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PersonJoined joined) {
        try {
            org.encounter.base.SystemAccess.run(() -> ownTransaction.execute(status -> {
                var partnerships = scope.membershipsOf(joined.organisationId());
                for (Pathway pathway : partnerships.isEmpty() ? java.util.List.<Pathway>of()
                        : pathways.findByPartnershipIdIn(partnerships)) {
                    assigner.assign(pathway, joined.personId(), joined.organisationId(),
                            joined.joinedAt().atZone(zone).toLocalDate(), joined.joinedAt(), true);
                }
                return null;
            }));
        } catch (RuntimeException e) {
            log.error("Could not give person {} their induction pathway", joined.personId(), e);
        }
    }
}

package org.encounter.exchange;

import org.encounter.base.RecordNotFound;
import org.encounter.identity.CurrentPerson;
import org.encounter.identity.OrganisationScope;
import org.springframework.stereotype.Component;

/**
 * Who may reach which round, application and pair. A round is its partnership's coordinators' (and the platform
 * admin's): anyone else, a coordinator of another partnership included, meets "not found". A pair is its two
 * partners'. Which partnerships a person coordinates is {@link OrganisationScope}'s answer, never this feature's.
 */
@Component
class ExchangeAccess {

    private final ExchangeRoundRepository rounds;
    private final ExchangeApplicationRepository applications;
    private final ExchangePairRepository pairs;
    private final OrganisationScope scope;
    private final CurrentPerson currentPerson;

    ExchangeAccess(ExchangeRoundRepository rounds, ExchangeApplicationRepository applications,
                   ExchangePairRepository pairs, OrganisationScope scope, CurrentPerson currentPerson) {
        this.rounds = rounds;
        this.applications = applications;
        this.pairs = pairs;
        this.scope = scope;
        this.currentPerson = currentPerson;
    }

    /** A round the signed-in person coordinates. */
    ExchangeRound coordinated(long roundId) {
        ExchangeRound round = rounds.findById(roundId).orElseThrow(() -> new RecordNotFound("exchange round", roundId));
        if (!scope.coordinated().includes(round.getPartnershipId())) {
            throw new RecordNotFound("exchange round", roundId);
        }
        return round;
    }

    /** The same, locked until the transaction ends: matching, fixing and publishing take turns. */
    ExchangeRound coordinatedLocked(long roundId) {
        coordinated(roundId);
        return rounds.lock(roundId).orElseThrow(() -> new RecordNotFound("exchange round", roundId));
    }

    /** An application in a round the signed-in person coordinates. */
    ExchangeApplication applicationInCoordinated(long roundId, long applicationId) {
        ExchangeApplication application = applications.findById(applicationId)
                .filter(a -> a.getRoundId() == roundId)
                .orElseThrow(() -> new RecordNotFound("exchange application", applicationId));
        coordinated(application.getRoundId());
        return application;
    }

    /** A pair the signed-in person is one of, with their own application in it. */
    Mine mine(long pairId) {
        ExchangePair pair = pairs.findById(pairId).orElseThrow(() -> new RecordNotFound("exchange pair", pairId));
        long me = currentPerson.requireId();
        ExchangeApplication first = applications.findById(pair.getFirstId()).orElseThrow();
        ExchangeApplication second = applications.findById(pair.getSecondId()).orElseThrow();
        // A proposal the coordinator has not published is not the partners' yet.
        if (pair.getStatus() == PairStatus.PROPOSED) {
            throw new RecordNotFound("exchange pair", pairId);
        }
        if (first.getPersonId() == me) {
            return new Mine(pair, first, second);
        }
        if (second.getPersonId() == me) {
            return new Mine(pair, second, first);
        }
        throw new RecordNotFound("exchange pair", pairId);
    }

    long me() {
        return currentPerson.requireId();
    }

    /** A pair seen from one partner: their application and their partner's. */
    record Mine(ExchangePair pair, ExchangeApplication own, ExchangeApplication partner) {
    }
}

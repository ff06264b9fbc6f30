package org.encounter.exchange;

import java.time.Clock;
import java.util.List;
import org.encounter.base.NotifyPerson;
import org.encounter.identity.OrganisationNames;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * When a pair is done: each partner has hosted the round's number of visits, both recorded each as happened, and
 * both rated every goal again at the end. Then both earn the certificate "Leadership Exchange: round", naming the
 * partner's organisation.
 */
@Component
class ExchangeCompletion {

    private final ExchangeRoundRepository rounds;
    private final ExchangeApplicationRepository applications;
    private final ExchangeGoalRepository goals;
    private final ExchangeVisitRepository visits;
    private final OrganisationNames names;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExchangeCompletion(ExchangeRoundRepository rounds, ExchangeApplicationRepository applications,
                       ExchangeGoalRepository goals, ExchangeVisitRepository visits, OrganisationNames names,
                       ApplicationEventPublisher events, Clock clock) {
        this.rounds = rounds;
        this.applications = applications;
        this.goals = goals;
        this.visits = visits;
        this.names = names;
        this.events = events;
        this.clock = clock;
    }

    static int doneHostedBy(List<ExchangeVisit> visits, long applicationId) {
        return (int) visits.stream().filter(v -> v.done() && v.getHostId() == applicationId).count();
    }

    /** Whether each partner has hosted the agreed number of visits, each recorded as happened by both. */
    static boolean visitsDone(List<ExchangeVisit> visits, ExchangeRound round, ExchangePair pair) {
        return doneHostedBy(visits, pair.getFirstId()) >= round.getVisitsEachWay()
                && doneHostedBy(visits, pair.getSecondId()) >= round.getVisitsEachWay();
    }

    static boolean goalsRated(List<ExchangeGoal> all, long applicationId) {
        List<ExchangeGoal> own = all.stream().filter(g -> g.getApplicationId() == applicationId).toList();
        return own.size() >= ExchangeGoal.MIN_GOALS && own.stream().allMatch(g -> g.getEndRating() != null);
    }

    void completeIfDone(ExchangePair pair) {
        if (pair.getStatus() != PairStatus.ACCEPTED) {
            return;
        }
        ExchangeRound round = rounds.findById(pair.getRoundId()).orElseThrow();
        List<ExchangeGoal> all = goals.findByPairIdOrderByApplicationIdAscPositionAsc(pair.getId());
        if (!visitsDone(visits.findByPairIdOrderByDateAscIdAsc(pair.getId()), round, pair)
                || !goalsRated(all, pair.getFirstId()) || !goalsRated(all, pair.getSecondId())) {
            return;
        }
        pair.complete(clock.instant());
        ExchangeApplication first = applications.findById(pair.getFirstId()).orElseThrow();
        ExchangeApplication second = applications.findById(pair.getSecondId()).orElseThrow();
        String partnership = names.partnerships(List.of(round.getPartnershipId()))
                .getOrDefault(round.getPartnershipId(), "");
        for (ExchangeApplication[] pairing : new ExchangeApplication[][] {{first, second}, {second, first}}) {
            String partnerOrganisation = names.organisations(List.of(pairing[1].getOrganisationId()))
                    .getOrDefault(pairing[1].getOrganisationId(), "");
            certify(pairing[0].getPersonId(), pair, round, partnerOrganisation, partnership);
            events.publishEvent(new NotifyPerson(pairing[0].getPersonId(), "exchange-completed",
                    "exchange-pair:" + pair.getId(), "notify.exchange-completed", List.of(round.getName()),
                    "certificates"));
        }
    }

    private void certify(long personId, ExchangePair pair, ExchangeRound round, String partnerOrganisation,
                         String partnership) {
        events.publishEvent(new org.encounter.certificates.ProgrammeCompleted(personId, "exchange",
                "exchange-pair:" + pair.getId(), round.getName(), partnerOrganisation, round.getPartnershipId(),
                partnership, pair.getCompletedAt()));
    }
}

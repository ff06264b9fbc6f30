package org.encounter.exchange;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.encounter.base.Dates;
import org.encounter.base.InvalidInputException;
import org.encounter.base.NotifyPerson;
import org.encounter.base.Validation;
import org.encounter.identity.OrganisationNames;
import org.encounter.identity.OrganisationScope;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A pair's own workspace, for its two partners only: the partner's profile (what they chose to show), each partner's
 * answer, the agreement's goals rated before and after, the visits and, after each, the guest's reflection. A
 * reflection is its writer's alone unless they share it with their partner; the coordinator never reads one, and
 * nobody outside the pair learns from here who declined whom.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed(Role.Names.LEARNER)
public class ExchangeAgreements {

    static final int REASON_MAX = ExchangePair.REASON_MAX;

    public record MyPair(long id, String round, PairStatus status, String partner, String partnerOrganisation,
                         boolean answered) {
    }

    /** The partner as shown to the signed-in leader; fields they chose not to show are null. */
    public record Profile(String name, String organisation, Sector sector, Level level, String wants, String offers,
                          Set<Theme> wantThemes, Set<Theme> offerThemes, Set<String> languages,
                          Set<java.time.DayOfWeek> availability, String availabilityNote) {
    }

    /** A goal; the ratings are given only for the signed-in leader's own goals. */
    public record Goal(long id, String text, Integer startRating, Integer endRating) {
    }

    public record GoalInput(String text, Integer startRating) {
    }

    /**
     * A visit as one partner sees it. {@code reflection} is the signed-in leader's own (as guest), or the partner's
     * when they shared it; otherwise null.
     */
    public record Visit(long id, boolean iHost, LocalDate date, String place, String shadow, boolean doneByMe,
                        boolean doneByPartner, String reflection, boolean reflectionShared, boolean reflectionMine) {
    }

    public record Detail(long id, long roundId, String round, LocalDate startsOn, LocalDate endsOn, int visitsEachWay,
                         Instant briefingAt, Instant debriefAt, String meetingPlace, PairStatus status,
                         String myAnswer, Profile partner, List<Goal> myGoals, List<Goal> partnerGoals,
                         List<Visit> visits, int doneHostedByMe, int doneHostedByPartner, boolean endRatingsOpen) {
    }

    private final ExchangeAccess access;
    private final ExchangeRoundRepository rounds;
    private final ExchangeApplicationRepository applications;
    private final ExchangePairRepository pairs;
    private final ExchangeGoalRepository goals;
    private final ExchangeVisitRepository visits;
    private final PersonDirectory directory;
    private final OrganisationNames names;
    private final OrganisationScope scope;
    private final ExchangeCompletion completion;
    private final ApplicationEventPublisher events;
    private final Dates dates;
    private final Clock clock;

    ExchangeAgreements(ExchangeAccess access, ExchangeRoundRepository rounds,
                       ExchangeApplicationRepository applications, ExchangePairRepository pairs,
                       ExchangeGoalRepository goals, ExchangeVisitRepository visits, PersonDirectory directory,
                       OrganisationNames names, OrganisationScope scope, ExchangeCompletion completion,
                       ApplicationEventPublisher events, Dates dates, Clock clock) {
        this.access = access;
        this.rounds = rounds;
        this.applications = applications;
        this.pairs = pairs;
        this.goals = goals;
        this.visits = visits;
        this.directory = directory;
        this.names = names;
        this.scope = scope;
        this.completion = completion;
        this.events = events;
        this.dates = dates;
        this.clock = clock;
    }

    /** The signed-in leader's pairs, published or later, newest first. */
    public List<MyPair> mine() {
        List<ExchangeApplication> own = applications.findByPersonIdOrderByCreatedAtDesc(access.me());
        Set<Long> ownIds = own.stream().map(ExchangeApplication::getId).collect(Collectors.toSet());
        if (ownIds.isEmpty()) {
            return List.of();
        }
        return pairs.involving(ownIds).stream().filter(p -> p.getStatus() != PairStatus.PROPOSED).map(p -> {
            long mine = ownIds.contains(p.getFirstId()) ? p.getFirstId() : p.getSecondId();
            ExchangeApplication partner = applications.findById(p.partnerOf(mine)).orElseThrow();
            return new MyPair(p.getId(), rounds.findById(p.getRoundId()).map(ExchangeRound::getName).orElse(""),
                    p.getStatus(), name(partner.getPersonId()), organisation(partner.getOrganisationId()),
                    p.answerOf(mine) != null);
        }).toList();
    }

    public Detail pair(long pairId) {
        ExchangeAccess.Mine mine = access.mine(pairId);
        ExchangePair pair = mine.pair();
        ExchangeRound round = rounds.findById(pair.getRoundId()).orElseThrow();
        List<ExchangeGoal> all = goals.findByPairIdOrderByApplicationIdAscPositionAsc(pairId);
        long own = mine.own().getId();
        List<ExchangeVisit> planned = visits.findByPairIdOrderByDateAscIdAsc(pairId);
        return new Detail(pair.getId(), round.getId(), round.getName(), round.getStartsOn(), round.getEndsOn(),
                round.getVisitsEachWay(), round.getBriefingAt(), round.getDebriefAt(), round.getPlace(),
                pair.getStatus(), pair.answerOf(own), profile(mine.partner()),
                all.stream().filter(g -> g.getApplicationId() == own)
                        .map(g -> new Goal(g.getId(), g.getText(), g.getStartRating(), g.getEndRating())).toList(),
                // A partner whose data was erased leaves a completed pair's ratings without their text: no goal.
                all.stream().filter(g -> g.getApplicationId() != own && !g.getText().isBlank())
                        .map(g -> new Goal(g.getId(), g.getText(), null, null)).toList(),
                planned.stream().map(v -> visit(v, own)).toList(),
                ExchangeCompletion.doneHostedBy(planned, own),
                ExchangeCompletion.doneHostedBy(planned, mine.partner().getId()),
                ExchangeCompletion.visitsDone(planned, round, pair));
    }

    private Profile profile(ExchangeApplication a) {
        Set<Shown> shown = a.getShown();
        return new Profile(name(a.getPersonId()), organisation(a.getOrganisationId()), a.getSector(),
                shown.contains(Shown.LEVEL) ? a.getLevel() : null,
                shown.contains(Shown.WANTS) ? a.getWants() : null, shown.contains(Shown.OFFERS) ? a.getOffers() : null,
                shown.contains(Shown.WANTS) ? a.getWantThemes() : Set.of(),
                shown.contains(Shown.OFFERS) ? a.getOfferThemes() : Set.of(),
                shown.contains(Shown.LANGUAGES) ? a.getLanguages() : Set.of(),
                shown.contains(Shown.AVAILABILITY) ? a.getAvailability() : Set.of(),
                shown.contains(Shown.AVAILABILITY) ? a.getAvailabilityNote() : null);
    }

    private static Visit visit(ExchangeVisit v, long own) {
        boolean iHost = v.getHostId() == own;
        boolean reflectionMine = !iHost;
        String reflection = reflectionMine || v.isReflectionShared() ? v.getReflection() : null;
        return new Visit(v.getId(), iHost, v.getDate(), v.getPlace(), v.getShadow(),
                (iHost ? v.getHostDoneAt() : v.getGuestDoneAt()) != null,
                (iHost ? v.getGuestDoneAt() : v.getHostDoneAt()) != null, reflection, v.isReflectionShared(),
                reflectionMine);
    }

    /**
     * The signed-in leader's answer to a published pair. A decline needs a reason, which goes to the round's
     * coordinators only; the partner hears that the pairing will not go ahead.
     */
    @Transactional
    public void answer(long pairId, boolean accept, String reason) {
        ExchangeAccess.Mine mine = access.mine(pairId);
        ExchangePair pair = mine.pair();
        String clean = reason == null || reason.isBlank() ? null : Validation.clean(reason);
        Validation.start().require("reason", accept || clean != null, "exchange.decline.reason")
                .optionalText("reason", clean, REASON_MAX).check();
        if (pair.getStatus() != PairStatus.PUBLISHED || pair.answerOf(mine.own().getId()) != null) {
            throw new InvalidInputException("", "exchange.answer.already");
        }
        boolean settled = pair.answer(mine.own().getId(), accept, accept ? null : clean, clock.instant());
        ExchangeRound round = rounds.findById(pair.getRoundId()).orElseThrow();
        if (!accept) {
            scope.coordinatorsOf(round.getPartnershipId()).forEach(c -> events.publishEvent(new NotifyPerson(c,
                    "exchange-declined", "exchange-pair:" + pairId, "notify.exchange-declined",
                    List.of(round.getName()), "exchange/rounds/" + round.getId())));
            events.publishEvent(new NotifyPerson(mine.partner().getPersonId(), "exchange-not-ahead",
                    "exchange-pair:" + pairId, "notify.exchange-not-ahead", List.of(round.getName()), "exchange"));
        } else if (settled) {
            for (ExchangeApplication a : List.of(mine.own(), mine.partner())) {
                events.publishEvent(new NotifyPerson(a.getPersonId(), "exchange-agreed", "exchange-pair:" + pairId,
                        "notify.exchange-agreed", List.of(round.getName()), "exchange/pair/" + pairId));
            }
        }
    }

    /** Sets the signed-in leader's two or three goals, each rated 1 to 5 now; until end ratings begin. */
    @Transactional
    public void setGoals(long pairId, List<GoalInput> inputs) {
        ExchangeAccess.Mine mine = accepted(pairId);
        List<GoalInput> given = inputs == null ? List.of() : inputs.stream()
                .filter(g -> g.text() != null && !g.text().isBlank()).toList();
        Validation v = Validation.start().require("goals", given.size() >= ExchangeGoal.MIN_GOALS
                && given.size() <= ExchangeGoal.MAX_GOALS, "exchange.goals.count", ExchangeGoal.MIN_GOALS,
                ExchangeGoal.MAX_GOALS);
        for (int i = 0; i < given.size(); i++) {
            Integer rating = given.get(i).startRating();
            v.text("goal" + i, Validation.clean(given.get(i).text()), ExchangeGoal.TEXT_MAX)
                    .require("rating" + i, rating != null && rating >= 1 && rating <= 5, "exchange.goals.rating");
        }
        v.check();
        long own = mine.own().getId();
        List<ExchangeGoal> existing = goals.findByPairIdOrderByApplicationIdAscPositionAsc(pairId).stream()
                .filter(g -> g.getApplicationId() == own).toList();
        if (existing.stream().anyMatch(g -> g.getEndRating() != null)) {
            throw new InvalidInputException("goals", "exchange.goals.rated");
        }
        goals.deleteAll(existing);
        goals.flush();
        for (int i = 0; i < given.size(); i++) {
            goals.save(new ExchangeGoal(pairId, own, i, Validation.clean(given.get(i).text()),
                    given.get(i).startRating()));
        }
    }

    /** Rates the signed-in leader's goals again at the end: once the agreed visits are done. */
    @Transactional
    public void rateAtEnd(long pairId, Map<Long, Integer> ratings) {
        ExchangeAccess.Mine mine = accepted(pairId);
        ExchangeRound round = rounds.findById(mine.pair().getRoundId()).orElseThrow();
        if (!ExchangeCompletion.visitsDone(visits.findByPairIdOrderByDateAscIdAsc(pairId), round, mine.pair())) {
            throw new InvalidInputException("goals", "exchange.goals.not-yet");
        }
        List<ExchangeGoal> own = goals.findByPairIdOrderByApplicationIdAscPositionAsc(pairId).stream()
                .filter(g -> g.getApplicationId().equals(mine.own().getId())).toList();
        Validation v = Validation.start().require("goals", !own.isEmpty(), "exchange.goals.none");
        for (ExchangeGoal g : own) {
            Integer rating = ratings.get(g.getId());
            v.require("rating" + g.getPosition(), rating != null && rating >= 1 && rating <= 5,
                    "exchange.goals.rating");
        }
        v.check();
        own.forEach(g -> g.rateAtEnd(ratings.get(g.getId())));
        goals.flush();
        completion.completeIfDone(mine.pair());
    }

    /**
     * Plans a visit: who hosts, the day (inside the round's exchange period), the place and what the guest will
     * shadow.
     */
    @Transactional
    public long planVisit(long pairId, boolean iHost, LocalDate date, String place, String shadow) {
        ExchangeAccess.Mine mine = accepted(pairId);
        ExchangeRound round = rounds.findById(mine.pair().getRoundId()).orElseThrow();
        checkVisit(round, date, place, shadow);
        long host = iHost ? mine.own().getId() : mine.partner().getId();
        ExchangeVisit visit = visits.save(new ExchangeVisit(pairId, host, date, Validation.clean(place),
                Validation.clean(shadow), clock.instant()));
        events.publishEvent(new NotifyPerson(mine.partner().getPersonId(), "exchange-visit-planned",
                "exchange-visit:" + visit.getId(), "notify.exchange-visit-planned",
                List.of(NotifyPerson.date(date), round.getName()), "exchange/pair/" + pairId));
        return visit.getId();
    }

    /** Moves a visit not yet recorded as done. */
    @Transactional
    public void changeVisit(long visitId, LocalDate date, String place, String shadow) {
        ExchangeVisit visit = ownVisit(visitId);
        ExchangeAccess.Mine mine = accepted(visit.getPairId());
        ExchangeRound round = rounds.findById(mine.pair().getRoundId()).orElseThrow();
        if (visit.getHostDoneAt() != null || visit.getGuestDoneAt() != null) {
            throw new InvalidInputException("", "exchange.visit.done-already");
        }
        checkVisit(round, date, place, shadow);
        visit.change(date, Validation.clean(place), Validation.clean(shadow));
    }

    private void checkVisit(ExchangeRound round, LocalDate date, String place, String shadow) {
        Validation.start().require("date", date != null, "validation.required")
                .require("date", date == null || round.during(date), "exchange.visit.outside-period",
                        round.getStartsOn(), round.getEndsOn())
                .text("place", Validation.clean(place), ExchangeVisit.PLACE_MAX)
                .text("shadow", Validation.clean(shadow), ExchangeVisit.SHADOW_MAX).check();
    }

    /** Records, for the signed-in partner, that the visit happened: not before its day. */
    @Transactional
    public void recordDone(long visitId) {
        ExchangeVisit visit = ownVisit(visitId);
        ExchangeAccess.Mine mine = accepted(visit.getPairId());
        if (visit.getDate().isAfter(dates.today())) {
            throw new InvalidInputException("", "exchange.visit.not-yet");
        }
        visit.recordDone(visit.getHostId().equals(mine.own().getId()), clock.instant());
        visits.flush();
        completion.completeIfDone(mine.pair());
    }

    /** The guest's reflection after a visit, private unless they share it with their partner. */
    @Transactional
    public void reflect(long visitId, String text, boolean shareWithPartner) {
        ExchangeVisit visit = ownVisit(visitId);
        ExchangeAccess.Mine mine = access.mine(visit.getPairId());
        if (visit.getHostId().equals(mine.own().getId())) {
            throw new InvalidInputException("reflection", "exchange.reflection.guest-only");
        }
        if (visit.getDate().isAfter(dates.today())) {
            throw new InvalidInputException("reflection", "exchange.visit.not-yet");
        }
        String clean = Validation.clean(text);
        Validation.start().text("reflection", clean, ExchangeVisit.REFLECTION_MAX).check();
        visit.reflect(clean, shareWithPartner, clock.instant());
    }

    private ExchangeVisit ownVisit(long visitId) {
        ExchangeVisit visit = visits.findById(visitId)
                .orElseThrow(() -> new org.encounter.base.RecordNotFound("exchange visit", visitId));
        access.mine(visit.getPairId());
        return visit;
    }

    private ExchangeAccess.Mine accepted(long pairId) {
        ExchangeAccess.Mine mine = access.mine(pairId);
        if (mine.pair().getStatus() != PairStatus.ACCEPTED) {
            throw new InvalidInputException("", "exchange.pair.not-accepted");
        }
        return mine;
    }

    private String name(long personId) {
        return directory.displayNames(List.of(personId)).getOrDefault(personId, "");
    }

    private String organisation(long organisationId) {
        return names.organisations(List.of(organisationId)).getOrDefault(organisationId, "");
    }
}

package org.encounter.exchange;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.encounter.base.Dates;
import org.encounter.base.NotifyPerson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds partners of what the exchange asks of them next: a visit tomorrow (both), a reflection not yet written after
 * a visit (the guest), and goal ratings due (the start ratings a week after accepting, the end ratings once the agreed
 * visits are done). Runs on one instance at a time (ShedLock); each reminder is delivered once.
 */
@Component
class ExchangeReminders {

    private final ExchangePairRepository pairs;
    private final ExchangeApplicationRepository applications;
    private final ExchangeRoundRepository rounds;
    private final ExchangeGoalRepository goals;
    private final ExchangeVisitRepository visits;
    private final ApplicationEventPublisher events;
    private final Dates dates;

    ExchangeReminders(ExchangePairRepository pairs, ExchangeApplicationRepository applications,
                      ExchangeRoundRepository rounds, ExchangeGoalRepository goals, ExchangeVisitRepository visits,
                      ApplicationEventPublisher events, Dates dates) {
        this.pairs = pairs;
        this.applications = applications;
        this.rounds = rounds;
        this.goals = goals;
        this.visits = visits;
        this.events = events;
        this.dates = dates;
    }

    @Scheduled(fixedDelayString = "${encounter.reminders.interval:15m}",
            initialDelayString = "${encounter.reminders.initial-delay:1m}")
    @SchedulerLock(name = "exchange-reminders", lockAtLeastFor = "PT30S")
    public void run() {
        remindAll();
    }

    /** One pass over what is due; safe to repeat (each reminder is delivered once). */
    @Transactional(readOnly = true)
    public void remindAll() {
        LocalDate today = dates.today();
        List<ExchangePair> live = pairs.findByStatusIn(List.of(PairStatus.ACCEPTED));
        if (live.isEmpty()) {
            return;
        }
        Map<Long, ExchangePair> byId = live.stream().collect(Collectors.toMap(ExchangePair::getId, Function.identity()));
        Map<Long, ExchangeApplication> people = applications.findAllById(live.stream()
                        .flatMap(p -> java.util.stream.Stream.of(p.getFirstId(), p.getSecondId())).toList()).stream()
                .collect(Collectors.toMap(ExchangeApplication::getId, Function.identity()));
        Map<Long, ExchangeRound> roundsById = rounds.findAllById(live.stream().map(ExchangePair::getRoundId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(ExchangeRound::getId, r -> r));
        List<ExchangeVisit> all = visits.findByPairIdIn(byId.keySet());
        for (ExchangeVisit v : all) {
            ExchangePair pair = byId.get(v.getPairId());
            String link = "exchange/pair/" + pair.getId();
            String round = roundsById.get(pair.getRoundId()).getName();
            if (v.getDate().equals(today.plusDays(1))) {
                for (Long a : List.of(pair.getFirstId(), pair.getSecondId())) {
                    notify(people.get(a).getPersonId(), "exchange-visit-tomorrow", "exchange-visit:" + v.getId()
                            + ":" + v.getDate(), "notify.exchange-visit-tomorrow", List.of(v.getPlace(), round), link);
                }
            }
            if (v.getDate().isBefore(today) && v.getReflection() == null) {
                long guest = pair.partnerOf(v.getHostId());
                notify(people.get(guest).getPersonId(), "exchange-reflection-due", "exchange-visit:" + v.getId(),
                        "notify.exchange-reflection-due", List.of(NotifyPerson.date(v.getDate()), round), link);
            }
        }
        Map<Long, List<ExchangeGoal>> goalsByPair = goals.findByPairIdIn(byId.keySet()).stream()
                .collect(Collectors.groupingBy(ExchangeGoal::getPairId));
        Map<Long, List<ExchangeVisit>> visitsByPair = all.stream().collect(Collectors.groupingBy(ExchangeVisit::getPairId));
        for (ExchangePair pair : live) {
            ExchangeRound round = roundsById.get(pair.getRoundId());
            List<ExchangeGoal> theirGoals = goalsByPair.getOrDefault(pair.getId(), List.of());
            boolean visitsDone = ExchangeCompletion.visitsDone(visitsByPair.getOrDefault(pair.getId(), List.of()),
                    round, pair);
            for (Long a : List.of(pair.getFirstId(), pair.getSecondId())) {
                List<ExchangeGoal> own = theirGoals.stream().filter(g -> g.getApplicationId().equals(a)).toList();
                String link = "exchange/pair/" + pair.getId();
                if (own.isEmpty() && pair.getAcceptedAt() != null
                        && dates.day(pair.getAcceptedAt()).plusDays(7).isBefore(today.plusDays(1))) {
                    notify(people.get(a).getPersonId(), "exchange-goals-due", "exchange-pair:" + pair.getId() + ":start",
                            "notify.exchange-goals-due", List.of(round.getName()), link);
                }
                if (visitsDone && !own.isEmpty() && own.stream().anyMatch(g -> g.getEndRating() == null)) {
                    notify(people.get(a).getPersonId(), "exchange-rating-due", "exchange-pair:" + pair.getId() + ":end",
                            "notify.exchange-rating-due", List.of(round.getName()), link);
                }
            }
        }
    }

    private void notify(long personId, String kind, String ref, String key, List<String> args, String link) {
        events.publishEvent(new NotifyPerson(personId, kind, ref, key, args, link));
    }
}

package org.encounter.exchange;

import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.encounter.base.Csv;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the coordinator follows in a round: applications, matches, acceptances, visits planned and done, briefing and
 * debrief attendance, and how the leaders' self-ratings on their goals moved, in aggregate only. They never read a
 * reflection, a goal's text or one person's ratings.
 *
 * <p>The rating change is released by the rule for impact figures: <b>closed cohorts of {@value #COHORT}</b>. Leaders
 * enter in the order their pair completed (both partners of a pair at once, ordered by application); only whole
 * cohorts count. The coordinator knows who completed, so a figure that moved with one completion would tell them
 * that person's change: with cohorts, the figure moves only by five people at once and never isolates one.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
public class ExchangeOverview {

    static final int COHORT = 5;

    /** The round in figures. {@code averageChange} is null until a first cohort is complete. */
    public record Figures(int applications, int awaitingManager, int confirmed, int proposed, int published,
                          int accepted, int declined, int completed, int visitsPlanned, int visitsDone,
                          int briefingPresent, int debriefPresent, int ratedLeaders, int releasedLeaders,
                          Double averageChange) {
    }

    /** A leader of the round, for recording who came to the briefing and the debrief. */
    public record Attendee(long personId, String name, Boolean briefing, Boolean debrief) {
    }

    private final ExchangeAccess access;
    private final ExchangeApplicationRepository applications;
    private final ExchangePairRepository pairs;
    private final ExchangeGoalRepository goals;
    private final ExchangeVisitRepository visits;
    private final ExchangeAttendanceRepository attendance;
    private final PersonDirectory directory;

    ExchangeOverview(ExchangeAccess access, ExchangeApplicationRepository applications, ExchangePairRepository pairs,
                     ExchangeGoalRepository goals, ExchangeVisitRepository visits,
                     ExchangeAttendanceRepository attendance, PersonDirectory directory) {
        this.access = access;
        this.applications = applications;
        this.pairs = pairs;
        this.goals = goals;
        this.visits = visits;
        this.attendance = attendance;
        this.directory = directory;
    }

    public Figures figures(long roundId) {
        access.coordinated(roundId);
        List<ExchangeApplication> all = applications.findByRoundIdOrderByCreatedAt(roundId);
        List<ExchangePair> found = pairs.findByRoundIdOrderByScoreDesc(roundId);
        Map<PairStatus, Long> byStatus = found.stream()
                .collect(Collectors.groupingBy(ExchangePair::getStatus, Collectors.counting()));
        List<Long> live = found.stream().filter(p -> p.getStatus() == PairStatus.ACCEPTED
                || p.getStatus() == PairStatus.COMPLETED).map(ExchangePair::getId).toList();
        List<ExchangeVisit> planned = live.isEmpty() ? List.of() : visits.findByPairIdIn(live);
        List<ExchangeAttendance> came = attendance.ofRound(roundId);
        Change change = change(found, live.isEmpty() ? List.of() : goals.findByPairIdIn(live));
        int accepted = count(byStatus, PairStatus.ACCEPTED) + count(byStatus, PairStatus.COMPLETED);
        return new Figures(all.size(), (int) all.stream().filter(a -> a.getStatus() == ApplicationStatus
                .AWAITING_MANAGER).count(), (int) all.stream().filter(a -> a.getStatus() == ApplicationStatus
                .CONFIRMED).count(), count(byStatus, PairStatus.PROPOSED), count(byStatus, PairStatus.PUBLISHED),
                accepted, count(byStatus, PairStatus.DECLINED), count(byStatus, PairStatus.COMPLETED),
                planned.size(), (int) planned.stream().filter(ExchangeVisit::done).count(),
                present(came, ExchangeAttendance.Meeting.BRIEFING), present(came, ExchangeAttendance.Meeting.DEBRIEF),
                change.rated(), change.released(), change.average());
    }

    private static int count(Map<PairStatus, Long> byStatus, PairStatus status) {
        return byStatus.getOrDefault(status, 0L).intValue();
    }

    private static int present(List<ExchangeAttendance> came, ExchangeAttendance.Meeting meeting) {
        return (int) came.stream().filter(a -> a.getKey().meeting().equals(meeting.name()) && a.isPresent()).count();
    }

    record Change(int rated, int released, Double average) {
    }

    /**
     * Each completed leader's change is the mean of (end − start) over their goals; leaders enter cohorts by their
     * pair's completion time (then application id); the released figure is the mean over whole cohorts only.
     */
    static Change change(List<ExchangePair> pairs, List<ExchangeGoal> goals) {
        Map<Long, List<ExchangeGoal>> byApplication = goals.stream()
                .collect(Collectors.groupingBy(ExchangeGoal::getApplicationId));
        List<double[]> leaders = pairs.stream().filter(p -> p.getStatus() == PairStatus.COMPLETED)
                .sorted(Comparator.comparing(ExchangePair::getCompletedAt, Comparator.nullsLast(Instant::compareTo))
                        .thenComparing(ExchangePair::getId))
                .flatMap(p -> java.util.stream.Stream.of(p.getFirstId(), p.getSecondId()).sorted())
                .map(a -> byApplication.getOrDefault(a, List.of()))
                .filter(g -> !g.isEmpty() && g.stream().allMatch(x -> x.getStartRating() != null
                        && x.getEndRating() != null))
                .map(g -> new double[] {g.stream().mapToInt(x -> x.getEndRating() - x.getStartRating()).average()
                        .orElse(0)}).toList();
        int released = leaders.size() / COHORT * COHORT;
        Double average = released == 0 ? null
                : leaders.subList(0, released).stream().mapToDouble(x -> x[0]).average().orElse(0);
        return new Change(leaders.size(), released, average);
    }

    /** The leaders of the round's accepted and completed pairs, and who came to what. */
    public List<Attendee> attendees(long roundId) {
        access.coordinated(roundId);
        Set<Long> inPairs = pairs.findByRoundIdOrderByScoreDesc(roundId).stream()
                .filter(p -> p.getStatus() == PairStatus.ACCEPTED || p.getStatus() == PairStatus.COMPLETED)
                .flatMap(p -> java.util.stream.Stream.of(p.getFirstId(), p.getSecondId()))
                .collect(Collectors.toSet());
        List<Long> people = applications.findAllById(inPairs).stream().map(ExchangeApplication::getPersonId).toList();
        Map<String, Boolean> came = new HashMap<>();
        attendance.ofRound(roundId).forEach(a -> came.put(a.getKey().meeting() + ":" + a.getKey().personId(),
                a.isPresent()));
        Map<Long, String> names = directory.displayNames(people);
        return people.stream().map(p -> new Attendee(p, names.getOrDefault(p, ""), came.get("BRIEFING:" + p),
                came.get("DEBRIEF:" + p))).sorted(Comparator.comparing(Attendee::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Records whether a leader of the round came to its briefing or debrief. */
    @Transactional
    public void recordAttendance(long roundId, long personId, boolean debrief, boolean present) {
        access.coordinated(roundId);
        if (attendees(roundId).stream().noneMatch(a -> a.personId() == personId)) {
            throw new org.encounter.base.RecordNotFound("exchange leader", personId);
        }
        ExchangeAttendance.Meeting meeting = debrief ? ExchangeAttendance.Meeting.DEBRIEF
                : ExchangeAttendance.Meeting.BRIEFING;
        attendance.findById(new ExchangeAttendance.Key(roundId, meeting.name(), personId)).ifPresentOrElse(
                a -> a.mark(present), () -> attendance.save(new ExchangeAttendance(roundId, meeting, personId,
                        present)));
    }

    /**
     * The round's pairs as CSV for the coordinator: names, organisations, status, visits planned and done, and
     * briefing/debrief attendance. No reflection, goal or rating is in it; the rating change is the released
     * aggregate, in a last row.
     */
    public byte[] csv(long roundId, java.util.function.Function<String, String> translate) {
        Figures figures = figures(roundId);
        var pairRows = pairs.findByRoundIdOrderByScoreDesc(roundId);
        Map<Long, ExchangeApplication> byId = applications.findByRoundIdOrderByCreatedAt(roundId).stream()
                .collect(Collectors.toMap(ExchangeApplication::getId, a -> a));
        Map<Long, String> names = directory.displayNames(byId.values().stream().map(ExchangeApplication::getPersonId)
                .toList());
        Map<Long, Attendee> came = attendees(roundId).stream()
                .collect(Collectors.toMap(Attendee::personId, a -> a));
        Csv csv = new Csv(translate.apply("exchange.csv.first"), translate.apply("exchange.csv.second"),
                translate.apply("exchange.csv.status"), translate.apply("exchange.csv.visits-planned"),
                translate.apply("exchange.csv.visits-done"), translate.apply("exchange.csv.briefing"),
                translate.apply("exchange.csv.debrief"));
        // One query for every pair's visits, not one per row.
        Map<Long, List<ExchangeVisit>> visitsByPair = pairRows.isEmpty() ? Map.of()
                : visits.findByPairIdIn(pairRows.stream().map(ExchangePair::getId).toList()).stream()
                .collect(Collectors.groupingBy(ExchangeVisit::getPairId));
        for (ExchangePair p : pairRows) {
            ExchangeApplication a = byId.get(p.getFirstId());
            ExchangeApplication b = byId.get(p.getSecondId());
            List<ExchangeVisit> theirs = visitsByPair.getOrDefault(p.getId(), List.of());
            csv.row(names.getOrDefault(a.getPersonId(), ""), names.getOrDefault(b.getPersonId(), ""),
                    translate.apply("exchange.pair.status." + p.getStatus().name().toLowerCase()),
                    String.valueOf(theirs.size()), String.valueOf(theirs.stream().filter(ExchangeVisit::done).count()),
                    both(came.get(a.getPersonId()), came.get(b.getPersonId()), false),
                    both(came.get(a.getPersonId()), came.get(b.getPersonId()), true));
        }
        csv.row(translate.apply("exchange.csv.change"), figures.averageChange() == null ? ""
                : String.format(java.util.Locale.ROOT, "%+.1f", figures.averageChange()),
                String.valueOf(figures.releasedLeaders()), "", "", "", "");
        return csv.bytes();
    }

    private static String both(Attendee a, Attendee b, boolean debrief) {
        long n = java.util.stream.Stream.of(a, b).filter(x -> x != null
                && Boolean.TRUE.equals(debrief ? x.debrief() : x.briefing())).count();
        return String.valueOf(n);
    }
}

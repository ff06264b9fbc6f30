package org.encounter.exchange;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.encounter.base.Dates;
import org.encounter.identity.OrganisationNames;
import org.encounter.identity.PersonDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo world's exchange round in One Aurajoki, half way through: twelve leaders of four organisations applied,
 * five pairs accepted, one pair declined. Fiona and Pekka have completed (certificates issued); Tuula and Aino made
 * their first visit and plan the second; Kaisa hosted Tiina five days ago and Tiina has neither recorded it nor
 * reflected; Callum visits Juha tomorrow; Oskari and Hanna have set goals and planned nothing yet. Venla declined
 * Markus. The briefing was forty days ago; the debrief is to come. Only on a database with no round yet.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "encounter.demo.learning", havingValue = "true", matchIfMissing = true)
class ExchangeDemoWorld implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ExchangeDemoWorld.class);
    private static final String DOMAIN = "@demo.encounter.example";

    private final ExchangeRoundRepository rounds;
    private final ExchangeApplicationRepository applications;
    private final ExchangePairRepository pairs;
    private final ExchangeGoalRepository goals;
    private final ExchangeVisitRepository visits;
    private final ExchangeAttendanceRepository attendance;
    private final ExchangeCompletion completion;
    private final PersonDirectory directory;
    private final OrganisationNames names;
    private final Clock clock;
    private final Dates dates;
    private final boolean enabled;
    private final Map<String, ExchangeApplication> applied = new HashMap<>();

    ExchangeDemoWorld(ExchangeRoundRepository rounds, ExchangeApplicationRepository applications,
                      ExchangePairRepository pairs, ExchangeGoalRepository goals, ExchangeVisitRepository visits,
                      ExchangeAttendanceRepository attendance, ExchangeCompletion completion,
                      PersonDirectory directory, OrganisationNames names, Clock clock, Dates dates,
                      @Value("${encounter.demo.enabled:true}") boolean enabled) {
        this.rounds = rounds;
        this.applications = applications;
        this.pairs = pairs;
        this.goals = goals;
        this.visits = visits;
        this.attendance = attendance;
        this.completion = completion;
        this.directory = directory;
        this.names = names;
        this.clock = clock;
        this.dates = dates;
        this.enabled = enabled;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || rounds.count() > 0) {
            return;
        }
        var partnership = names.partnershipNamed("One Aurajoki");
        var kirsi = directory.idByEmail("kirsi" + DOMAIN);
        if (partnership.isEmpty() || kirsi.isEmpty() || directory.idByEmail("pekka" + DOMAIN).isEmpty()) {
            return;
        }
        LocalDate today = dates.today();
        Instant now = clock.instant();
        Set<Long> organisations = Set.copyOf(List.of("fiona", "pekka", "aino", "tiina").stream()
                .map(this::organisation).toList());
        ExchangeRound round = rounds.save(new ExchangeRound(partnership.get(), new RoundForm("One Aurajoki exchange "
                + today.getYear(), today.minusDays(90), today.minusDays(60), today.minusDays(45), today.plusDays(75), 1,
                at(today.minusDays(40)), at(today.plusDays(80 - 5)), "Aurajoki City Hall, room 2", organisations),
                kirsi.get(), now));
        apply(round, "fiona", Sector.PUBLIC, "How the police decide what to prioritise on a Friday night",
                "Running a community policing team inside the council", Set.of(Theme.POLICING), Set.of(Theme.COMMUNITY));
        apply(round, "pekka", Sector.POLICE, "Working with young people before things go wrong",
                "A night shift with the response team", Set.of(Theme.YOUNG_PEOPLE), Set.of(Theme.POLICING));
        apply(round, "tuula", Sector.YOUTH, "How a youth council holds adults to account",
                "Street youth work and action-learning sets", Set.of(Theme.CO_DESIGN), Set.of(Theme.YOUNG_PEOPLE));
        apply(round, "aino", Sector.VOLUNTARY, "Facilitating groups of professionals",
                "A youth council partnership run by young people", Set.of(Theme.CHANGE), Set.of(Theme.CO_DESIGN));
        apply(round, "kaisa", Sector.YOUTH, "Mental health support for teenagers",
                "Curating modules written by young people", Set.of(Theme.MENTAL_HEALTH), Set.of(Theme.CO_DESIGN));
        apply(round, "tiina", Sector.HEALTH, "Reaching young people who never come to the clinic",
                "A day at the youth mental health clinic", Set.of(Theme.YOUNG_PEOPLE), Set.of(Theme.MENTAL_HEALTH));
        apply(round, "callum", Sector.PUBLIC, "Safeguarding across health and the police",
                "Community policing in the city centre", Set.of(Theme.SAFEGUARDING), Set.of(Theme.POLICING));
        apply(round, "juha", Sector.HEALTH, "Partnership working with the police",
                "Safeguarding in family health services", Set.of(Theme.PARTNERSHIP_WORKING),
                Set.of(Theme.SAFEGUARDING));
        apply(round, "oskari", Sector.VOLUNTARY, "How policing decisions are made",
                "Youth council campaigns", Set.of(Theme.POLICING), Set.of(Theme.YOUNG_PEOPLE));
        apply(round, "hanna", Sector.POLICE, "Co-design with young people", "Neighbourhood policing",
                Set.of(Theme.CO_DESIGN), Set.of(Theme.POLICING));
        apply(round, "markus", Sector.POLICE, "Inclusion work in youth services", "Digital investigations",
                Set.of(Theme.INCLUSION), Set.of(Theme.DIGITAL));
        apply(round, "venla", Sector.VOLUNTARY, "Digital safety for young people", "Inclusion training by young people",
                Set.of(Theme.DIGITAL), Set.of(Theme.INCLUSION));

        ExchangePair fionaPekka = accepted(round, "fiona", "pekka", now);
        ExchangePair tuulaAino = accepted(round, "tuula", "aino", now);
        ExchangePair kaisaTiina = accepted(round, "kaisa", "tiina", now);
        ExchangePair callumJuha = accepted(round, "callum", "juha", now);
        accepted(round, "oskari", "hanna", now);
        ExchangePair markusVenla = pair(round, "markus", "venla", now);
        markusVenla.answer(applied.get("markus").getId(), true, null, now);
        markusVenla.answer(applied.get("venla").getId(), false, "I am away for most of the exchange period", now);

        // Fiona and Pekka: both visits made, reflected on, goals rated again: completed.
        visit(fionaPekka, "fiona", today.minusDays(35), "Aurajoki City Hall", "The Community Policing team's week",
                true, true, "I saw how much of the council's work reaches the police first.", true);
        visit(fionaPekka, "pekka", today.minusDays(10), "Aurajoki police station", "A Friday night response shift",
                true, true, "Priorities are set hour by hour; I will bring that honesty to our planning.", false);
        rateEnd(fionaPekka, 4, 5);
        completion.completeIfDone(fionaPekka);
        // Tuula and Aino: the first visit made and shared; the second planned.
        visit(tuulaAino, "aino", today.minusDays(20), "Youth Council office", "A youth council meeting",
                true, true, "The young people chaired; the adults answered. I want that in our sets.", true);
        visit(tuulaAino, "tuula", today.plusDays(9), "Aurajoki youth centre", "An evening of street youth work",
                false, false, null, false);
        // Kaisa hosted Tiina five days ago: Kaisa recorded it; Tiina has not, nor reflected.
        visit(kaisaTiina, "kaisa", today.minusDays(5), "Aurajoki youth centre", "Curators' panel and a drop-in",
                true, false, null, false);
        // Callum hosts Juha tomorrow.
        visit(callumJuha, "callum", today.plusDays(1), "City centre police post", "A foot patrol with the team",
                false, false, null, false);
        attendance.saveAll(List.of("fiona", "pekka", "tuula", "aino", "kaisa", "tiina", "callum", "oskari").stream()
                .map(key -> new ExchangeAttendance(round.getId(), ExchangeAttendance.Meeting.BRIEFING,
                        applied.get(key).getPersonId(), true)).toList());
        attendance.save(new ExchangeAttendance(round.getId(), ExchangeAttendance.Meeting.BRIEFING,
                applied.get("juha").getPersonId(), false));
        log.info("Demo exchange round created: 12 applicants, 5 accepted pairs (one completed), 1 declined");
    }

    private Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(14, 0)).atZone(dates.zone()).toInstant();
    }

    private long person(String key) {
        return directory.idByEmail(key + DOMAIN).orElseThrow();
    }

    private long organisation(String key) {
        return directory.registered(person(key)).orElseThrow().organisationId();
    }

    private void apply(ExchangeRound round, String key, Sector sector, String wants, String offers,
                       Set<Theme> wantThemes, Set<Theme> offerThemes) {
        Set<Long> others = new java.util.HashSet<>(round.getOrganisationIds());
        others.remove(organisation(key));
        ExchangeApplication a = new ExchangeApplication(round.getId(), person(key), organisation(key),
                new ApplicationForm(sector, Level.SENIOR, wants, offers, wantThemes, offerThemes, Set.of("fi", "en"),
                        others, Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), null, Set.of(), Set.of(),
                        Set.of(Shown.LEVEL, Shown.WANTS, Shown.OFFERS, Shown.LANGUAGES)), clock.instant());
        a.answerByManager(person(key), true, clock.instant());
        applied.put(key, applications.save(a));
    }

    private ExchangePair pair(ExchangeRound round, String first, String second, Instant now) {
        ExchangePair pair = new ExchangePair(round.getId(), applied.get(first).getId(), applied.get(second).getId(),
                100, List.of(Reason.of("exchange.reason.sectors", applied.get(first).getSector().name(),
                applied.get(second).getSector().name())), false);
        pair.publish(now);
        return pairs.save(pair);
    }

    private ExchangePair accepted(ExchangeRound round, String first, String second, Instant now) {
        ExchangePair pair = pair(round, first, second, now);
        pair.answer(pair.getFirstId(), true, null, now);
        pair.answer(pair.getSecondId(), true, null, now);
        for (long application : List.of(pair.getFirstId(), pair.getSecondId())) {
            goals.save(new ExchangeGoal(pair.getId(), application, 0, "See decisions made under pressure", 2));
            goals.save(new ExchangeGoal(pair.getId(), application, 1, "Bring one practice back to my team", 1));
        }
        return pair;
    }

    private void visit(ExchangePair pair, String host, LocalDate day, String place, String shadow, boolean hostDone,
                       boolean guestDone, String reflection, boolean shared) {
        ExchangeVisit v = new ExchangeVisit(pair.getId(), applied.get(host).getId(), day, place, shadow,
                clock.instant());
        if (hostDone) {
            v.recordDone(true, clock.instant());
        }
        if (guestDone) {
            v.recordDone(false, clock.instant());
        }
        if (reflection != null) {
            v.reflect(reflection, shared, clock.instant());
        }
        visits.save(v);
    }

    private void rateEnd(ExchangePair pair, int first, int second) {
        goals.flush();
        goals.findByPairIdOrderByApplicationIdAscPositionAsc(pair.getId()).forEach(g -> g.rateAtEnd(
                g.getPosition() == 0 ? first : second));
        goals.flush();
        visits.flush();
    }
}

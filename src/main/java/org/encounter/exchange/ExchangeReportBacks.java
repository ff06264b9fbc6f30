package org.encounter.exchange;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.encounter.base.InvalidInputException;
import org.encounter.base.StoryOffered;
import org.encounter.base.Validation;
import org.encounter.identity.OrganisationScope;
import org.encounter.identity.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each partner's report back on a completed exchange — what they tried, what happened, what they learned — and its
 * offer as a story of change. A report back is its writer's alone: only {@link ExchangeAccess#mine} reaches it, so
 * neither the partner nor the coordinator reads it. The stories feature takes the offer from the {@link StoryOffered}
 * event; this feature knows nothing of stories.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed(Role.Names.LEARNER)
public class ExchangeReportBacks {

    public static final int TEXT_MAX = ExchangeReportBack.TEXT_MAX;
    /** As a story's title. */
    public static final int TITLE_MAX = 120;

    public record ReportBack(long pairId, String tried, String happened, String learned, java.time.Instant updatedAt) {
    }

    private final ExchangeAccess access;
    private final ExchangeReportBackRepository reportBacks;
    private final ExchangeRoundRepository rounds;
    private final ExchangeGoalRepository goals;
    private final ExchangeVisitRepository visits;
    private final OrganisationScope scope;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExchangeReportBacks(ExchangeAccess access, ExchangeReportBackRepository reportBacks, ExchangeRoundRepository rounds,
                        ExchangeGoalRepository goals, ExchangeVisitRepository visits, OrganisationScope scope,
                        ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.reportBacks = reportBacks;
        this.rounds = rounds;
        this.goals = goals;
        this.visits = visits;
        this.scope = scope;
        this.events = events;
        this.clock = clock;
    }

    /** The signed-in partner's own report back on the pair, if they wrote one. */
    public Optional<ReportBack> mine(long pairId) {
        ExchangeAccess.Mine mine = access.mine(pairId);
        return reportBacks.findByPairIdAndApplicationId(pairId, mine.own().getId())
                .map(r -> new ReportBack(pairId, r.getTried(), r.getHappened(), r.getLearned(), r.getUpdatedAt()));
    }

    /** Writes (or rewrites) the signed-in partner's report back; only once the pair has completed. */
    @Transactional
    public void write(long pairId, String tried, String happened, String learned) {
        ExchangeAccess.Mine mine = completed(pairId);
        String cleanTried = Validation.clean(tried);
        String cleanHappened = Validation.clean(happened);
        String cleanLearned = Validation.clean(learned);
        Validation.start().text("tried", cleanTried, TEXT_MAX).text("happened", cleanHappened, TEXT_MAX)
                .text("learned", cleanLearned, TEXT_MAX).check();
        ExchangeReportBack report = reportBacks.findByPairIdAndApplicationId(pairId, mine.own().getId())
                .orElseGet(() -> new ExchangeReportBack(pairId, mine.own().getId(), clock.instant()));
        report.write(cleanTried, cleanHappened, cleanLearned, clock.instant());
        reportBacks.save(report);
    }

    /**
     * Offers the signed-in partner's report back as a story of change, named or anonymous; offering again rewrites
     * the story and sends it to the curators again. An anonymous story may not repeat what the partner read with
     * the writer's name here (their goals, their shared reflections, their application's words), and neither the
     * partner nor the round's coordinators review it.
     */
    @Transactional
    public void offerAsStory(long pairId, String title, boolean anonymous) {
        ExchangeAccess.Mine mine = completed(pairId);
        ExchangeReportBack report = reportBacks.findByPairIdAndApplicationId(pairId, mine.own().getId())
                .orElseThrow(() -> new InvalidInputException("", "exchange.report-back.first"));
        String cleanTitle = Validation.clean(title);
        Validation.start().text("title", cleanTitle, TITLE_MAX).check();
        ExchangeRound round = rounds.findById(mine.pair().getRoundId()).orElseThrow();
        Set<Long> insiders = new HashSet<>(scope.coordinatorsOf(round.getPartnershipId()));
        insiders.add(mine.partner().getPersonId());
        events.publishEvent(new StoryOffered(access.me(), "exchange-pair:" + pairId, round.getPartnershipId(),
                "Leadership Exchange: " + round.getName(), cleanTitle, report.getTried(), report.getHappened(),
                report.getLearned(), anonymous, "exchange/pair/" + pairId, shownNamed(mine), insiders));
    }

    /** What the partner has read with the writer's name: their goals, shared reflections and shown application. */
    private List<String> shownNamed(ExchangeAccess.Mine mine) {
        long own = mine.own().getId();
        List<String> shown = new ArrayList<>();
        goals.findByPairIdOrderByApplicationIdAscPositionAsc(mine.pair().getId()).stream()
                .filter(g -> g.getApplicationId() == own).forEach(g -> shown.add(g.getText()));
        visits.findByPairIdOrderByDateAscIdAsc(mine.pair().getId()).stream()
                .filter(v -> v.getHostId() != own && v.isReflectionShared() && v.getReflection() != null)
                .forEach(v -> shown.add(v.getReflection()));
        if (mine.own().getShown().contains(Shown.WANTS) && mine.own().getWants() != null) {
            shown.add(mine.own().getWants());
        }
        if (mine.own().getShown().contains(Shown.OFFERS) && mine.own().getOffers() != null) {
            shown.add(mine.own().getOffers());
        }
        return shown;
    }

    private ExchangeAccess.Mine completed(long pairId) {
        ExchangeAccess.Mine mine = access.mine(pairId);
        if (mine.pair().getStatus() != PairStatus.COMPLETED) {
            throw new InvalidInputException("", "exchange.report-back.not-completed");
        }
        return mine;
    }
}

package org.encounter.exchange;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.encounter.base.Validation;
import org.encounter.identity.OrganisationNames;
import org.encounter.identity.OrganisationScope;
import org.encounter.identity.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exchange rounds, opened and changed by a partnership's coordinators (and the platform admin) for some of its current
 * member organisations. A round of another partnership is "not found" to them.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
public class ExchangeRounds {

    public record Choice(long id, String name) {
    }

    /** A round as its coordinator sees it in a list or opens it. */
    public record RoundSummary(long id, long partnershipId, String partnership, String name, RoundForm form,
                               Map<Long, String> organisations, long applications) {
    }

    private final ExchangeRoundRepository rounds;
    private final ExchangeApplicationRepository applications;
    private final ExchangeAccess access;
    private final OrganisationScope scope;
    private final OrganisationNames names;
    private final Clock clock;

    ExchangeRounds(ExchangeRoundRepository rounds, ExchangeApplicationRepository applications, ExchangeAccess access,
                   OrganisationScope scope, OrganisationNames names, Clock clock) {
        this.rounds = rounds;
        this.applications = applications;
        this.access = access;
        this.scope = scope;
        this.names = names;
        this.clock = clock;
    }

    /** The partnerships the signed-in person may open rounds in. */
    public List<Choice> partnerships() {
        OrganisationScope.Partnerships mine = scope.coordinated();
        Set<Long> ids = mine.everywhere() ? names.allPartnershipIds() : mine.partnerships();
        return sorted(names.partnerships(ids));
    }

    /** The organisations that may take part in a round of the partnership: its current members. */
    public List<Choice> organisations(long partnershipId) {
        scope.requireCoordinated(partnershipId);
        return sorted(names.organisations(scope.currentMembers(partnershipId)));
    }

    /** The signed-in person's rounds, newest first. */
    public List<RoundSummary> rounds() {
        OrganisationScope.Partnerships mine = scope.coordinated();
        List<ExchangeRound> found = mine.everywhere() ? rounds.findAllByOrderByStartsOnDesc()
                : rounds.findByPartnershipIdInOrderByStartsOnDesc(mine.forQuery());
        return found.stream().map(this::summary).toList();
    }

    public RoundSummary round(long roundId) {
        return summary(access.coordinated(roundId));
    }

    /**
     * Opens a round. Refused with a message per field: a name, an application window that closes before the exchange
     * starts, an exchange period, one to six visits each way, a debrief after the briefing, and at least two current
     * member organisations.
     */
    @Transactional
    public RoundSummary open(long partnershipId, RoundForm form) {
        scope.requireCoordinated(partnershipId);
        RoundForm clean = check(partnershipId, form);
        ExchangeRound round = rounds.save(new ExchangeRound(partnershipId, clean, access.me(), clock.instant()));
        return summary(round);
    }

    @Transactional
    public RoundSummary change(long roundId, RoundForm form) {
        ExchangeRound round = access.coordinatedLocked(roundId);
        round.change(check(round.getPartnershipId(), form));
        return summary(round);
    }

    private RoundForm check(long partnershipId, RoundForm form) {
        String name = Validation.clean(form.name());
        String place = form.place() == null || form.place().isBlank() ? null : Validation.clean(form.place());
        Set<Long> members = scope.currentMembers(partnershipId);
        LocalDate open = form.applicationsOpen();
        LocalDate close = form.applicationsClose();
        LocalDate starts = form.startsOn();
        LocalDate ends = form.endsOn();
        Instant briefing = form.briefingAt();
        Instant debrief = form.debriefAt();
        Validation.start().text("name", name, ExchangeRound.NAME_MAX)
                .optionalText("place", place, ExchangeRound.PLACE_MAX)
                .require("applicationsOpen", open != null, "validation.required")
                .require("applicationsClose", close != null, "validation.required")
                .require("startsOn", starts != null, "validation.required")
                .require("endsOn", ends != null, "validation.required")
                .require("applicationsClose", open == null || close == null || !close.isBefore(open),
                        "exchange.round.close-before-open")
                .require("startsOn", close == null || starts == null || starts.isAfter(close),
                        "exchange.round.starts-before-close")
                .require("endsOn", starts == null || ends == null || ends.isAfter(starts),
                        "exchange.round.ends-before-start")
                .require("visitsEachWay", form.visitsEachWay() >= 1 && form.visitsEachWay() <= ExchangeRound.VISITS_MAX,
                        "validation.between", 1, ExchangeRound.VISITS_MAX)
                .require("debriefAt", briefing == null || debrief == null || debrief.isAfter(briefing),
                        "exchange.round.debrief-before-briefing")
                .require("organisations", form.organisations().size() >= 2, "exchange.round.two-organisations")
                .require("organisations", members.containsAll(form.organisations()), "exchange.round.members-only")
                .check();
        return new RoundForm(name, open, close, starts, ends, form.visitsEachWay(), briefing, debrief, place,
                form.organisations());
    }

    private RoundSummary summary(ExchangeRound round) {
        return new RoundSummary(round.getId(), round.getPartnershipId(),
                names.partnerships(List.of(round.getPartnershipId())).getOrDefault(round.getPartnershipId(), ""),
                round.getName(), round.form(), names.organisations(round.getOrganisationIds()),
                applications.countByRoundId(round.getId()));
    }

    private static List<Choice> sorted(Map<Long, String> byId) {
        return byId.entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Choice::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}

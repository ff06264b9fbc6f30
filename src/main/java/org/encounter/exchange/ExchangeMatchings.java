package org.encounter.exchange;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.encounter.base.InvalidInputException;
import org.encounter.base.NotifyPerson;
import org.encounter.base.RecordNotFound;
import org.encounter.identity.OrganisationNames;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.Role;
import org.encounter.identity.TeamService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordinator's matching over a round's whole pool: confirmed applications nobody excluded and no pair holds.
 * A run replaces the proposals the coordinator has not fixed; fixed pairs, published and accepted ones stay. The
 * coordinator may pair two people by hand, swap partners between two proposals, fix or dissolve a proposal and
 * exclude someone, then run again; publishing asks both partners of every proposal. The round is locked while any
 * of this happens, so two coordinators at once take turns and nobody ends up in two pairs.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
public class ExchangeMatchings {

    /** One application in the pool, as the coordinator sees it. */
    public record PoolEntry(long applicationId, String person, String organisation, Sector sector, Level level,
                            ApplicationStatus status, boolean excluded, Long pairId, String unmatchedReason) {
    }

    /** One partner of a pair as the coordinator sees it, with their answer and (for a decline) its reason. */
    public record Side(long applicationId, String person, String organisation, Sector sector, String answer,
                       String declineReason) {
    }

    public record PairRow(long id, PairStatus status, boolean fixed, double score, Side first, Side second,
                          List<Reason> reasons) {
    }

    /** What a run did: how many pairs it proposed and how many it left unmatched (each with its reason). */
    public record Run(int proposed, int unmatched) {
    }

    private final ExchangeAccess access;
    private final ExchangeApplicationRepository applications;
    private final ExchangePairRepository pairs;
    private final TeamService teams;
    private final PersonDirectory directory;
    private final OrganisationNames names;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Matching matching = new Matching();

    ExchangeMatchings(ExchangeAccess access, ExchangeApplicationRepository applications, ExchangePairRepository pairs,
                      TeamService teams, PersonDirectory directory, OrganisationNames names,
                      ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.applications = applications;
        this.pairs = pairs;
        this.teams = teams;
        this.directory = directory;
        this.names = names;
        this.events = events;
        this.clock = clock;
    }

    public List<PoolEntry> pool(long roundId) {
        access.coordinated(roundId);
        List<ExchangeApplication> all = applications.findByRoundIdOrderByCreatedAt(roundId);
        Map<Long, Long> pairOf = new java.util.HashMap<>();
        pairs.findByRoundIdOrderByScoreDesc(roundId).stream().filter(p -> p.getStatus().holds()).forEach(p -> {
            pairOf.put(p.getFirstId(), p.getId());
            pairOf.put(p.getSecondId(), p.getId());
        });
        Map<Long, String> people = directory.displayNames(all.stream().map(ExchangeApplication::getPersonId).toList());
        Map<Long, String> organisations = names.organisations(all.stream().map(ExchangeApplication::getOrganisationId)
                .collect(Collectors.toSet()));
        return all.stream().map(a -> new PoolEntry(a.getId(), people.getOrDefault(a.getPersonId(), ""),
                organisations.getOrDefault(a.getOrganisationId(), ""), a.getSector(), a.getLevel(), a.getStatus(),
                a.isExcluded(), pairOf.get(a.getId()), pairOf.containsKey(a.getId()) ? null : a.getUnmatchedReason()))
                .sorted(Comparator.comparing(PoolEntry::person, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    public List<PairRow> pairs(long roundId) {
        access.coordinated(roundId);
        List<ExchangePair> found = pairs.findByRoundIdOrderByScoreDesc(roundId);
        Map<Long, ExchangeApplication> byId = applications.findByRoundIdOrderByCreatedAt(roundId).stream()
                .collect(Collectors.toMap(ExchangeApplication::getId, a -> a));
        Map<Long, String> people = directory.displayNames(byId.values().stream()
                .map(ExchangeApplication::getPersonId).toList());
        Map<Long, String> organisations = names.organisations(byId.values().stream()
                .map(ExchangeApplication::getOrganisationId).collect(Collectors.toSet()));
        return found.stream().map(p -> new PairRow(p.getId(), p.getStatus(), p.isFixed(), p.getScore(),
                side(p, byId.get(p.getFirstId()), people, organisations),
                side(p, byId.get(p.getSecondId()), people, organisations), p.getReasons())).toList();
    }

    private static Side side(ExchangePair p, ExchangeApplication a, Map<Long, String> people,
                             Map<Long, String> organisations) {
        String answer = p.answerOf(a.getId());
        return new Side(a.getId(), people.getOrDefault(a.getPersonId(), ""),
                organisations.getOrDefault(a.getOrganisationId(), ""), a.getSector(), answer,
                "DECLINED".equals(answer) ? p.reasonOf(a.getId()) : null);
    }

    /**
     * Runs the matching over the pool. An empty pool (nobody confirmed, or everyone paired or excluded) is refused
     * with a message; a pool where nobody can be paired is not an error: the run proposes nothing and every leader in
     * it is listed with the reason.
     */
    @Transactional
    public Run run(long roundId) {
        ExchangeRound round = access.coordinatedLocked(roundId);
        List<ExchangePair> existing = pairs.findByRoundIdOrderByScoreDesc(round.getId());
        existing.stream().filter(p -> p.getStatus() == PairStatus.PROPOSED && !p.isFixed()).forEach(pairs::delete);
        pairs.flush();
        Set<Long> held = held(pairs.findByRoundIdOrderByScoreDesc(round.getId()));
        List<ExchangeApplication> pool = applications.findByRoundIdOrderByCreatedAt(round.getId()).stream()
                .filter(a -> a.getStatus() == ApplicationStatus.CONFIRMED && !a.isExcluded()
                        && !held.contains(a.getId())).toList();
        if (pool.isEmpty()) {
            throw new InvalidInputException("", "exchange.match.empty");
        }
        var outcome = matching.match(pool.stream().map(ExchangeApplication::candidate).toList(), manages(pool));
        Map<Long, ExchangeApplication> byId = pool.stream()
                .collect(Collectors.toMap(ExchangeApplication::getId, a -> a));
        pool.forEach(a -> a.unmatched(null));
        for (var proposal : outcome.pairs()) {
            pairs.save(new ExchangePair(round.getId(), proposal.first().applicationId(),
                    proposal.second().applicationId(), proposal.score(), proposal.reasons(), false));
        }
        for (var left : outcome.unmatched()) {
            byId.get(left.candidate().applicationId()).unmatched(left.reason().key());
        }
        return new Run(outcome.pairs().size(), outcome.unmatched().size());
    }

    /**
     * Pairs two people by hand (a fixed proposal, kept by later runs). Any proposal either was in is dissolved;
     * someone in a published or accepted pair, or excluded, cannot be paired; the hard rules hold here too.
     */
    @Transactional
    public void pairByHand(long roundId, long firstApplicationId, long secondApplicationId) {
        ExchangeRound round = access.coordinatedLocked(roundId);
        ExchangeApplication first = access.applicationInCoordinated(round.getId(), firstApplicationId);
        ExchangeApplication second = access.applicationInCoordinated(round.getId(), secondApplicationId);
        List<ExchangePair> existing = pairs.findByRoundIdOrderByScoreDesc(round.getId());
        for (ExchangeApplication a : List.of(first, second)) {
            if (a.getStatus() != ApplicationStatus.CONFIRMED || a.isExcluded()) {
                throw new InvalidInputException("", "exchange.match.not-in-pool");
            }
            if (existing.stream().anyMatch(p -> p.involves(a.getId()) && p.getStatus().holds()
                    && p.getStatus() != PairStatus.PROPOSED)) {
                throw new InvalidInputException("", "exchange.match.already-paired");
            }
        }
        require(first, second);
        existing.stream().filter(p -> p.getStatus() == PairStatus.PROPOSED
                && (p.involves(first.getId()) || p.involves(second.getId()))).forEach(pairs::delete);
        pairs.flush();
        pairs.save(new ExchangePair(round.getId(), first.getId(), second.getId(), 0,
                List.of(Reason.of("exchange.reason.by-hand")), true));
        first.unmatched(null);
        second.unmatched(null);
    }

    /** Swaps partners between two proposals: (a, b) and (c, d) become (a, d) and (c, b), both fixed. */
    @Transactional
    public void swap(long roundId, long pairId, long otherPairId) {
        access.coordinatedLocked(roundId);
        ExchangePair one = proposal(roundId, pairId);
        ExchangePair other = proposal(roundId, otherPairId);
        if (one.getId().equals(other.getId())) {
            throw new InvalidInputException("", "exchange.match.swap-two");
        }
        ExchangeApplication a = applications.findById(one.getFirstId()).orElseThrow();
        ExchangeApplication b = applications.findById(one.getSecondId()).orElseThrow();
        ExchangeApplication c = applications.findById(other.getFirstId()).orElseThrow();
        ExchangeApplication d = applications.findById(other.getSecondId()).orElseThrow();
        require(a, d);
        require(c, b);
        pairs.delete(one);
        pairs.delete(other);
        pairs.flush();
        pairs.save(new ExchangePair(roundId, a.getId(), d.getId(), 0, List.of(Reason.of("exchange.reason.by-hand")),
                true));
        pairs.save(new ExchangePair(roundId, c.getId(), b.getId(), 0, List.of(Reason.of("exchange.reason.by-hand")),
                true));
    }

    /** Fixes a proposal (later runs keep it) or frees it again. */
    @Transactional
    public void fix(long roundId, long pairId, boolean fixed) {
        access.coordinatedLocked(roundId);
        proposal(roundId, pairId).fix(fixed);
    }

    /** Dissolves a proposal: both go back to the pool. */
    @Transactional
    public void dissolve(long roundId, long pairId) {
        access.coordinatedLocked(roundId);
        pairs.delete(proposal(roundId, pairId));
    }

    /** Leaves someone out of the matching (or brings them back); a proposal they were in is dissolved. */
    @Transactional
    public void exclude(long roundId, long applicationId, boolean excluded) {
        access.coordinatedLocked(roundId);
        ExchangeApplication application = access.applicationInCoordinated(roundId, applicationId);
        List<ExchangePair> theirs = pairs.involving(List.of(applicationId)).stream()
                .filter(p -> p.getStatus().holds()).toList();
        if (excluded && theirs.stream().anyMatch(p -> p.getStatus() != PairStatus.PROPOSED)) {
            throw new InvalidInputException("", "exchange.match.already-paired");
        }
        theirs.stream().filter(p -> p.getStatus() == PairStatus.PROPOSED).forEach(pairs::delete);
        application.exclude(excluded);
        application.unmatched(excluded ? "exchange.unmatched.excluded" : null);
    }

    /** Publishes every proposal: both partners are asked to accept. */
    @Transactional
    public int publish(long roundId) {
        ExchangeRound round = access.coordinatedLocked(roundId);
        List<ExchangePair> proposed = pairs.findByRoundIdAndStatus(roundId, PairStatus.PROPOSED);
        if (proposed.isEmpty()) {
            throw new InvalidInputException("", "exchange.match.nothing-to-publish");
        }
        for (ExchangePair p : proposed) {
            p.publish(clock.instant());
            for (Long applicationId : List.of(p.getFirstId(), p.getSecondId())) {
                long person = applications.findById(applicationId).orElseThrow().getPersonId();
                events.publishEvent(new NotifyPerson(person, "exchange-proposed", "exchange-pair:" + p.getId(),
                        "notify.exchange-proposed", List.of(round.getName()), "exchange/pair/" + p.getId()));
            }
        }
        return proposed.size();
    }

    private ExchangePair proposal(long roundId, long pairId) {
        return pairs.findById(pairId).filter(p -> p.getRoundId() == roundId && p.getStatus() == PairStatus.PROPOSED)
                .orElseThrow(() -> new RecordNotFound("exchange pair", pairId));
    }

    private void require(ExchangeApplication one, ExchangeApplication other) {
        if (one.getId().equals(other.getId())
                || !Matching.allowed(one.candidate(), other.candidate(), manages(List.of(one, other)))) {
            throw new InvalidInputException("", "exchange.match.not-allowed");
        }
    }

    private BiPredicate<Long, Long> manages(List<ExchangeApplication> pool) {
        // Asked for every pair of the pool (millions at 2,000 applicants): a look-up by manager, no key built per question.
        Map<Long, Set<Long>> reports = new java.util.HashMap<>();
        teams.managementAmong(pool.stream().map(ExchangeApplication::getPersonId).toList())
                .forEach(link -> reports.computeIfAbsent(link.get(0), m -> new HashSet<>()).add(link.get(1)));
        return (manager, member) -> reports.getOrDefault(manager, Set.of()).contains(member);
    }

    private static Set<Long> held(List<ExchangePair> all) {
        Set<Long> held = new HashSet<>();
        all.stream().filter(p -> p.getStatus().holds()).forEach(p -> {
            held.add(p.getFirstId());
            held.add(p.getSecondId());
        });
        return held;
    }
}

package org.encounter.exchange;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.encounter.base.Dates;
import org.encounter.base.InvalidInputException;
import org.encounter.base.NotifyPerson;
import org.encounter.base.RecordNotFound;
import org.encounter.base.Validation;
import org.encounter.identity.OrganisationNames;
import org.encounter.identity.OrganisationScope;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.Role;
import org.encounter.identity.TeamService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leaders' applications: a member of staff of an organisation taking part applies while the window is open, once per
 * round; one of their managers confirms that they may take part (a leader nobody manages is confirmed by applying,
 * as there is nobody to ask). Managers see only their own reports' applications, and never a pair.
 */
@Service
@Transactional(readOnly = true)
public class ExchangeApplications {

    static final int LANGUAGES_MAX = 6;

    /** A round the signed-in leader may apply to, and whether they have. */
    public record OpenRound(long id, String name, String partnership, LocalDate applicationsClose, LocalDate startsOn,
                            LocalDate endsOn, int visitsEachWay, Map<Long, String> organisations, Long applicationId) {
    }

    /** The signed-in leader's own application. */
    public record MyApplication(long id, long roundId, String round, ApplicationStatus status, ApplicationForm form,
                                LocalDate startsOn) {
    }

    /** An application awaiting the signed-in manager's word. */
    public record ToConfirm(long id, String person, String round, Sector sector, Level level) {
    }

    private final ExchangeRoundRepository rounds;
    private final ExchangeApplicationRepository applications;
    private final ExchangePairRepository pairs;
    private final OrganisationScope scope;
    private final OrganisationNames names;
    private final PersonDirectory directory;
    private final TeamService teams;
    private final ExchangeAccess access;
    private final ApplicationEventPublisher events;
    private final Dates dates;
    private final Clock clock;

    ExchangeApplications(ExchangeRoundRepository rounds, ExchangeApplicationRepository applications,
                         ExchangePairRepository pairs, OrganisationScope scope, OrganisationNames names, PersonDirectory directory,
                         TeamService teams, ExchangeAccess access, ApplicationEventPublisher events, Dates dates,
                         Clock clock) {
        this.rounds = rounds;
        this.applications = applications;
        this.pairs = pairs;
        this.scope = scope;
        this.names = names;
        this.directory = directory;
        this.teams = teams;
        this.access = access;
        this.events = events;
        this.dates = dates;
        this.clock = clock;
    }

    /** Rounds open for applications to the signed-in person's organisation today. */
    @RolesAllowed(Role.Names.LEARNER)
    public List<OpenRound> openRounds() {
        long me = access.me();
        return scope.worksWith().stream().flatMap(o -> rounds.openFor(o, dates.today()).stream()).map(r -> {
            Long applied = applications.findByRoundIdAndPersonId(r.getId(), me).map(ExchangeApplication::getId)
                    .orElse(null);
            return new OpenRound(r.getId(), r.getName(), names.partnerships(List.of(r.getPartnershipId()))
                    .getOrDefault(r.getPartnershipId(), ""), r.getApplicationsClose(), r.getStartsOn(), r.getEndsOn(),
                    r.getVisitsEachWay(), names.organisations(r.getOrganisationIds()), applied);
        }).toList();
    }

    /** A round the signed-in person may apply to (its organisations, for travel and avoiding), or "not found". */
    @RolesAllowed(Role.Names.LEARNER)
    public OpenRound openRound(long roundId) {
        return openRounds().stream().filter(r -> r.id() == roundId).findFirst()
                .orElseThrow(() -> new RecordNotFound("exchange round", roundId));
    }

    /**
     * Applies to a round. Refused with a message, storing nothing: outside the application window, a second
     * application, missing or over-long text, themes, languages, travel or organisations to avoid that are not the
     * round's, people to avoid the leader could not have picked.
     */
    @Transactional
    @RolesAllowed(Role.Names.LEARNER)
    public MyApplication apply(long roundId, ApplicationForm form) {
        long me = access.me();
        Long organisation = scope.worksWith().stream().findFirst().orElseThrow();
        ExchangeRound round = rounds.findById(roundId)
                .filter(r -> r.getOrganisationIds().contains(organisation))
                .orElseThrow(() -> new RecordNotFound("exchange round", roundId));
        if (!round.acceptsApplications(dates.today())) {
            throw new InvalidInputException("", "exchange.apply.closed");
        }
        if (applications.findByRoundIdAndPersonId(roundId, me).isPresent()) {
            throw new InvalidInputException("", "exchange.apply.twice");
        }
        ApplicationForm clean = check(round, form);
        ExchangeApplication application;
        try {
            application = applications.saveAndFlush(new ExchangeApplication(roundId, me, organisation, clean,
                    clock.instant()));
        } catch (DataIntegrityViolationException twoAtOnce) {
            throw new InvalidInputException("", "exchange.apply.twice");
        }
        Set<Long> managers = teams.myManagers();
        if (managers.isEmpty()) {
            application.answerByManager(me, true, clock.instant());
        }
        String name = directory.displayNames(List.of(me)).getOrDefault(me, "");
        managers.forEach(m -> events.publishEvent(new NotifyPerson(m, "exchange-confirm", "exchange-application:"
                + application.getId(), "notify.exchange-confirm", List.of(name, round.getName()), "exchange")));
        return mine(application, round);
    }

    private ApplicationForm check(ExchangeRound round, ApplicationForm form) {
        String wants = Validation.clean(form.wants());
        String offers = Validation.clean(form.offers());
        String note = form.availabilityNote() == null || form.availabilityNote().isBlank() ? null
                : Validation.clean(form.availabilityNote());
        Set<Long> roundOrganisations = round.getOrganisationIds();
        Validation.start()
                .require("sector", form.sector() != null, "validation.required")
                .require("level", form.level() != null, "validation.required")
                .text("wants", wants, ExchangeApplication.TEXT_MAX)
                .text("offers", offers, ExchangeApplication.TEXT_MAX)
                .optionalText("availabilityNote", note, ExchangeApplication.NOTE_MAX)
                .require("languages", !form.languages().isEmpty() && form.languages().size() <= LANGUAGES_MAX
                        && form.languages().stream().allMatch(l -> l.matches("[a-z]{2,3}")), "exchange.apply.languages")
                .require("travelsTo", roundOrganisations.containsAll(form.travelsTo()), "exchange.apply.round-only")
                .require("avoidOrganisations", roundOrganisations.containsAll(form.avoidOrganisations()),
                        "exchange.apply.round-only")
                .require("avoidPeople", form.avoidPeople().isEmpty()
                        || directory.mayPickAcrossPartners(form.avoidPeople()).containsAll(form.avoidPeople()),
                        "exchange.apply.avoid-people")
                .check();
        return new ApplicationForm(form.sector(), form.level(), wants, offers, form.wantThemes(), form.offerThemes(),
                form.languages(), form.travelsTo(), form.availability(), note, form.avoidPeople(),
                form.avoidOrganisations(), form.shown());
    }

    /** The signed-in leader's applications, newest first. */
    @RolesAllowed(Role.Names.LEARNER)
    public List<MyApplication> mine() {
        return applications.findByPersonIdOrderByCreatedAtDesc(access.me()).stream()
                .map(a -> mine(a, rounds.findById(a.getRoundId()).orElseThrow())).toList();
    }

    /** Withdraws the signed-in leader's application while it is not in a pair. */
    @Transactional
    @RolesAllowed(Role.Names.LEARNER)
    public void withdraw(long applicationId) {
        ExchangeApplication application = applications.findById(applicationId)
                .filter(a -> a.getPersonId() == access.me())
                .orElseThrow(() -> new RecordNotFound("exchange application", applicationId));
        if (pairs.involving(List.of(applicationId)).stream().anyMatch(p -> p.getStatus().holds())) {
            throw new InvalidInputException("", "exchange.withdraw.paired");
        }
        application.withdraw();
    }

    /** Applications of people the signed-in person manages, waiting for their word. */
    @RolesAllowed(Role.Names.MANAGER)
    public List<ToConfirm> toConfirm() {
        return waiting().stream().map(a -> new ToConfirm(a.getId(),
                directory.displayNames(List.of(a.getPersonId())).getOrDefault(a.getPersonId(), ""),
                rounds.findById(a.getRoundId()).map(ExchangeRound::getName).orElse(""), a.getSector(),
                a.getLevel())).toList();
    }

    /** A manager's word on their report's application; anyone else's is "not found". */
    @Transactional
    @RolesAllowed(Role.Names.MANAGER)
    public void confirm(long applicationId, boolean mayTakePart) {
        ExchangeApplication application = waiting().stream().filter(a -> a.getId() == applicationId).findFirst()
                .orElseThrow(() -> new RecordNotFound("exchange application", applicationId));
        application.answerByManager(access.me(), mayTakePart, clock.instant());
        String round = rounds.findById(application.getRoundId()).map(ExchangeRound::getName).orElse("");
        events.publishEvent(new NotifyPerson(application.getPersonId(), "exchange-confirmed",
                "exchange-application:" + applicationId, mayTakePart ? "notify.exchange-confirmed"
                : "notify.exchange-not-confirmed", List.of(round), "exchange"));
    }

    private List<ExchangeApplication> waiting() {
        Set<Long> reports = teams.myReports();
        return reports.isEmpty() ? List.of()
                : applications.findByStatusAndPersonIdIn(ApplicationStatus.AWAITING_MANAGER, reports);
    }

    private MyApplication mine(ExchangeApplication a, ExchangeRound round) {
        return new MyApplication(a.getId(), round.getId(), round.getName(), a.getStatus(), a.form(),
                round.getStartsOn());
    }
}

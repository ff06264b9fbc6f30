package org.encounter.progress;

import com.vaadin.flow.i18n.I18NProvider;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.encounter.authoring.PublishedModules;
import org.encounter.base.Csv;
import org.encounter.base.InvalidInputException;
import org.encounter.base.RecordNotFound;
import org.encounter.certificates.CertificateFacts;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.PersonRef;
import org.encounter.identity.Role;
import org.encounter.identity.TeamService;
import org.encounter.identity.TeamSummary;
import org.encounter.learning.AttemptStatus;
import org.encounter.learning.LearningFacts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager's view of the teams they manage: the member × module matrix, charts, assignments and exports.
 * Every method looks the team up among the signed-in manager's own teams first; another team's id finds
 * nothing, whoever typed it into a URL.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed(Role.Names.MANAGER)
public class TeamProgressService {

    public record TeamRef(long id, String name, int members) {
    }

    /** Completions per month (oldest first, the current month last) and how many cells are in each status. */
    public record TeamCharts(List<YearMonth> months, List<Long> completions, Map<CellStatus, Long> statuses) {
    }

    /** An assignment and where the learner stands with it (not started, in progress, … overdue). */
    public record TeamAssignment(long id, long learnerId, String learnerName, long moduleId, String moduleTitle,
                                 LocalDate dueDate, CellStatus status) {
        public boolean overdue() {
            return status == CellStatus.OVERDUE;
        }
    }

    private final TeamService teams;
    private final LearningFacts learning;
    private final CertificateFacts certificates;
    private final PublishedModules published;
    private final PersonDirectory directory;
    private final I18NProvider i18n;
    private final Clock clock;
    private final ZoneId zone;

    TeamProgressService(TeamService teams, LearningFacts learning, CertificateFacts certificates,
                        PublishedModules published, PersonDirectory directory, I18NProvider i18n, Clock clock,
                        org.encounter.base.Dates dates) {
        this.teams = teams;
        this.learning = learning;
        this.certificates = certificates;
        this.published = published;
        this.directory = directory;
        this.i18n = i18n;
        this.clock = clock;
        this.zone = dates.zone();
    }

    public List<TeamRef> myTeams() {
        return teams.myManagedTeams().stream().map(t -> new TeamRef(t.id(), t.name(), t.members().size())).toList();
    }

    /** The team's members, by name. */
    public List<PersonRef> members(long teamId) {
        return team(teamId).members();
    }

    /** The matrix as filtered; rows and columns without a cell left after filtering are dropped. */
    public TeamProgress progress(long teamId, ProgressFilter filter) {
        checkRange(filter.from(), filter.to());
        TeamSummary team = team(teamId);
        Map<Long, Map<Long, Cell>> all = cells(team);
        Map<Long, Map<Long, Cell>> shown = new HashMap<>();
        all.forEach((learner, modules) -> modules.forEach((module, cell) -> {
            if (matches(cell, filter)) {
                shown.computeIfAbsent(learner, k -> new HashMap<>()).put(module, cell);
            }
        }));
        Set<Long> moduleIds = new TreeSet<>();
        shown.values().forEach(m -> moduleIds.addAll(m.keySet()));
        Map<Long, String> titles = published.titles(moduleIds);
        List<TeamProgress.ModuleColumn> columns = moduleIds.stream()
                .map(id -> new TeamProgress.ModuleColumn(id, titles.getOrDefault(id, "#" + id)))
                .sorted(Comparator.comparing(TeamProgress.ModuleColumn::title, String.CASE_INSENSITIVE_ORDER)).toList();
        boolean narrowed = filter.moduleId() != null || filter.status() != null || filter.from() != null
                || filter.to() != null;
        List<PersonRef> members = team.members().stream().filter(m -> !narrowed || shown.containsKey(m.id())).toList();
        Map<Long, Map<CellStatus, Integer>> byModule = new HashMap<>();
        Map<Long, Map<CellStatus, Integer>> byMember = new HashMap<>();
        shown.values().forEach(m -> m.values().forEach(c -> {
            byModule.computeIfAbsent(c.moduleId(), k -> new EnumMap<>(CellStatus.class)).merge(c.status(), 1, Integer::sum);
            byMember.computeIfAbsent(c.learnerId(), k -> new EnumMap<>(CellStatus.class)).merge(c.status(), 1, Integer::sum);
        }));
        return new TeamProgress(team.id(), team.name(), members, columns, shown, byModule, byMember);
    }

    /** Completions in each of the last twelve months, and the current status of every cell. */
    public TeamCharts charts(long teamId) {
        TeamSummary team = team(teamId);
        List<Long> ids = ids(team);
        YearMonth now = YearMonth.now(clock.withZone(zone));
        Map<YearMonth, Long> perMonth = new LinkedHashMap<>();
        for (int i = 11; i >= 0; i--) {
            perMonth.put(now.minusMonths(i), 0L);
        }
        List<LearningFacts.AttemptFact> attempts = learning.attempts(ids);
        attempts.stream().filter(a -> a.status() == AttemptStatus.COMPLETED)
                .map(a -> YearMonth.from(a.completedAt().atZone(zone)))
                .filter(perMonth::containsKey).forEach(m -> perMonth.merge(m, 1L, Long::sum));
        Map<CellStatus, Long> statuses = new EnumMap<>(CellStatus.class);
        for (CellStatus s : CellStatus.values()) {
            statuses.put(s, 0L);
        }
        ProgressRules.cells(attempts, learning.assignments(ids), certificates.held(ids), clock.instant(), zone).values()
                .forEach(m -> m.values().forEach(c -> statuses.merge(c.status(), 1L, Long::sum)));
        return new TeamCharts(List.copyOf(perMonth.keySet()), List.copyOf(perMonth.values()), statuses);
    }

    /** The team's assignments that are not withdrawn, soonest due first. */
    public List<TeamAssignment> assignments(long teamId) {
        TeamSummary team = team(teamId);
        Map<Long, String> names = new HashMap<>();
        team.members().forEach(m -> names.put(m.id(), m.displayName()));
        List<Long> ids = ids(team);
        List<LearningFacts.AssignmentFact> facts = learning.assignments(ids);
        Map<Long, Map<Long, Cell>> cells = ProgressRules.cells(learning.attempts(ids), facts, certificates.held(ids),
                clock.instant(), zone);
        Map<Long, String> titles = published.titles(facts.stream().map(LearningFacts.AssignmentFact::moduleId).toList());
        return facts.stream().map(a -> new TeamAssignment(a.id(), a.learnerId(), names.get(a.learnerId()), a.moduleId(),
                titles.getOrDefault(a.moduleId(), "#" + a.moduleId()), a.dueDate(),
                Optional.ofNullable(cells.getOrDefault(a.learnerId(), Map.of()).get(a.moduleId()))
                        .map(Cell::status).orElse(CellStatus.NOT_STARTED))).toList();
    }

    /** The filtered matrix as CSV, one line per member and module, headed in the manager's language. */
    public byte[] matrixCsv(long teamId, ProgressFilter filter, Locale locale) {
        TeamProgress p = progress(teamId, filter);
        Map<Long, String> emails = directory.emails(p.members().stream().map(PersonRef::id).toList());
        Csv csv = new Csv(t("progress.csv.member", locale), t("progress.csv.email", locale), t("progress.csv.team", locale),
                t("progress.csv.module", locale), t("progress.csv.status", locale), t("progress.csv.started", locale),
                t("progress.csv.completed", locale), t("progress.csv.due", locale), t("progress.csv.valid-until", locale));
        for (PersonRef member : p.members()) {
            for (TeamProgress.ModuleColumn module : p.modules()) {
                p.cell(member.id(), module.moduleId()).ifPresent(c -> csv.row(member.displayName(), emails.get(member.id()),
                        p.teamName(), module.title(), t(c.status().labelKey(), locale), date(c.startedAt()),
                        date(c.completedAt()), c.dueDate(), date(c.validUntil())));
            }
        }
        return csv.bytes();
    }

    /** Certificates of the team's members for completions within [from, to], as CSV. */
    public byte[] certificationsCsv(long teamId, LocalDate from, LocalDate to, Locale locale) {
        checkCertificationRange(from, to);
        TeamSummary team = team(teamId);
        Map<Long, String> names = new HashMap<>();
        team.members().forEach(m -> names.put(m.id(), m.displayName()));
        Map<Long, String> emails = directory.emails(names.keySet());
        Csv csv = new Csv(t("progress.csv.member", locale), t("progress.csv.email", locale), t("progress.csv.team", locale),
                t("progress.csv.module", locale), t("progress.csv.version", locale), t("progress.csv.completed", locale),
                t("progress.csv.valid-until", locale), t("progress.csv.code", locale));
        for (CertificateFacts.Held c : certificates.completedBetween(names.keySet(), from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant())) {
            csv.row(names.get(c.learnerId()), emails.get(c.learnerId()), team.name(), c.moduleTitle(), c.versionNumber(),
                    date(c.completedAt()), date(c.validUntil()), c.code());
        }
        return csv.bytes();
    }

    /** The certificate export needs both dates, in order, within ten years. */
    public void checkCertificationRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new InvalidInputException(from == null ? "from" : "to", "validation.required");
        }
        checkRange(from, to);
    }

    TeamSummary team(long teamId) {
        return teams.managedTeam(teamId).orElseThrow(() -> new RecordNotFound("team", teamId));
    }

    private Map<Long, Map<Long, Cell>> cells(TeamSummary team) {
        List<Long> ids = ids(team);
        return ProgressRules.cells(learning.attempts(ids), learning.assignments(ids), certificates.held(ids),
                clock.instant(), zone);
    }

    private boolean matches(Cell c, ProgressFilter f) {
        if (f.moduleId() != null && c.moduleId() != f.moduleId()) {
            return false;
        }
        if (f.status() != null && c.status() != f.status()) {
            return false;
        }
        LocalDate date = ProgressRules.dateOf(c, zone);
        return (f.from() == null || !date.isBefore(f.from())) && (f.to() == null || !date.isAfter(f.to()));
    }

    /** A range may be open on either side; it may not end before it starts or span more than ten years. */
    static void checkRange(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "progress.range-backwards");
        }
        LocalDate earliest = LocalDate.of(2000, 1, 1);
        if ((from != null && (from.isBefore(earliest) || from.getYear() > 2200))
                || (to != null && (to.isBefore(earliest) || to.getYear() > 2200))
                || (from != null && to != null && from.plusYears(10).isBefore(to))) {
            throw new InvalidInputException(to != null ? "to" : "from", "progress.range-absurd");
        }
    }

    private static List<Long> ids(TeamSummary team) {
        return new ArrayList<>(team.members().stream().map(PersonRef::id).toList());
    }

    private String date(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atZone(zone));
    }

    private String t(String key, Locale locale) {
        return i18n.getTranslation(key, locale);
    }
}

package org.encounter.progress;

import com.vaadin.flow.i18n.I18NProvider;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.encounter.authoring.ModuleService;
import org.encounter.authoring.ModuleSummary;
import org.encounter.authoring.PublishedModule;
import org.encounter.authoring.PublishedModules;
import org.encounter.base.Csv;
import org.encounter.identity.Role;
import org.encounter.identity.TeamSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether practice changed: impact aggregates for a manager's team, for an author's own modules, and for an
 * admin across everyone, as a screen or CSV. Only released cohorts of five answers are counted
 * ({@link ImpactRelease} gives the rule and why no two readings can be subtracted to find one person).
 */
@Service
@Transactional(readOnly = true)
public class ImpactService {

    private final TeamProgressService teams;
    private final ImpactRelease release;
    private final PublishedModules published;
    private final ModuleService modules;
    private final I18NProvider i18n;

    ImpactService(TeamProgressService teams, ImpactRelease release, PublishedModules published, ModuleService modules,
                  I18NProvider i18n) {
        this.teams = teams;
        this.release = release;
        this.published = published;
        this.modules = modules;
        this.i18n = i18n;
    }

    /** Modules the team's members answered, with the team's figures beside everyone's. */
    @RolesAllowed(Role.Names.MANAGER)
    public List<ModuleImpact> forTeam(long teamId) {
        long team = teams.team(teamId).id();
        return build(new TreeSet<>(release.modulesAnswered(team)), team);
    }

    /** The team's figures beside everyone's as CSV, one line per module and figure, headed in the manager's language. */
    @RolesAllowed(Role.Names.MANAGER)
    public byte[] teamCsv(long teamId, Locale locale) {
        TeamSummary team = teams.team(teamId);
        List<ModuleImpact> impact = build(new TreeSet<>(release.modulesAnswered(team.id())), team.id());
        String teamName = team.name();
        Csv csv = new Csv(t("progress.csv.team", locale), t("progress.csv.module", locale),
                t("impact.csv.figure", locale), t("impact.csv.team-people", locale), t("impact.csv.team-value", locale),
                t("impact.csv.everyone-people", locale), t("impact.csv.everyone-value", locale));
        for (ModuleImpact m : impact) {
            for (ModuleImpact.Statement s : m.statements()) {
                csv.row(teamName, m.title(), s.text(), s.team().people(), number(s.team()), s.everyone().people(),
                        number(s.everyone()));
            }
            csv.row(teamName, m.title(), t("impact.tried", locale), m.teamTried().people(), number(m.teamTried()),
                    m.everyoneTried().people(), number(m.everyoneTried()));
        }
        return csv.bytes();
    }

    /** The signed-in author's published modules, with everyone's figures. */
    @RolesAllowed(Role.Names.AUTHOR)
    public List<ModuleImpact> forMyModules() {
        List<Long> mine = modules.myModules().stream().filter(m -> m.latestVersionNumber() != null)
                .map(ModuleSummary::id).toList();
        return build(mine, null);
    }

    /** Every module anyone has answered, with everyone's figures. */
    @RolesAllowed(Role.Names.ADMIN)
    public List<ModuleImpact> everywhere() {
        return build(release.modulesAnswered(ImpactRelease.EVERYONE), null);
    }

    private List<ModuleImpact> build(Collection<Long> moduleIds, Long team) {
        if (moduleIds.isEmpty()) {
            return List.of();
        }
        Map<Long, PublishedModule> versions = published.latest(moduleIds);
        Map<String, ImpactRelease.Released> everyone = release.released(ImpactRelease.EVERYONE, moduleIds);
        Map<String, ImpactRelease.Released> ours = team == null ? Map.of() : release.released(team, moduleIds);
        List<ModuleImpact> result = new ArrayList<>();
        for (long id : moduleIds) {
            PublishedModule module = versions.get(id);
            if (module == null) {
                continue;
            }
            List<ModuleImpact.Statement> statements = new ArrayList<>();
            for (int i = 0; i < module.statements().size(); i++) {
                String key = ImpactRelease.key(id, i);
                statements.add(new ModuleImpact.Statement(module.statements().get(i),
                        team == null ? null : figure(ours.get(key)), figure(everyone.get(key))));
            }
            String tried = ImpactRelease.key(id, ImpactRelease.TRIED);
            result.add(new ModuleImpact(id, module.title(), statements, team == null ? null : figure(ours.get(tried)),
                    figure(everyone.get(tried))));
        }
        result.sort(Comparator.comparing(ModuleImpact::title, String.CASE_INSENSITIVE_ORDER));
        return result;
    }

    private static ModuleImpact.Figure figure(ImpactRelease.Released r) {
        if (r == null) {
            return new ModuleImpact.Figure(0, null, 0);
        }
        return new ModuleImpact.Figure(r.people(), r.people() == 0 ? null : (double) r.sum() / r.people(), r.waiting());
    }

    private static String number(ModuleImpact.Figure f) {
        return f.shown() ? String.format(Locale.ROOT, "%.2f", f.value()) : "";
    }

    private String t(String key, Locale locale) {
        return i18n.getTranslation(key, locale);
    }
}

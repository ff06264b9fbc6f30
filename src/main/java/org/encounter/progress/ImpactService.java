package org.encounter.progress;

import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.encounter.authoring.ModuleService;
import org.encounter.authoring.ModuleSummary;
import org.encounter.authoring.PublishedModule;
import org.encounter.authoring.PublishedModules;
import org.encounter.identity.PersonRef;
import org.encounter.identity.Role;
import org.encounter.learning.LearningFacts;
import org.encounter.learning.LearningFacts.ActionFact;
import org.encounter.learning.LearningFacts.ImpactFact;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether practice changed: impact aggregates for a manager's team, for an author's own modules, and for an
 * admin across everyone. Only counts and averages leave this class, and none where fewer than five answered.
 */
@Service
@Transactional(readOnly = true)
public class ImpactService {

    private final TeamProgressService teams;
    private final LearningFacts learning;
    private final PublishedModules published;
    private final ModuleService modules;

    ImpactService(TeamProgressService teams, LearningFacts learning, PublishedModules published, ModuleService modules) {
        this.teams = teams;
        this.learning = learning;
        this.published = published;
        this.modules = modules;
    }

    /** Modules the team's members completed, with the team's figures beside everyone's. */
    @RolesAllowed(Role.Names.MANAGER)
    public List<ModuleImpact> forTeam(long teamId) {
        List<Long> members = teams.team(teamId).members().stream().map(PersonRef::id).toList();
        List<ImpactFact> impact = learning.impact(members);
        List<ActionFact> actions = learning.actions(members);
        TreeSet<Long> moduleIds = new TreeSet<>();
        impact.forEach(f -> moduleIds.add(f.moduleId()));
        actions.forEach(f -> moduleIds.add(f.moduleId()));
        return build(moduleIds, impact, actions, true);
    }

    /** The signed-in author's published modules, with everyone's figures. */
    @RolesAllowed(Role.Names.AUTHOR)
    public List<ModuleImpact> forMyModules() {
        List<Long> mine = modules.myModules().stream().filter(m -> m.latestVersionNumber() != null)
                .map(ModuleSummary::id).toList();
        return build(mine, List.of(), List.of(), false);
    }

    /** Every module anyone has completed, with everyone's figures. */
    @RolesAllowed(Role.Names.ADMIN)
    public List<ModuleImpact> everywhere() {
        return build(learning.modulesWithAnswers(), List.of(), List.of(), false);
    }

    private List<ModuleImpact> build(Collection<Long> moduleIds, List<ImpactFact> teamImpact, List<ActionFact> teamActions,
                                     boolean forTeam) {
        if (moduleIds.isEmpty()) {
            return List.of();
        }
        Map<Long, PublishedModule> versions = published.latest(moduleIds);
        Map<String, ImpactFact> everyone = new HashMap<>();
        learning.impactEverywhere(moduleIds).forEach(f -> everyone.put(f.moduleId() + ":" + f.statement(), f));
        Map<String, ImpactFact> team = new HashMap<>();
        teamImpact.forEach(f -> team.put(f.moduleId() + ":" + f.statement(), f));
        Map<Long, ActionFact> everyoneTried = new HashMap<>();
        learning.actionsEverywhere(moduleIds).forEach(f -> everyoneTried.put(f.moduleId(), f));
        Map<Long, ActionFact> teamTried = new HashMap<>();
        teamActions.forEach(f -> teamTried.put(f.moduleId(), f));

        List<ModuleImpact> result = new ArrayList<>();
        for (long id : moduleIds) {
            PublishedModule module = versions.get(id);
            if (module == null) {
                continue;
            }
            List<ModuleImpact.Statement> statements = new ArrayList<>();
            for (int i = 0; i < module.statements().size(); i++) {
                String key = id + ":" + i;
                statements.add(new ModuleImpact.Statement(module.statements().get(i),
                        forTeam ? impact(team.get(key)) : null, impact(everyone.get(key))));
            }
            result.add(new ModuleImpact(id, module.title(), statements, forTeam ? tried(teamTried.get(id)) : null,
                    tried(everyoneTried.get(id))));
        }
        result.sort(Comparator.comparing(ModuleImpact::title, String.CASE_INSENSITIVE_ORDER));
        return result;
    }

    private static ModuleImpact.Figure impact(ImpactFact f) {
        return f == null ? new ModuleImpact.Figure(0, null) : new ModuleImpact.Figure(f.people(), f.averageChange());
    }

    private static ModuleImpact.Figure tried(ActionFact f) {
        return f == null ? new ModuleImpact.Figure(0, null) : new ModuleImpact.Figure(f.people(), f.share());
    }
}

package org.encounter.learning;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.encounter.authoring.ModuleSharing;
import org.encounter.authoring.PublishedModules;
import org.encounter.base.Dates;
import org.encounter.base.Validation;
import org.encounter.identity.OrganisationNames;
import org.encounter.identity.OrganisationScope;
import org.encounter.identity.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partnership's induction pathway, managed by its coordinators (and the platform admin): a name, modules the
 * partnership shares in order, and the days after joining by which starters should have walked it. Any other
 * partnership is "not found" ({@link OrganisationScope#requireCoordinated}). The coordinator follows starters only
 * as figures per member organisation: no name reaches them.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
public class PathwayService {

    public record PartnershipChoice(long id, String name) {
    }

    /** A module on (or for) the pathway; {@code shared} is false once the partnership stopped sharing it. */
    public record Step(long moduleId, String title, boolean shared) {
    }

    /** The partnership's pathway; {@code id} is null while it has none yet. */
    public record Detail(Long id, String name, int dueDays, List<Step> steps) {
    }

    /** One member organisation's starters on the pathway, counted: no names. */
    public record OrganisationProgress(String organisation, int starters, int completed, int onTrack, int overdue) {
    }

    private final PathwayRepository pathways;
    private final PathwayStarterRepository starters;
    private final PathwayProgress progress;
    private final OrganisationScope scope;
    private final OrganisationNames names;
    private final ModuleSharing sharing;
    private final PublishedModules published;
    private final Clock clock;
    private final Dates dates;

    PathwayService(PathwayRepository pathways, PathwayStarterRepository starters, PathwayProgress progress,
                   OrganisationScope scope, OrganisationNames names, ModuleSharing sharing, PublishedModules published,
                   Clock clock, Dates dates) {
        this.pathways = pathways;
        this.starters = starters;
        this.progress = progress;
        this.scope = scope;
        this.names = names;
        this.sharing = sharing;
        this.published = published;
        this.clock = clock;
        this.dates = dates;
    }

    /** The partnerships whose pathway the signed-in person manages, by name. */
    public List<PartnershipChoice> partnerships() {
        OrganisationScope.Partnerships mine = scope.coordinated();
        Set<Long> ids = mine.everywhere() ? names.allPartnershipIds() : mine.partnerships();
        return names.partnerships(ids).entrySet().stream().map(e -> new PartnershipChoice(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(PartnershipChoice::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    public Optional<Detail> pathway(long partnershipId) {
        scope.requireCoordinated(partnershipId);
        return pathways.findByPartnershipId(partnershipId).map(p -> {
            Map<Long, String> titles = published.titles(p.getModuleIds());
            Set<Long> shared = sharedNow(partnershipId);
            return new Detail(p.getId(), p.getName(), p.getDueDays(), p.getModuleIds().stream()
                    .map(m -> new Step(m, titles.getOrDefault(m, "?"), shared.contains(m))).toList());
        });
    }

    /** The modules a pathway may hold: those the partnership shares now. */
    public List<Step> choices(long partnershipId) {
        scope.requireCoordinated(partnershipId);
        return sharing.shared(partnershipId).stream().map(m -> new Step(m.moduleId(), m.title(), true))
                .sorted(Comparator.comparing(Step::title, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /**
     * Creates or changes the partnership's pathway. Only published modules the partnership shares may be steps;
     * anything else (a draft, another organisation's module) is refused with a clear message. Starters who already
     * have the pathway keep the assignments they were given.
     */
    @Transactional
    public void save(long partnershipId, String name, List<Long> moduleIds, int dueDays) {
        scope.requireCoordinated(partnershipId);
        String clean = Validation.clean(name);
        List<Long> steps = moduleIds == null ? List.of() : moduleIds;
        Set<Long> shared = sharedNow(partnershipId);
        Validation.start().text("name", clean, Pathway.NAME_MAX)
                .require("modules", !steps.isEmpty() && steps.size() <= Pathway.STEPS_MAX, "pathway.steps-count",
                        Pathway.STEPS_MAX)
                .require("modules", steps.stream().distinct().count() == steps.size(), "pathway.steps-twice")
                .require("modules", steps.stream().allMatch(m -> shared.contains(m) && published.current(m).isPresent()),
                        "pathway.shared-only")
                .require("dueDays", dueDays >= 1 && dueDays <= Pathway.DUE_DAYS_MAX, "pathway.due-days",
                        Pathway.DUE_DAYS_MAX)
                .check();
        pathways.findByPartnershipId(partnershipId).ifPresentOrElse(
                p -> p.change(clean, steps, dueDays, clock.instant()),
                () -> pathways.save(new Pathway(partnershipId, clean, steps, dueDays, clock.instant())));
    }

    private Set<Long> sharedNow(long partnershipId) {
        return sharing.shared(partnershipId).stream().map(ModuleSharing.SharedModule::moduleId)
                .collect(Collectors.toSet());
    }

    /** Every current member organisation's starters on the pathway, as counts only. */
    public List<OrganisationProgress> progress(long partnershipId) {
        scope.requireCoordinated(partnershipId);
        Optional<Pathway> pathway = pathways.findByPartnershipId(partnershipId);
        Set<Long> members = scope.currentMembers(partnershipId);
        Map<Long, List<PathwayProgress.State>> byOrganisation = pathway.map(p -> progress.of(p,
                        starters.findByPathwayId(p.getId()), dates.today()).stream()
                .filter(s -> members.contains(s.starter().getOrganisationId()))
                .collect(Collectors.groupingBy(s -> s.starter().getOrganisationId()))).orElse(Map.of());
        return names.organisations(members).entrySet().stream().map(e -> {
            List<PathwayProgress.State> states = byOrganisation.getOrDefault(e.getKey(), List.of());
            int completed = (int) states.stream().filter(PathwayProgress.State::completed).count();
            int overdue = (int) states.stream().filter(s -> !s.completed() && s.overdue()).count();
            return new OrganisationProgress(e.getValue(), states.size(), completed, states.size() - completed - overdue,
                    overdue);
        }).sorted(Comparator.comparing(OrganisationProgress::organisation, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}

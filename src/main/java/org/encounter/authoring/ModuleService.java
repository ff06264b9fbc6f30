package org.encounter.authoring;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.encounter.base.Languages;
import org.encounter.base.Validation;
import org.encounter.base.RecordNotFound;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writing modules: details, steps, cover image. Only a module's authors may change it, and only as a draft. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class ModuleService {

    private final ModuleRepository modules;
    private final ModuleStepRepository steps;
    private final ModuleAuthorRepository authors;
    private final ModuleVersionRepository versions;
    private final ModuleImageRepository images;
    private final ModuleAccess access;
    private final PersonDirectory directory;
    private final Publisher publisher;
    private final Clock clock;

    ModuleService(ModuleRepository modules, ModuleStepRepository steps, ModuleAuthorRepository authors,
                  ModuleVersionRepository versions, ModuleImageRepository images, ModuleAccess access,
                  PersonDirectory directory, Publisher publisher, Clock clock) {
        this.modules = modules;
        this.steps = steps;
        this.authors = authors;
        this.versions = versions;
        this.images = images;
        this.access = access;
        this.directory = directory;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The modules the signed-in person writes, newest change first. */
    public List<ModuleSummary> myModules() {
        List<Module> mine = modules.findAuthoredBy(access.me());
        Map<Long, List<ModuleAuthor>> credits = authors.findByModules(mine.stream().map(Module::getId).toList())
                .stream().collect(Collectors.groupingBy(ModuleAuthor::moduleId));
        return mine.stream().map(m -> new ModuleSummary(m.getId(), m.getTitle(), m.getStatus(), m.getUpdatedAt(),
                credits.getOrDefault(m.getId(), List.of()).stream().map(ModuleAuthor::getCredit).toList(),
                versionNumber(m))).toList();
    }

    @RolesAllowed(Role.Names.AUTHOR)
    @Transactional
    public long create(String title, String language) {
        String clean = Validation.clean(title);
        Validation.start().text("title", clean, Limits.TITLE)
                .require("language", language != null && Languages.isSupported(language), "validation.required")
                .check();
        long me = access.me();
        Instant now = clock.instant();
        long organisation = directory.registered(me).orElseThrow().organisationId();
        Module module = modules.save(new Module(me, organisation, clean, language, now));
        String credit = directory.find(me).map(p -> p.displayName()).orElse("?");
        authors.save(new ModuleAuthor(module.getId(), me, credit, true, now));
        return module.getId();
    }

    public ModuleDraft draft(long moduleId) {
        Module m = access.readable(moduleId);
        List<ModuleAuthor> list = authors.findByModule(moduleId);
        Set<Long> people = new java.util.HashSet<>(list.stream().map(ModuleAuthor::personId).toList());
        m.getSteps().stream().map(ModuleStep::getUpdatedById).filter(Objects::nonNull).forEach(people::add);
        Map<Long, String> names = directory.displayNames(people);
        boolean author = access.isAuthor(moduleId);
        return new ModuleDraft(m.getId(), m.getStatus(), details(m), m.getCoverImageKey(),
                m.getSteps().stream().map(s -> view(s, names)).toList(),
                list.stream().map(a -> new AuthorView(a.personId(), names.getOrDefault(a.personId(), "?"),
                        a.getCredit(), a.isOwner())).toList(),
                author && m.getStatus().editable(), access.isOwner(moduleId), access.isCurator() && !author,
                versionNumber(m), publisher.revision(m));
    }

    /**
     * Saves the details. {@code base} is what the editor loaded: when someone else has changed
     * the details since, and differently, nothing is saved and the current details come back.
     */
    @Transactional
    public ModuleDetails updateDetails(long moduleId, ModuleDetails base, ModuleDetails changed) {
        Module m = access.editable(moduleId);
        ContentRules.check(changed);
        ModuleDetails stored = ContentRules.stored(changed);
        ModuleDetails current = details(m);
        if (base != null && !current.equals(base) && !current.equals(stored)) {
            throw new DetailsConflictException(current);
        }
        m.describe(stored.title(), stored.summary(), stored.audience(), stored.estimatedMinutes(), stored.language(),
                ContentRules.joinThemes(stored.themes()), clock.instant());
        m.statements(stored.statements());
        m.validity(stored.validityMonths());
        return details(m);
    }

    @Transactional
    public void setCover(long moduleId, String imageKey) {
        access.editable(moduleId).cover(imageKey, clock.instant());
    }

    @Transactional
    public StepView addStep(long moduleId, StepType type) {
        Module m = access.editable(moduleId);
        if (m.getSteps().size() >= Limits.MAX_STEPS) {
            throw new org.encounter.base.InvalidInputException("", "module.too-many-steps", Limits.MAX_STEPS);
        }
        ModuleStep step = m.addStep(StepContent.empty(type), access.me(), clock.instant());
        modules.flush();
        return view(step, directory.displayNames(Set.of(access.me())));
    }

    /**
     * Saves a step if nobody else saved it since {@code expectedVersion}; otherwise throws
     * {@link StepConflictException} with the other person's text, and stores nothing.
     */
    @Transactional
    public StepView updateStep(long stepId, long expectedVersion, StepContent content) {
        ModuleStep step = steps.findById(stepId).orElseThrow(() -> new RecordNotFound("step", stepId));
        access.editable(step.getModule().getId());
        if (step.getVersion() != expectedVersion) {
            throw new StepConflictException(view(step, names(step)));
        }
        ContentRules.check(content);
        step.apply(ContentRules.stored(content), access.me(), clock.instant());
        steps.flush();
        return view(step, names(step));
    }

    @Transactional
    public void moveStep(long stepId, int delta) {
        ModuleStep step = steps.findById(stepId).orElseThrow(() -> new RecordNotFound("step", stepId));
        access.editable(step.getModule().getId()).move(step, Integer.signum(delta), clock.instant());
    }

    @Transactional
    public void removeStep(long stepId) {
        ModuleStep step = steps.findById(stepId).orElseThrow(() -> new RecordNotFound("step", stepId));
        access.editable(step.getModule().getId()).removeStep(step, clock.instant());
    }

    /**
     * The owner deletes a draft that was never published, and everything it holds. Steps go with the module; its
     * co-authors, comments, history and co-author links go by the database's cascade (V2); its pictures are
     * deleted here, as they are stored apart from it. Anything else is refused and nothing changes.
     */
    @RolesAllowed(Role.Names.AUTHOR)
    @Transactional
    public void deleteDraft(long moduleId) {
        Module m = access.deletable(moduleId);
        images.deleteByModule(m.getId());
        modules.delete(m);
        modules.flush();
    }

    private Map<Long, String> names(ModuleStep step) {
        return step.getUpdatedById() == null ? Map.of() : directory.displayNames(Set.of(step.getUpdatedById()));
    }

    static ModuleDetails details(Module m) {
        List<String> themes = m.getThemes() == null ? List.of() : Arrays.asList(m.getThemes().split(","));
        return new ModuleDetails(m.getTitle(), m.getSummary(), m.getAudience(), m.getEstimatedMinutes(),
                m.getLanguage(), themes, m.statements(), m.getValidityMonths());
    }

    private static StepView view(ModuleStep s, Map<Long, String> names) {
        return new StepView(s.getId(), s.getVersion(), s.getPosition(), s.content(),
                s.getUpdatedById() == null ? null : names.get(s.getUpdatedById()), null);
    }

    private Integer versionNumber(Module m) {
        return m.getLatestVersionId() == null ? null
                : versions.findById(m.getLatestVersionId()).map(ModuleVersion::getNumber).orElse(null);
    }

    static Stream<String> nonBlank(List<String> list) {
        return list.stream().filter(s -> s != null && !s.isBlank());
    }
}

package org.encounter.authoring;

import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published versions for learners (the learning feature's way in). A version never changes: an
 * attempt bound to a version id sees the same module however many versions follow.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class PublishedModules {

    private final ModuleVersionRepository versions;
    private final ModuleRepository modules;
    private final ParsedVersions parsed;

    private final ModuleShareRepository shares;
    private final org.encounter.identity.OrganisationScope scope;
    private final org.encounter.identity.OrganisationNames names;

    PublishedModules(ModuleVersionRepository versions, ModuleRepository modules, ModuleShareRepository shares,
                     org.encounter.identity.OrganisationScope scope, org.encounter.identity.OrganisationNames names,
                     ParsedVersions parsed) {
        this.parsed = parsed;
        this.versions = versions;
        this.modules = modules;
        this.shares = shares;
        this.scope = scope;
        this.names = names;
    }

    /**
     * Whether the signed-in person's catalogue holds the module: published, and hosted by their organisation or
     * currently shared with one of its partnerships. Starting or assigning a module asks this first.
     */
    public boolean available(long moduleId) {
        return availableAmong(List.of(moduleId)).contains(moduleId);
    }

    /**
     * Whether the module is published and the partnership shares it now: what an induction pathway may assign to
     * the starters of every member organisation.
     */
    public boolean sharedWith(long moduleId, long partnershipId) {
        return modules.findById(moduleId).filter(m -> m.getStatus() == ModuleStatus.PUBLISHED).isPresent()
                && shares.sharedWithAny(moduleId, java.util.Set.of(partnershipId));
    }

    public Optional<PublishedModule> version(long versionId) {
        return versions.findById(versionId).map(this::read);
    }

    /** Of these modules, those the signed-in person's catalogue holds ({@link #available}), in two queries. */
    public java.util.Set<Long> availableAmong(java.util.Collection<Long> moduleIds) {
        if (moduleIds.isEmpty()) {
            return java.util.Set.of();
        }
        var learning = scope.learnsFrom();
        java.util.Set<Long> shared = new java.util.HashSet<>();
        if (!learning.partnerships().isEmpty()) {
            shares.currentShares(java.util.Set.copyOf(moduleIds), learning.partnerships())
                    .forEach(row -> shared.add((Long) row[0]));
        }
        return modules.findAllById(java.util.Set.copyOf(moduleIds)).stream()
                .filter(m -> m.getStatus() == ModuleStatus.PUBLISHED)
                .filter(m -> learning.everywhere() || learning.organisations().contains(m.getOrganisationId())
                        || shared.contains(m.getId()))
                .map(Module::getId).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The version new learners start: the latest published one, unless the module is archived. */
    public Optional<PublishedModule> current(long moduleId) {
        return modules.findById(moduleId)
                .filter(m -> m.getStatus() != ModuleStatus.ARCHIVED && m.getLatestVersionId() != null)
                .flatMap(m -> versions.findById(m.getLatestVersionId())).map(this::read);
    }

    /** The titles of these modules' latest published versions, in one query. */
    public java.util.Map<Long, String> titles(java.util.Collection<Long> moduleIds) {
        java.util.Map<Long, String> titles = new java.util.HashMap<>();
        if (!moduleIds.isEmpty()) {
            versions.latestTitles(moduleIds).forEach(row -> titles.put((Long) row[0], (String) row[1]));
        }
        return titles;
    }

    /** These modules' latest published versions, in one query. */
    public java.util.Map<Long, PublishedModule> latest(java.util.Collection<Long> moduleIds) {
        java.util.Map<Long, PublishedModule> latest = new java.util.HashMap<>();
        if (!moduleIds.isEmpty()) {
            versions.latest(moduleIds).forEach(v -> latest.put(v.getModuleId(), read(v)));
        }
        return latest;
    }

    /** A version never changes, so what it reads as is kept ({@link ParsedVersions}). */
    private PublishedModule read(ModuleVersion v) {
        return parsed.read(v);
    }

    /**
     * Published modules for the signed-in person's catalogue, page by page: their organisation's and those shared
     * with its partnerships ({@link org.encounter.identity.OrganisationScope#learnsFrom}), each saying where it comes
     * from.
     */
    public List<CatalogueItem> catalogue(CatalogueFilter f, org.springframework.data.domain.Pageable pageable) {
        boolean restrict = f.onlyModules() != null;
        java.util.Collection<Long> only = restrict && f.onlyModules().isEmpty() ? List.of(-1L)
                : restrict ? f.onlyModules() : List.of(-1L);
        var learning = scope.learnsFrom();
        List<ModuleVersion> page = versions.catalogue(ModuleStatus.PUBLISHED, blank(f.text()), blank(f.theme()),
                        blank(f.language()), f.maxMinutes(), restrict, only, learning.everywhere(),
                        learning.organisationsForQuery(), learning.partnershipsForQuery(),
                        org.springframework.data.domain.PageRequest.of(pageable.getPageNumber(),
                                Math.min(pageable.getPageSize(), 100)))
                .getContent();
        List<Long> ids = page.stream().map(ModuleVersion::getModuleId).toList();
        java.util.Map<Long, Long> hosts = new java.util.HashMap<>();
        modules.findAllById(ids).forEach(m -> hosts.put(m.getId(), m.getOrganisationId()));
        java.util.Map<Long, List<Long>> through = new java.util.HashMap<>();
        if (!ids.isEmpty() && !learning.partnerships().isEmpty()) {
            shares.currentShares(ids, learning.partnerships()).forEach(row -> through
                    .computeIfAbsent((Long) row[0], k -> new java.util.ArrayList<>()).add((Long) row[1]));
        }
        var hostNames = names.organisations(java.util.Set.copyOf(hosts.values()));
        var partnershipNames = names.partnerships(through.values().stream().flatMap(List::stream)
                .collect(java.util.stream.Collectors.toSet()));
        return page.stream().map(v -> {
            Long host = hosts.get(v.getModuleId());
            List<String> via = learning.organisations().contains(host) ? List.of()
                    : through.getOrDefault(v.getModuleId(), List.of()).stream().map(partnershipNames::get).sorted()
                    .toList();
            return new CatalogueItem(v.getModuleId(), v.getId(), v.getNumber(), v.getTitle(), v.getSummary(),
                    v.getCredits(), v.getEstimatedMinutes(), v.getLanguage(),
                    v.getThemes() == null ? List.of() : List.of(v.getThemes().split(",")),
                    hostNames.getOrDefault(host, ""), via);
        }).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public List<Integer> versionNumbers(long moduleId) {
        return versions.findByModuleIdOrderByNumberDesc(moduleId).stream().map(ModuleVersion::getNumber).toList();
    }
}

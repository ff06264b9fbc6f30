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
    private final java.util.Map<Long, PublishedModule> parsed = new java.util.LinkedHashMap<>(512, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Long, PublishedModule> eldest) {
            return size() > 500;
        }
    };

    PublishedModules(ModuleVersionRepository versions, ModuleRepository modules) {
        this.versions = versions;
        this.modules = modules;
    }

    public Optional<PublishedModule> version(long versionId) {
        return versions.findById(versionId).map(this::read);
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

    /** A version never changes, so what it reads as is kept (the most recent few hundred). */
    private PublishedModule read(ModuleVersion v) {
        synchronized (parsed) {
            PublishedModule known = parsed.get(v.getId());
            if (known != null) {
                return known;
            }
        }
        PublishedModule read = Publisher.read(v);
        synchronized (parsed) {
            parsed.put(v.getId(), read);
        }
        return read;
    }

    /** Published modules for the catalogue, page by page. */
    public List<CatalogueItem> catalogue(CatalogueFilter f, org.springframework.data.domain.Pageable pageable) {
        boolean restrict = f.onlyModules() != null;
        java.util.Collection<Long> only = restrict && f.onlyModules().isEmpty() ? List.of(-1L)
                : restrict ? f.onlyModules() : List.of(-1L);
        return versions.catalogue(ModuleStatus.PUBLISHED, blank(f.text()), blank(f.theme()), blank(f.language()),
                        f.maxMinutes(), restrict, only,
                        org.springframework.data.domain.PageRequest.of(pageable.getPageNumber(),
                                Math.min(pageable.getPageSize(), 100)))
                .map(v -> new CatalogueItem(v.getModuleId(), v.getId(), v.getNumber(), v.getTitle(), v.getSummary(),
                        v.getCredits(), v.getEstimatedMinutes(), v.getLanguage(),
                        v.getThemes() == null ? List.of() : List.of(v.getThemes().split(","))))
                .getContent();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public List<Integer> versionNumbers(long moduleId) {
        return versions.findByModuleIdOrderByNumberDesc(moduleId).stream().map(ModuleVersion::getNumber).toList();
    }
}

package org.encounter.authoring;

import org.encounter.identity.CurrentPerson;
import org.encounter.base.RecordNotFound;
import org.encounter.identity.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Ownership rules: authors edit their own modules; curators review submitted ones hosted by their own organisation or
 * by one it shares a partnership with (a curator panel may be drawn from across a partnership), and get "not found"
 * for any other.
 */
@Component
class ModuleAccess {

    private final ModuleRepository modules;
    private final ModuleAuthorRepository authors;
    private final CurrentPerson currentPerson;
    private final org.encounter.identity.OrganisationScope scope;

    ModuleAccess(ModuleRepository modules, ModuleAuthorRepository authors, CurrentPerson currentPerson,
                 org.encounter.identity.OrganisationScope scope) {
        this.modules = modules;
        this.authors = authors;
        this.currentPerson = currentPerson;
        this.scope = scope;
    }

    /** The host organisations whose submitted modules the signed-in curator reviews, for a query's {@code in} list. */
    java.util.Collection<Long> reviewedOrganisations() {
        java.util.Set<Long> partners = scope.partners();
        return partners.isEmpty() ? java.util.List.of(-1L) : partners;
    }

    private boolean reviewsFor(Module module) {
        return currentPerson.has(Role.ADMIN) || scope.partners().contains(module.getOrganisationId());
    }

    long me() {
        return currentPerson.requireId();
    }

    boolean isAuthor(long moduleId) {
        return authors.existsById(new ModuleAuthor.Key(moduleId, me()));
    }

    boolean isOwner(long moduleId) {
        return authors.findById(new ModuleAuthor.Key(moduleId, me())).map(ModuleAuthor::isOwner).orElse(false);
    }

    boolean isCurator() {
        return currentPerson.has(Role.CURATOR);
    }

    Module find(long moduleId) {
        return modules.findById(moduleId).orElseThrow(() -> new RecordNotFound("module", moduleId));
    }

    /** Authors always; curators and admins once the module has left the draft. */
    Module readable(long moduleId) {
        Module module = find(moduleId);
        if (isAuthor(moduleId)) {
            return module;
        }
        boolean reviewer = (isCurator() || currentPerson.has(Role.ADMIN)) && module.getStatus() != ModuleStatus.DRAFT;
        if (!reviewer) {
            throw new AccessDeniedException("not an author or reviewer of module " + moduleId);
        }
        if (!reviewsFor(module)) {
            throw new RecordNotFound("module", moduleId);
        }
        return module;
    }

    /** Whether {@link #readable} would let the signed-in person read the module's working copy. */
    boolean mayReadWorkingCopy(long moduleId) {
        return modules.findById(moduleId).map(module -> isAuthor(moduleId)
                || (isCurator() || currentPerson.has(Role.ADMIN)) && module.getStatus() != ModuleStatus.DRAFT
                && reviewsFor(module)).orElse(false);
    }

    Module authored(long moduleId) {
        Module module = find(moduleId);
        if (!isAuthor(moduleId)) {
            throw new AccessDeniedException("not an author of module " + moduleId);
        }
        return module;
    }

    Module owned(long moduleId) {
        Module module = authored(moduleId);
        if (!isOwner(moduleId)) {
            throw new AccessDeniedException("not the owner of module " + moduleId);
        }
        return module;
    }

    /** An author, and the module is in a state where its content may change. */
    Module editable(long moduleId) {
        Module module = authored(moduleId);
        if (!module.getStatus().editable()) {
            throw new org.encounter.base.InvalidInputException("", "module.not-editable");
        }
        return module;
    }

    /**
     * The owner, and the module never left their hands for good: never published (learners, certificates and sets
     * may hold a published one) and not with the curators now. A co-author is told it is the owner's to delete.
     */
    Module deletable(long moduleId) {
        Module module = authored(moduleId);
        if (!isOwner(moduleId)) {
            throw new org.encounter.base.InvalidInputException("", "module.delete.owner-only");
        }
        if (module.getLatestVersionId() != null) {
            throw new org.encounter.base.InvalidInputException("", "module.delete.published");
        }
        if (!module.getStatus().editable()) {
            throw new org.encounter.base.InvalidInputException("", "module.delete.in-review");
        }
        return module;
    }

    /** A curator who is not one of the module's authors: nobody publishes their own work. */
    Module reviewable(long moduleId) {
        Module module = find(moduleId);
        if (!isCurator()) {
            throw new AccessDeniedException("not a curator");
        }
        if (!reviewsFor(module)) {
            throw new RecordNotFound("module", moduleId);
        }
        if (isAuthor(moduleId)) {
            throw new AccessDeniedException("curators do not review their own modules");
        }
        return module;
    }
}

package org.encounter.authoring;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.encounter.base.InvalidInputException;
import org.encounter.base.RecordNotFound;
import org.encounter.identity.CurrentPerson;
import org.encounter.identity.OrganisationNames;
import org.encounter.identity.OrganisationScope;
import org.encounter.identity.Role;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shared catalogue: a host organisation's published module shared with one of its partnerships, so every member
 * organisation's learners see it. A coordinator shares the modules of any current member of the partnership; an
 * organisation admin shares their own organisation's with its partnerships. Which, {@link OrganisationScope} decides;
 * any other partnership or module is "not found". Stopping a share ends only future learning through it.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN, Role.Names.COORDINATOR})
public class ModuleSharing {

    public record PartnershipRef(long id, String name) {
    }

    /** A module as the sharing page lists it, with its host organisation and, once shared, since when. */
    public record SharedModule(long moduleId, String title, String host, Instant sharedAt) {
    }

    private final ModuleRepository modules;
    private final ModuleShareRepository shares;
    private final OrganisationScope scope;
    private final OrganisationNames names;
    private final CurrentPerson currentPerson;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    ModuleSharing(ModuleRepository modules, ModuleShareRepository shares, OrganisationScope scope,
                  OrganisationNames names, CurrentPerson currentPerson, Clock clock,
                  org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.modules = modules;
        this.shares = shares;
        this.scope = scope;
        this.names = names;
        this.currentPerson = currentPerson;
        this.clock = clock;
    }

    /** The partnerships the signed-in person shares into, by name (the platform admin: every one). */
    public List<PartnershipRef> partnerships() {
        OrganisationScope.Partnerships into = scope.sharesInto();
        Set<Long> ids = into.everywhere() ? names.allPartnershipIds() : into.partnerships();
        return names.partnerships(ids).entrySet().stream().map(e -> new PartnershipRef(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(PartnershipRef::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** What the partnership shares now, newest first. */
    public List<SharedModule> shared(long partnershipId) {
        requireSharesInto(partnershipId);
        List<ModuleShare> current = shares.findByPartnershipIdAndEndedAtIsNullOrderBySharedAtDesc(partnershipId);
        Map<Long, Module> byId = new java.util.HashMap<>();
        modules.findAllById(current.stream().map(ModuleShare::getModuleId).toList()).forEach(m -> byId.put(m.getId(), m));
        Map<Long, String> hosts = names.organisations(byId.values().stream().map(Module::getOrganisationId)
                .collect(java.util.stream.Collectors.toSet()));
        return current.stream().filter(s -> byId.containsKey(s.getModuleId())).map(s -> {
            Module m = byId.get(s.getModuleId());
            return new SharedModule(m.getId(), m.getTitle(), hosts.getOrDefault(m.getOrganisationId(), ""),
                    s.getSharedAt());
        }).toList();
    }

    /**
     * Published modules the signed-in person may share with the partnership and that it does not share yet: of
     * every current member for a coordinator, of their own organisation for an organisation admin.
     */
    public List<SharedModule> shareable(long partnershipId, String search) {
        requireSharesInto(partnershipId);
        Set<Long> hostsAllowed = scope.currentMembers(partnershipId).stream()
                .filter(o -> scope.mayShare(partnershipId, o)).collect(java.util.stream.Collectors.toSet());
        if (hostsAllowed.isEmpty()) {
            return List.of();
        }
        List<Module> found = modules.shareable(ModuleStatus.PUBLISHED, partnershipId, hostsAllowed,
                search == null ? "" : search.strip(), PageRequest.of(0, 50)).getContent();
        Map<Long, String> hosts = names.organisations(hostsAllowed);
        return found.stream().map(m -> new SharedModule(m.getId(), m.getTitle(),
                hosts.getOrDefault(m.getOrganisationId(), ""), null)).toList();
    }

    /**
     * Shares the published module with the partnership. A draft, a module in review or an archived one is refused
     * with a clear message; a module or partnership the person may not share with is "not found".
     */
    @Transactional
    public void share(long moduleId, long partnershipId) {
        requireSharesInto(partnershipId);
        Module module = modules.findById(moduleId).orElseThrow(() -> new RecordNotFound("module", moduleId));
        if (!scope.mayShare(partnershipId, module.getOrganisationId())) {
            throw new RecordNotFound("module", moduleId);
        }
        if (module.getStatus() != ModuleStatus.PUBLISHED) {
            throw new InvalidInputException("module", "sharing.published-only");
        }
        if (shares.findByModuleIdAndPartnershipIdAndEndedAtIsNull(moduleId, partnershipId).isPresent()) {
            return;
        }
        try {
            shares.saveAndFlush(new ModuleShare(moduleId, partnershipId, currentPerson.requireId(), clock.instant()));
            audit("module-shared", module, partnershipId);
        } catch (DataIntegrityViolationException shareMadeAMomentAgo) {
            // Two clicks at once: the other one shared it, which is all this one asked for.
        }
    }

    /** Ends the share: nobody starts the module through the partnership any more; what was learned stays. */
    @Transactional
    public void stopSharing(long moduleId, long partnershipId) {
        requireSharesInto(partnershipId);
        Module module = modules.findById(moduleId).orElseThrow(() -> new RecordNotFound("module", moduleId));
        if (!scope.mayShare(partnershipId, module.getOrganisationId())
                && !scope.coordinated().includes(partnershipId)) {
            throw new RecordNotFound("module", moduleId);
        }
        shares.findByModuleIdAndPartnershipIdAndEndedAtIsNull(moduleId, partnershipId).ifPresent(s -> {
            s.end(clock.instant());
            audit("module-unshared", module, partnershipId);
        });
    }

    /** For the audit log: the module, its host organisation (whose admins read the entry) and the partnership. */
    private void audit(String action, Module module, long partnershipId) {
        events.publishEvent(new org.encounter.base.Audited(currentPerson.id().orElse(null), action, "module",
                module.getId().toString(), module.getOrganisationId(), "partnership=" + partnershipId));
    }

    private void requireSharesInto(long partnershipId) {
        if (!scope.sharesInto().includes(partnershipId)) {
            throw new RecordNotFound("partnership", partnershipId);
        }
    }

    /**
     * Every module the partnership shares or has shared (a share that ended keeps the learning done through it in
     * the partnership's report), for a partnership the signed-in person coordinates.
     */
    public Set<Long> everShared(long partnershipId) {
        scope.requireCoordinated(partnershipId);
        return shares.everSharedWith(partnershipId);
    }
}

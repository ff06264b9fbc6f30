package org.encounter.sets;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.encounter.base.InvalidInputException;
import org.encounter.base.NotifyPerson;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.PersonRef;
import org.encounter.identity.TeamService;
import org.encounter.learning.NamedExposure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Consent that names who will see. A member shares their commitment with the people the set page showed them;
 * whoever joins later waits until the member confirms again (and the member is told someone joined); whoever
 * manages the member in a team (as {@code identity} says) is never named and never reads it.
 */
@Component
class SetSharing {

    private final SetShareRepository shares;
    private final TeamService teams;
    private final PersonDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final NamedExposure exposure;

    SetSharing(SetShareRepository shares, TeamService teams, PersonDirectory directory,
               ApplicationEventPublisher events, Clock clock, NamedExposure exposure) {
        this.exposure = exposure;
        this.shares = shares;
        this.teams = teams;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** Everyone else who runs or belongs to the set, except the signed-in member's managers. */
    private Set<Long> audience(LearningSet set, long me) {
        Set<Long> people = new LinkedHashSet<>();
        people.add(set.getFacilitatorId());
        if (set.getCoFacilitatorId() != null) {
            people.add(set.getCoFacilitatorId());
        }
        people.addAll(set.memberIds());
        people.remove(me);
        people.removeAll(teams.managingMe(people));
        return people;
    }

    boolean sharing(LearningSet set, long me) {
        return shares.existsById(new SetShare.Key(set.getId(), me));
    }

    SetService.Consent consent(LearningSet set, long me) {
        Set<Long> audience = audience(set, me);
        var share = shares.findById(new SetShare.Key(set.getId(), me));
        Set<Long> seeing = new LinkedHashSet<>(audience);
        seeing.retainAll(share.map(SetShare::readers).orElse(Set.of()));
        Set<Long> newcomers = new LinkedHashSet<>(share.isPresent() ? audience : Set.of());
        newcomers.removeAll(seeing);
        Map<Long, String> names = directory.displayNames(audience);
        return new SetService.Consent(share.isPresent(), refs(audience, names), refs(seeing, names),
                refs(newcomers, names));
    }

    /** Shares with the people named, as far as they may see it now; refused when that leaves nobody. */
    void share(LearningSet set, long me, Collection<Long> named) {
        Set<Long> chosen = new HashSet<>(named == null ? List.of() : named);
        chosen.retainAll(audience(set, me));
        if (chosen.isEmpty()) {
            throw new InvalidInputException("", "set.share-nobody");
        }
        exposure.requireCommitmentUnlinked(set.getModuleId());
        SetShare share = shares.findById(new SetShare.Key(set.getId(), me))
                .orElseGet(() -> new SetShare(set.getId(), me));
        share.confirm(chosen, clock.instant());
        shares.save(share);
    }

    /** One targeted delete: no save of the set, however it interleaves, brings the share back. */
    void stop(LearningSet set, long me) {
        shares.stop(set.getId(), me);
    }

    /** The members whose commitment the signed-in reader sees in this set: their own, and those naming them. */
    List<Long> visibleTo(LearningSet set, long me) {
        List<Long> naming = new ArrayList<>(shares.sharersNaming(set.getId(), me));
        naming.removeAll(teams.managedByMe(naming));
        if (set.member(me).isPresent() && sharing(set, me)) {
            naming.add(me);
        }
        return naming;
    }

    /** Whether the signed-in reader may read this learner's commitment on this module through any set. */
    boolean mayRead(long me, long learnerId, long moduleId) {
        return shares.names(me, learnerId, moduleId) > 0 && teams.managedByMe(List.of(learnerId)).isEmpty();
    }

    /**
     * After the facilitator changed who is in the set: shares of people who left or joined end, nobody who
     * (re)joined inherits a place among anyone's readers, and everyone still sharing is told who joined.
     */
    void peopleChanged(LearningSet set, Collection<Long> left, Collection<Long> joined, String ref) {
        Set<Long> changed = new HashSet<>(left);
        changed.addAll(joined);
        if (changed.isEmpty()) {
            return;
        }
        shares.forgetReaders(set.getId(), changed);
        shares.forgetSharers(set.getId(), changed);
        if (joined.isEmpty()) {
            return;
        }
        String names = String.join(", ", directory.displayNames(joined).values().stream().sorted().toList());
        shares.sharers(set.getId()).forEach(sharer -> events.publishEvent(new NotifyPerson(sharer, "set-joined", ref,
                "notify.set-joined", List.of(names, set.getName()), "sets/" + set.getId())));
    }

    private static List<PersonRef> refs(Set<Long> ids, Map<Long, String> names) {
        return ids.stream().map(id -> new PersonRef(id, names.getOrDefault(id, "")))
                .sorted(Comparator.comparing(PersonRef::displayName)).toList();
    }
}

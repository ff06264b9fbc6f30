package org.encounter.sets;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.encounter.learning.NameAudience;
import org.springframework.stereotype.Component;

/**
 * In a set its facilitator, co-facilitator and members see one another by name, and a member who shares their
 * commitment shows it, report back included, to the people they named.
 */
@Component
class SetNameAudience implements NameAudience {

    private final LearningSetRepository sets;
    private final SetShareRepository shares;

    SetNameAudience(LearningSetRepository sets, SetShareRepository shares) {
        this.sets = sets;
        this.shares = shares;
    }

    @Override
    public Set<Long> namesSeen(long readerId, Collection<Long> personIds) {
        Set<Long> seen = new HashSet<>();
        for (LearningSet set : sets.findAllById(sets.idsInvolving(readerId))) {
            personIds.stream().filter(set::includes).forEach(seen::add);
        }
        return seen;
    }

    @Override
    public boolean showsCommitment(long learnerId, long moduleId) {
        return sets.findAllById(sets.idsInvolving(learnerId)).stream()
                .filter(s -> s.getModuleId() == moduleId)
                .anyMatch(s -> shares.existsById(new SetShare.Key(s.getId(), learnerId)));
    }
}

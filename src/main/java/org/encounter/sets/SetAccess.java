package org.encounter.sets;

import org.encounter.base.RecordNotFound;
import org.encounter.identity.CurrentPerson;
import org.encounter.learning.CommitmentAudience;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in a set. A set is visible only to its facilitator, co-facilitator and members; to
 * anyone else it does not exist ("not found", not "forbidden", so its name and existence do not leak).
 */
@Component
class SetAccess implements CommitmentAudience {

    private final LearningSetRepository sets;
    private final MeetingRepository meetings;
    private final CurrentPerson currentPerson;
    private final SetSharing sharing;

    SetAccess(LearningSetRepository sets, MeetingRepository meetings, CurrentPerson currentPerson,
              SetSharing sharing) {
        this.sets = sets;
        this.meetings = meetings;
        this.currentPerson = currentPerson;
        this.sharing = sharing;
    }

    long me() {
        return currentPerson.requireId();
    }

    /** A set the signed-in person runs or belongs to. */
    LearningSet visible(long setId) {
        return sets.findById(setId).filter(s -> s.includes(me())).orElseThrow(() -> new RecordNotFound("set", setId));
    }

    /** A set the signed-in person facilitates or co-facilitates. */
    LearningSet run(long setId) {
        LearningSet set = visible(setId);
        if (!set.runBy(me())) {
            throw new RecordNotFound("set", setId);
        }
        return set;
    }

    /** A set the signed-in person created: only they change its members and meetings. */
    LearningSet owned(long setId) {
        LearningSet set = visible(setId);
        if (set.getFacilitatorId() != me()) {
            throw new RecordNotFound("set", setId);
        }
        return set;
    }

    Meeting meeting(long meetingId) {
        return meetings.findById(meetingId).orElseThrow(() -> new RecordNotFound("meeting", meetingId));
    }

    @Override
    public boolean mayRead(long readerId, long learnerId, long moduleId) {
        // Who manages whom is asked for the signed-in person only: anyone else reads nothing through a set.
        return readerId == me() && sharing.mayRead(readerId, learnerId, moduleId);
    }
}

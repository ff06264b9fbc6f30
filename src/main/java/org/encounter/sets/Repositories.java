package org.encounter.sets;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LearningSetRepository extends JpaRepository<LearningSet, Long> {

    /** The ids of the sets a person runs or belongs to: three index look-ups rather than one scan with OR. */
    @Query(value = """
            select set_id from learning_set_member where person_id = :person
            union select id from learning_set where facilitator_id = :person
            union select id from learning_set where co_facilitator_id = :person""", nativeQuery = true)
    List<Long> idsInvolving(@Param("person") Long person);

    @org.springframework.data.jpa.repository.Modifying
    @Query(value = "update learning_set_member set shares_commitment = :share where set_id = :set and person_id = :person",
            nativeQuery = true)
    int share(@Param("set") Long set, @Param("person") Long person, @Param("share") boolean share);

    /** Whether the reader and the learner are in one set of this module where the learner shares. */
    @Query("""
            select count(s) > 0 from LearningSet s join s.members shared left join s.members reader
            where s.moduleId = :module and shared.personId = :learner and shared.sharesCommitment = true
              and (s.facilitatorId = :reader or s.coFacilitatorId = :reader or reader.personId = :reader)""")
    boolean sharedWith(@Param("reader") Long reader, @Param("learner") Long learner, @Param("module") Long module);
}

interface MeetingRepository extends JpaRepository<Meeting, Long> {

    List<Meeting> findBySetIdOrderByStartsAt(Long setId);

    List<Meeting> findBySetIdInOrderByStartsAt(Collection<Long> setIds);
}

interface AttendanceRepository extends JpaRepository<Attendance, Attendance.Key> {

    @Query("select a from Attendance a where a.key.meetingId in :meetings")
    List<Attendance> findByMeetings(@Param("meetings") Collection<Long> meetings);
}

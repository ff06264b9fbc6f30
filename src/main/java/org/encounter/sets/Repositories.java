package org.encounter.sets;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LearningSetRepository extends JpaRepository<LearningSet, Long> {

    /** The ids of the sets a person runs or belongs to: three index look-ups rather than one scan with OR. */
    @Query(value = """
            select set_id from learning_set_member where person_id = :person
            union select id from learning_set where facilitator_id = :person
            union select id from learning_set where co_facilitator_id = :person""", nativeQuery = true)
    List<Long> idsInvolving(@Param("person") Long person);
}

interface SetShareRepository extends JpaRepository<SetShare, SetShare.Key> {

    @Modifying
    @Query(value = "delete from set_share where set_id = :set and sharer_id = :sharer", nativeQuery = true)
    int stop(@Param("set") Long set, @Param("sharer") Long sharer);

    /** These people's shares with the set, and their place among its readers, end: they left or (re)joined. */
    @Modifying
    @Query(value = "delete from set_share where set_id = :set and sharer_id in :people", nativeQuery = true)
    void forgetSharers(@Param("set") Long set, @Param("people") Collection<Long> people);

    @Modifying
    @Query(value = "delete from set_share_reader where set_id = :set and reader_id in :people", nativeQuery = true)
    void forgetReaders(@Param("set") Long set, @Param("people") Collection<Long> people);

    @Query(value = "select sharer_id from set_share where set_id = :set", nativeQuery = true)
    List<Long> sharers(@Param("set") Long set);

    /** The members of the set whose consent names this reader. */
    @Query(value = """
            select r.sharer_id from set_share_reader r
            join learning_set_member m on m.set_id = r.set_id and m.person_id = r.sharer_id
            where r.set_id = :set and r.reader_id = :reader""", nativeQuery = true)
    List<Long> sharersNaming(@Param("set") Long set, @Param("reader") Long reader);

    /** Whether the learner, still a member of a set of this module, named the reader, who is still in it. */
    @Query(value = """
            select count(*) from set_share_reader r
            join learning_set s on s.id = r.set_id
            join learning_set_member sharer on sharer.set_id = s.id and sharer.person_id = r.sharer_id
            where r.reader_id = :reader and r.sharer_id = :learner and s.module_id = :module
              and (s.facilitator_id = :reader or s.co_facilitator_id = :reader or exists (
                   select 1 from learning_set_member m where m.set_id = s.id and m.person_id = :reader))""",
            nativeQuery = true)
    long names(@Param("reader") Long reader, @Param("learner") Long learner, @Param("module") Long module);
}

interface MeetingRepository extends JpaRepository<Meeting, Long> {

    List<Meeting> findBySetIdOrderByStartsAt(Long setId);

    List<Meeting> findBySetIdInOrderByStartsAt(Collection<Long> setIds);
}

interface AttendanceRepository extends JpaRepository<Attendance, Attendance.Key> {

    @Query("select a from Attendance a where a.key.meetingId in :meetings")
    List<Attendance> findByMeetings(@Param("meetings") Collection<Long> meetings);
}

package org.encounter.learning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AttemptRepository extends JpaRepository<Attempt, Long> {

    List<Attempt> findByLearnerIdOrderByLastActivityAtDesc(Long learnerId);

    List<Attempt> findByLearnerIdAndModuleIdIn(Long learnerId, Collection<Long> moduleIds);

    Optional<Attempt> findFirstByLearnerIdAndModuleIdAndStatusNot(Long learnerId, Long moduleId, AttemptStatus status);

    List<Attempt> findByStatusAndReportBackOpensAtLessThanEqual(AttemptStatus status, Instant now);

    List<Attempt> findByStatusAndModuleIdIn(AttemptStatus status, Collection<Long> moduleIds);
}

interface AttemptStepRepository extends JpaRepository<AttemptStep, AttemptStep.Key> {

    @Query("select s from AttemptStep s where s.key.attemptId = :attemptId order by s.key.position")
    List<AttemptStep> findByAttempt(@Param("attemptId") Long attemptId);

    /** The attempt's report back: the step where the learner said what they tried. */
    default Optional<StepAnswer> reportBack(Long attemptId) {
        return findByAttempt(attemptId).stream().map(AttemptStep::read).filter(a -> a.tried() != null).findFirst();
    }

    @Query("select s from AttemptStep s where s.key.attemptId in "
            + "(select a.id from Attempt a where a.moduleId = :moduleId) and s.shared <> org.encounter.learning.Sharing.NONE")
    List<AttemptStep> findSharedForModule(@Param("moduleId") Long moduleId);

    /** Whether the learner shared any answer signed with the authors of one of these modules. */
    @Query("select count(s) > 0 from AttemptStep s where s.shared = org.encounter.learning.Sharing.SIGNED and "
            + "s.key.attemptId in (select a.id from Attempt a where a.learnerId = :learner and a.moduleId in :modules)")
    boolean sharedSigned(@Param("learner") Long learner, @Param("modules") Collection<Long> modules);
}

interface AttemptRatingRepository extends JpaRepository<AttemptRating, AttemptRating.Key> {

    @Query("select r from AttemptRating r where r.key.attemptId = :attemptId")
    List<AttemptRating> findByAttempt(@Param("attemptId") Long attemptId);
}

interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    List<Assignment> findByLearnerIdAndWithdrawnAtIsNullOrderByDueDate(Long learnerId);

    List<Assignment> findByWithdrawnAtIsNullAndDueDateBetween(LocalDate from, LocalDate to);

    /** Of these people, those with a live (not withdrawn) assignment of the module. */
    @Query("select a.learnerId from Assignment a where a.moduleId = :moduleId and a.learnerId in :learnerIds"
            + " and a.withdrawnAt is null")
    List<Long> findLiveLearners(@Param("moduleId") Long moduleId, @Param("learnerIds") Collection<Long> learnerIds);
}

interface ModuleFeedbackRepository extends JpaRepository<ModuleFeedback, Long> {

    boolean existsByAttemptId(Long attemptId);

    List<ModuleFeedback> findByModuleIdOrderByCreatedAtDesc(Long moduleId);

    List<ModuleFeedback> findBySignedById(Long signedById);

    boolean existsBySignedByIdAndModuleIdIn(Long signedById, Collection<Long> moduleIds);
}

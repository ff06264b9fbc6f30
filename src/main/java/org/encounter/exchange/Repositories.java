package org.encounter.exchange;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ExchangeRoundRepository extends JpaRepository<ExchangeRound, Long> {

    List<ExchangeRound> findByPartnershipIdInOrderByStartsOnDesc(Collection<Long> partnershipIds);

    List<ExchangeRound> findAllByOrderByStartsOnDesc();

    /** The round, locked for the matching and publishing: two coordinators at once take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from ExchangeRound r where r.id = :id")
    Optional<ExchangeRound> lock(@Param("id") Long id);

    /** Rounds an organisation's leaders may apply to on that day. */
    @Query("select r from ExchangeRound r join r.organisationIds o where o = :organisationId"
            + " and r.applicationsOpen <= :day and r.applicationsClose >= :day order by r.applicationsClose")
    List<ExchangeRound> openFor(@Param("organisationId") Long organisationId, @Param("day") LocalDate day);
}

interface ExchangeApplicationRepository extends JpaRepository<ExchangeApplication, Long> {

    List<ExchangeApplication> findByRoundIdOrderByCreatedAt(Long roundId);

    List<ExchangeApplication> findByPersonIdOrderByCreatedAtDesc(Long personId);

    Optional<ExchangeApplication> findByRoundIdAndPersonId(Long roundId, Long personId);

    List<ExchangeApplication> findByStatusAndPersonIdIn(ApplicationStatus status, Collection<Long> personIds);

    long countByRoundId(Long roundId);
}

interface ExchangePairRepository extends JpaRepository<ExchangePair, Long> {

    List<ExchangePair> findByRoundIdOrderByScoreDesc(Long roundId);

    List<ExchangePair> findByRoundIdAndStatus(Long roundId, PairStatus status);

    @Query("select p from ExchangePair p where p.firstId in :applications or p.secondId in :applications"
            + " order by p.id desc")
    List<ExchangePair> involving(@Param("applications") Collection<Long> applicationIds);

    List<ExchangePair> findByStatusIn(Collection<PairStatus> statuses);
}

interface ExchangeGoalRepository extends JpaRepository<ExchangeGoal, Long> {

    List<ExchangeGoal> findByPairIdOrderByApplicationIdAscPositionAsc(Long pairId);

    List<ExchangeGoal> findByPairIdIn(Collection<Long> pairIds);
}

interface ExchangeVisitRepository extends JpaRepository<ExchangeVisit, Long> {

    List<ExchangeVisit> findByPairIdOrderByDateAscIdAsc(Long pairId);

    List<ExchangeVisit> findByPairIdIn(Collection<Long> pairIds);

    List<ExchangeVisit> findByDateBetween(LocalDate from, LocalDate to);
}

interface ExchangeAttendanceRepository extends JpaRepository<ExchangeAttendance, ExchangeAttendance.Key> {

    @Query("select a from ExchangeAttendance a where a.key.roundId = :roundId")
    List<ExchangeAttendance> ofRound(@Param("roundId") Long roundId);
}

interface ExchangeReportBackRepository extends JpaRepository<ExchangeReportBack, Long> {

    Optional<ExchangeReportBack> findByPairIdAndApplicationId(Long pairId, Long applicationId);
}

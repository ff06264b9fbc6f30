package org.encounter.certificates;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CertificateRepository extends JpaRepository<Certificate, Long> {

    boolean existsByAttemptId(Long attemptId);

    boolean existsByLearnerIdAndProgrammeReference(Long learnerId, String programmeReference);

    Optional<Certificate> findByCode(String code);

    List<Certificate> findByLearnerIdOrderByIssuedAtDesc(Long learnerId);

    List<Certificate> findByRevokedAtIsNullAndHolderErasedAtIsNullAndValidUntilBetween(java.time.Instant from,
                                                                                      java.time.Instant to);

    /** One page of a holder's certificates after {@code afterId}, by id: an export reads them page by page. */
    List<Certificate> findTop200ByLearnerIdAndIdGreaterThanOrderByIdAsc(Long learnerId, Long afterId);

    @org.springframework.data.jpa.repository.Query("select c from Certificate c where"
            + " (:everywhere = true or c.organisationId in :organisations)"
            + " and (:module is null or lower(c.moduleTitle) like lower(concat('%', :module, '%')))"
            + " and (:restrict = false or c.learnerId in :learners)"
            + " and (:from is null or c.completedAt >= :from) and (:to is null or c.completedAt < :to)"
            + " order by c.issuedAt desc")
    org.springframework.data.domain.Slice<Certificate> search(
            @org.springframework.data.repository.query.Param("everywhere") boolean everywhere,
            @org.springframework.data.repository.query.Param("organisations") java.util.Collection<Long> organisations,
            @org.springframework.data.repository.query.Param("module") String module,
            @org.springframework.data.repository.query.Param("restrict") boolean restrict,
            @org.springframework.data.repository.query.Param("learners") java.util.Collection<Long> learners,
            @org.springframework.data.repository.query.Param("from") java.time.Instant from,
            @org.springframework.data.repository.query.Param("to") java.time.Instant to,
            org.springframework.data.domain.Pageable pageable);
}

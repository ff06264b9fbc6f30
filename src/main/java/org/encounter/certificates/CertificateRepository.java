package org.encounter.certificates;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CertificateRepository extends JpaRepository<Certificate, Long> {

    boolean existsByAttemptId(Long attemptId);

    Optional<Certificate> findByCode(String code);

    List<Certificate> findByLearnerIdOrderByIssuedAtDesc(Long learnerId);
}

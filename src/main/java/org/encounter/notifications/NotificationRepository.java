package org.encounter.notifications;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    boolean existsByPersonIdAndKindAndRef(Long personId, String kind, String ref);

    List<Notification> findByPersonIdOrderByCreatedAtDesc(Long personId, Pageable pageable);

    long countByPersonIdAndReadAtIsNull(Long personId);

    List<Notification> findByPersonIdAndReadAtIsNull(Long personId);
}

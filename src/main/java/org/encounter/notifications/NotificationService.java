package org.encounter.notifications;

import java.time.Clock;
import java.util.List;
import org.encounter.identity.CurrentPerson;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in person's own notifications. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class NotificationService {

    private final NotificationRepository notifications;
    private final CurrentPerson currentPerson;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, CurrentPerson currentPerson, Clock clock) {
        this.notifications = notifications;
        this.currentPerson = currentPerson;
        this.clock = clock;
    }

    public List<NotificationView> mine(int limit) {
        return notifications.findByPersonIdOrderByCreatedAtDesc(currentPerson.requireId(), PageRequest.of(0, Math.min(limit, 100)))
                .stream().map(n -> new NotificationView(n.getId(), n.getMessageKey(), n.args(), n.getLink(),
                        n.getCreatedAt(), n.getReadAt() != null)).toList();
    }

    public long unread() {
        return notifications.countByPersonIdAndReadAtIsNull(currentPerson.requireId());
    }

    @Transactional
    public void markAllRead() {
        notifications.findByPersonIdAndReadAtIsNull(currentPerson.requireId()).forEach(n -> n.read(clock.instant()));
    }
}

package org.encounter.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.encounter.base.StoredText;

@Entity
@Table(name = "notification")
class Notification {

    private static final String SEPARATOR = "\u001F";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "person_id", nullable = false)
    private Long personId;
    @Column(nullable = false, length = 40)
    private String kind;
    @Column(nullable = false, length = 60)
    private String ref;
    @Column(name = "message_key", nullable = false, length = 80)
    private String messageKey;
    @Column(length = 500)
    private String args;
    @Column(length = 200)
    private String link;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "read_at")
    private Instant readAt;
    @Column(name = "emailed_at")
    private Instant emailedAt;

    protected Notification() {
    }

    Notification(Long personId, String kind, String ref, String messageKey, List<String> args, String link, Instant now) {
        this.personId = personId;
        this.kind = kind;
        this.ref = ref;
        this.messageKey = messageKey;
        String joined = String.join(SEPARATOR, args);
        this.args = StoredText.truncate(joined, 500);
        this.link = link;
        this.createdAt = now;
    }

    List<String> args() {
        return args(args);
    }

    /** The arguments as the column stores them, one list again. */
    static List<String> args(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split(SEPARATOR, -1));
    }

    void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    void emailed(Instant now) {
        emailedAt = now;
    }

    Long getId() {
        return id;
    }

    Long getPersonId() {
        return personId;
    }

    String getMessageKey() {
        return messageKey;
    }

    String getLink() {
        return link;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getReadAt() {
        return readAt;
    }
}

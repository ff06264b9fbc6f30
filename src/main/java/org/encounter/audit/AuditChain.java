package org.encounter.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.encounter.base.Audited;
import org.encounter.base.StoredText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log as a hash chain. Each entry's hash is SHA-256 over the hash of the entry before it and the entry's own
 * fields, so changing, removing or reordering any entry breaks every link after it; {@link #verify()} walks the chain
 * and names the first entry that no longer fits.
 *
 * <p>Appends happen one at a time: each locks the one row of {@code audit_chain_head} (which holds the last entry's
 * id and hash), writes the next entry after it and moves the head, in a short transaction of its own. Two appends
 * at once therefore never link to the same entry, and the head's lock is held only for three statements.
 */
@Component
class AuditChain {

    static final String GENESIS = "0".repeat(64);
    static final int DETAIL_MAX = 1000;
    private static final int VERIFY_PAGE = 1000;

    /** One entry's fields as the hash covers them. */
    record Entry(long id, Instant occurredAt, Long actorId, String action, String targetType, String targetId,
                 Long organisationId, String detail) {
    }

    /** A stored entry: its fields and the two hashes beside them. */
    record Stored(Entry entry, String prevHash, String hash) {
    }

    /** What {@link #verify()} found: intact, or where the chain breaks first and how. */
    record Check(boolean intact, long entries, Long brokenAt, Break kind) {

        static Check intact(long entries) {
            return new Check(true, entries, null, null);
        }

        static Check broken(long entries, long at, Break kind) {
            return new Check(false, entries, at, kind);
        }
    }

    /** CHANGED: the entry's fields or hashes differ from what was written; MISSING: the entry is gone. */
    enum Break { CHANGED, MISSING }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate readOnly;

    AuditChain(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Appends the event as the next entry, in a transaction of its own (whatever the caller's); answers its id. */
    long append(Audited event, Instant at) {
        return ownTransaction.execute(status -> {
            Map<String, Object> head = jdbc.queryForMap(
                    "select last_id, last_hash from audit_chain_head where id = 1 for update");
            long id = ((Number) head.get("last_id")).longValue() + 1;
            String prev = (String) head.get("last_hash");
            Entry entry = new Entry(id, at.truncatedTo(ChronoUnit.MICROS), event.actorId(),
                    StoredText.truncate(event.action(), 60), StoredText.truncate(event.targetType(), 40),
                    StoredText.truncate(event.targetId(), 80), event.organisationId(),
                    StoredText.truncate(event.detail(), DETAIL_MAX));
            String hash = hash(prev, entry);
            jdbc.update("insert into audit_log (id, occurred_at, actor_id, action, target_type, target_id,"
                            + " organisation_id, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, utc(entry.occurredAt()), entry.actorId(), entry.action(), entry.targetType(),
                    entry.targetId(), entry.organisationId(), entry.detail(), prev, hash);
            jdbc.update("update audit_chain_head set last_id = ?, last_hash = ? where id = 1", id, hash);
            return id;
        });
    }

    /**
     * Walks the whole chain in pages, oldest first, as it stood when the walk began (one read-only snapshot), and
     * stops at the first entry that is missing or does not fit: its stored link is not the hash of the entry before,
     * or its hash is not the hash of its own fields. The head must name the last entry, so entries cut off the end
     * show too.
     */
    Check verify() {
        return readOnly.execute(status -> {
            Map<String, Object> head = jdbc.queryForMap("select last_id, last_hash from audit_chain_head where id = 1");
            long lastId = ((Number) head.get("last_id")).longValue();
            String expectedPrev = GENESIS;
            long expectedId = 1;
            long checked = 0;
            while (true) {
                List<Stored> page = jdbc.query("select * from audit_log where id >= ? and id <= ? order by id limit "
                        + VERIFY_PAGE, AuditChain::stored, expectedId, lastId);
                for (Stored row : page) {
                    if (row.entry().id() != expectedId) {
                        return Check.broken(checked, expectedId, Break.MISSING);
                    }
                    if (!row.prevHash().equals(expectedPrev) || !row.hash().equals(hash(row.prevHash(), row.entry()))) {
                        return Check.broken(checked, expectedId, Break.CHANGED);
                    }
                    expectedPrev = row.hash();
                    expectedId++;
                    checked++;
                }
                if (page.size() < VERIFY_PAGE) {
                    break;
                }
            }
            if (expectedId <= lastId) {
                return Check.broken(checked, expectedId, Break.MISSING);
            }
            if (!expectedPrev.equals(head.get("last_hash"))) {
                return Check.broken(checked, lastId, Break.CHANGED);
            }
            return Check.intact(checked);
        });
    }

    /** SHA-256, as hex, over the previous entry's hash and this entry's fields in one fixed, unambiguous form. */
    static String hash(String prevHash, Entry e) {
        String canonical = String.join("\n", prevHash, Long.toString(e.id()), e.occurredAt().toString(),
                field(e.actorId()), field(e.action()), field(e.targetType()), field(e.targetId()),
                field(e.organisationId()), field(e.detail()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }

    /** Null is "-"; a value is prefixed with its length, so no value can pass for two fields or for null. */
    private static String field(Object value) {
        if (value == null) {
            return "-";
        }
        String text = value.toString();
        return text.length() + ":" + text;
    }

    static Stored stored(ResultSet rs, int row) throws SQLException {
        Entry entry = new Entry(rs.getLong("id"), instant(rs.getObject("occurred_at", LocalDateTime.class)),
                (Long) rs.getObject("actor_id", Long.class), rs.getString("action"), rs.getString("target_type"),
                rs.getString("target_id"), (Long) rs.getObject("organisation_id", Long.class), rs.getString("detail"));
        return new Stored(entry, rs.getString("prev_hash"), rs.getString("hash"));
    }

    /** Times are stored as UTC wall-clock time, as Hibernate stores them elsewhere (hibernate.jdbc.time_zone). */
    static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}

package org.encounter.audit;

import java.io.IOException;
import java.util.List;
import org.encounter.base.PersonalData;
import org.encounter.base.PersonalExport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit log holds ids and codes only, never a name, an e-mail address or anybody's words, and it is append-only:
 * erasure leaves it as it is. The person's row stays (identity anonymises it), so their entries name "an erased
 * person" from then on. The export gives the entries the person did or that were done to them: what, when, and to
 * what kind of thing; nothing of the other people in them.
 */
@Component
class AuditPersonalData implements PersonalData {

    private static final int PAGE = 200;

    private final JdbcTemplate jdbc;

    AuditPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "audit";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(
                Holding.of("audit_log", "who did what to which record and when, as ids and codes, so admins can"
                        + " answer for what was done; append-only, so kept as it is (the person's row is anonymised)",
                        Treatment.KEPT, "actor_id", "target_id", "detail"),
                Holding.codes("audit_log", "action", "target_type"),
                Holding.of("audit_log", "the hash chain that shows an entry was changed or removed", Treatment.NOT_PERSONAL,
                        "prev_hash", "hash"),
                Holding.of("audit_chain_head", "the last entry's hash", Treatment.NOT_PERSONAL, "last_hash"));
    }

    /**
     * A person may have thousands of sign-ins: read in pages by id, each written as it comes. First what they did,
     * then what others (or the platform) did to them, each along its own index.
     */
    @Override
    public void export(long personId, PersonalExport out) throws IOException {
        exportWhere("actor_id = ?", out, personId);
        exportWhere("target_type = 'person' and target_id = ? and (actor_id is null or actor_id <> ?)", out,
                Long.toString(personId), personId);
    }

    private void exportWhere(String condition, PersonalExport out, Object... params) throws IOException {
        Object[] args = java.util.Arrays.copyOf(params, params.length + 1);
        long after = 0;
        while (true) {
            args[params.length] = after;
            List<AuditChain.Stored> page = jdbc.query("select * from audit_log where " + condition
                    + " and id > ? order by id limit " + PAGE, AuditChain::stored, args);
            for (AuditChain.Stored row : page) {
                AuditChain.Entry e = row.entry();
                out.record("auditEntry", "occurredAt", e.occurredAt(), "action", e.action(),
                        "targetType", e.targetType());
                after = e.id();
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    /** Nothing to remove: the entries hold no name or words, and the log is append-only. Safe to run again. */
    @Override
    public void erase(long personId, ErasureChoices choices) {
    }
}

package org.encounter.privacy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.encounter.base.PersonalData;
import org.encounter.base.PersonalExport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Privacy's own tables: a person's exports and erasure requests. */
@Component
class PrivacyPersonalData implements PersonalData {

    private final JdbcClient db;
    private final ExportFiles files;

    PrivacyPersonalData(JdbcClient db, ExportFiles files) {
        this.db = db;
        this.files = files;
    }

    @Override
    public String section() {
        return "privacy";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(
                Holding.of("data_export", "the person's downloads of their data, until they expire",
                        Treatment.DELETED, "person_id", "file_name"),
                Holding.codes("data_export", "status"),
                Holding.of("erasure_request", "proof that a request was made, cancelled or carried out, by whom and "
                        + "when: ids and codes only, so nothing of the person is left in it", Treatment.KEPT,
                        "person_id", "requested_by", "cancelled_by"),
                Holding.codes("erasure_request", "origin", "status", "last_failure"),
                Holding.of("retention_setting", "which admin last set the retention periods (an id)", Treatment.KEPT,
                        "updated_by"),
                Holding.codes("retention_run", "removed"));
    }

    @Override
    public void export(long personId, PersonalExport out) throws IOException {
        List<Object[]> requests = db.sql("""
                        select origin, requested_at, due_at, status, cancelled_at from erasure_request
                         where person_id = ? order by id""").param(personId)
                .query((rs, row) -> new Object[] {rs.getString(1), Times.instant(rs, 2), Times.instant(rs, 3),
                        rs.getString(4), Times.instant(rs, 5)}).list();
        for (Object[] r : requests) {
            out.record("erasureRequests", "origin", r[0], "requestedAt", r[1], "dueAt", r[2], "status", r[3],
                    "cancelledAt", r[4]);
        }
        List<Object[]> exports = db.sql("select requested_at, status from data_export where person_id = ? order by id")
                .param(personId).query((rs, row) -> new Object[] {Times.instant(rs, 1), rs.getString(2)}).list();
        for (Object[] e : exports) {
            out.record("dataExports", "requestedAt", e[0], "status", e[1]);
        }
    }

    @Override
    public void erase(long personId, ErasureChoices choices) {
        List<String> names = new ArrayList<>(db.sql("select file_name from data_export where person_id = ? and file_name is not null")
                .param(personId).query(String.class).list());
        db.sql("delete from data_export where person_id = ?").param(personId).update();
        DataExports.afterCommit(() -> names.forEach(files::delete));
    }
}

package org.encounter.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads a person's rows for their export in keyset pages, writing each row as it comes and keeping none. */
final class Pages {

    static final int SIZE = 200;

    interface Row {
        void write(ResultSet rs) throws SQLException, IOException;
    }

    private final JdbcTemplate jdbc;

    Pages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Runs the query page by page: its parameters are {@code args}, then the last key seen, then the page size; its
     * first column is the key. An {@link IOException} of the writer comes out as an {@link UncheckedIOException}.
     */
    void each(String sql, Object[] args, Row row) {
        long after = 0;
        while (true) {
            Object[] params = new Object[args.length + 2];
            System.arraycopy(args, 0, params, 0, args.length);
            params[args.length] = after;
            params[args.length + 1] = SIZE;
            long[] last = {after, 0};
            jdbc.query(sql, rs -> {
                last[0] = rs.getLong(1);
                last[1]++;
                try {
                    row.write(rs);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, params);
            if (last[1] < SIZE) {
                return;
            }
            after = last[0];
        }
    }

    /** Timestamps are stored as UTC wall-clock times (Hibernate's {@code jdbc.time_zone}). */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime at = rs.getObject(column, LocalDateTime.class);
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }
}

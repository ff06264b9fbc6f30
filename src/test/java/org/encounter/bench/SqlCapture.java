package org.encounter.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL one thread sends through Spring's JdbcTemplate (and so NamedParameterJdbcTemplate and JdbcClient) while
 * captured, with its parameter values, read from JdbcTemplate's debug and StatementCreatorUtils' trace logging; then
 * each UPDATE and DELETE explained, to show which of them read (and so lock, under REPEATABLE READ) more rows than
 * they change.
 */
final class SqlCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    record Statement(String sql, List<String> values) {
    }

    private static final String TEMPLATE = "org.springframework.jdbc.core.JdbcTemplate";
    private static final String VALUES = "org.springframework.jdbc.core.StatementCreatorUtils";
    private static final Pattern EXECUTING = Pattern.compile("(?s)Executing (?:prepared )?SQL (?:update|query|statement)"
            + " \\[(.*)]");
    private static final Pattern VALUE = Pattern.compile("(?s)column index (\\d+), parameter value \\[(.*)], value "
            + "class \\[([^\\]]*)]");

    private final String thread;
    private final List<Statement> statements = new ArrayList<>();
    private final Map<String, Level> before = new java.util.HashMap<>();

    SqlCapture(String thread) {
        this.thread = thread;
        setName("bench-sql-capture");
        setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
        start();
        for (String name : List.of(TEMPLATE, VALUES)) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            before.put(name, logger.getLevel());
            logger.setLevel(name.equals(TEMPLATE) ? Level.DEBUG : Level.TRACE);
            logger.setAdditive(false);
            logger.addAppender(this);
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (!event.getThreadName().equals(thread)) {
            return;
        }
        String message = event.getFormattedMessage();
        Matcher m = EXECUTING.matcher(message);
        if (event.getLoggerName().equals(TEMPLATE) && m.find()) {
            synchronized (statements) {
                statements.add(new Statement(m.group(1), new ArrayList<>()));
            }
            return;
        }
        Matcher v = VALUE.matcher(message);
        if (event.getLoggerName().equals(VALUES) && v.find()) {
            synchronized (statements) {
                if (!statements.isEmpty()) {
                    statements.getLast().values().add(literal(v.group(2), v.group(3)));
                }
            }
        }
    }

    private static String literal(String value, String type) {
        if (value.equals("null")) {
            return "NULL";
        }
        if (type.startsWith("java.lang.") && !type.equals("java.lang.String")) {
            return value;
        }
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    List<Statement> statements() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    /**
     * Each UPDATE and DELETE captured, with how MariaDB reads its tables: the access type (ALL and index read every
     * row), the index and the rows it expects to read.
     */
    static String explain(JdbcTemplate jdbc, List<Statement> statements) {
        StringBuilder s = new StringBuilder();
        int n = 0;
        for (Statement st : statements) {
            String sql = st.sql().strip();
            String verb = sql.split("\\s+", 2)[0].toLowerCase();
            if (!verb.equals("update") && !verb.equals("delete")) {
                continue;
            }
            String filled = fill(sql, st.values());
            String plan;
            boolean scan = false;
            try {
                List<String> rows = new ArrayList<>();
                for (Map<String, Object> r : jdbc.queryForList("EXPLAIN " + filled)) {
                    String type = String.valueOf(r.get("type"));
                    long estimate = r.get("rows") == null ? 0 : Long.parseLong(String.valueOf(r.get("rows")));
                    scan |= (type.equals("ALL") || type.equals("index")) && estimate > 100;
                    rows.add(String.format("%s %s%s rows≈%s", r.get("table"), type,
                            r.get("key") == null ? "" : "(" + r.get("key") + ")", r.get("rows")));
                }
                plan = String.join(", ", rows);
            } catch (RuntimeException e) {
                plan = "not explained: " + e.getMessage().lines().findFirst().orElse("");
            }
            n++;
            s.append(String.format("  %s %-96s  %s%n", scan ? "SCAN" : "    ",
                    sql.replaceAll("\\s+", " ").substring(0, Math.min(96, sql.replaceAll("\\s+", " ").length())),
                    plan));
        }
        return String.format("  %d UPDATE/DELETE statements of %d captured (SCAN: reads every row of a table of more "
                + "than 100 rows)%n", n, statements.size()) + s;
    }

    private static String fill(String sql, List<String> values) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        boolean quoted = false;
        for (char c : sql.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == '?' && !quoted && next < values.size()) {
                out.append(values.get(next++));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        for (String name : List.of(TEMPLATE, VALUES)) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.detachAppender(this);
            logger.setLevel(before.get(name));
            logger.setAdditive(true);
        }
        stop();
    }
}

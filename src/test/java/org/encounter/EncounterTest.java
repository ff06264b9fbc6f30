package org.encounter;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A full application context on real MariaDB (embedded, or DB_URL's), shared by service and view tests. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@org.junit.jupiter.api.extension.ExtendWith(OwnSecurityContextHolder.class)
@org.springframework.context.annotation.Import(TestClock.Config.class)
@ActiveProfiles("test")
public @interface EncounterTest {
}

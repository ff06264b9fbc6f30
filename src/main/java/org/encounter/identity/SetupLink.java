package org.encounter.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After the demo world had its chance: on an installation without people, logs a one-time link to
 * create the first administrator. This line is the only place a setup token is ever written; each
 * start makes a new link while nobody has used one.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class SetupLink implements ApplicationRunner {

    /** Its own logger, so an operator can route the one line that carries a secret. */
    private static final Logger log = LoggerFactory.getLogger("org.encounter.setup");

    private final SetupService setup;
    private final String publicUrl;

    SetupLink(SetupService setup, @Value("${encounter.public-url}") String publicUrl) {
        this.setup = setup;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!setup.needed()) {
            return;
        }
        String link = publicUrl + "/setup/" + setup.issue();
        log.warn("""

                ============================================================================================
                Encounter has no administrator yet. Open this link to create the first one and its
                organisation. It works once and for {} hours; restart the app for a new one.

                    {}
                ============================================================================================""",
                setup.validity().toHours(), link);
    }
}

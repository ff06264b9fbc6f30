package org.encounter.base;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Settings left at values that are only right on a developer's machine. A production start logs
 * each one, and admins see them on their home page until they are fixed. Running from source and the
 * tests switch the checks off ({@code encounter.deployment-checks=false}).
 */
@Component
public class DeploymentWarnings {

    /** The keystore password application.properties falls back to; anyone who read it could open the key. */
    static final String DEFAULT_KEYSTORE_PASSWORD = "change-this-keystore-password";
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0");
    private static final Logger log = LoggerFactory.getLogger(DeploymentWarnings.class);

    /** What is wrong, as an i18n key, and the sentence for the log. */
    public record Warning(String messageKey, String logText) {
    }

    private final List<Warning> warnings;

    DeploymentWarnings(@Value("${encounter.deployment-checks:true}") boolean enabled,
                       @Value("${encounter.certificates.keystore-password}") String keystorePassword,
                       @Value("${encounter.public-url}") String publicUrl) {
        List<Warning> found = new ArrayList<>();
        if (enabled && DEFAULT_KEYSTORE_PASSWORD.equals(keystorePassword)) {
            found.add(new Warning("deployment.keystore-password", "CERT_KEYSTORE_PASSWORD is still the default "
                    + "from the README: anyone who has read it can open the key that signs certificates. "
                    + "Set a password of your own."));
        }
        if (enabled && isLocal(publicUrl)) {
            found.add(new Warning("deployment.public-url", "PUBLIC_URL is " + publicUrl + ": invitation links, "
                    + "setup links and the QR codes on certificates point at this machine, not at the address "
                    + "people use. Set PUBLIC_URL to it."));
        }
        this.warnings = List.copyOf(found);
    }

    public List<Warning> all() {
        return warnings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void logThem() {
        warnings.forEach(w -> log.warn(w.logText()));
    }

    private static boolean isLocal(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null || LOCAL_HOSTS.contains(host.toLowerCase(Locale.ROOT))
                    || host.toLowerCase(Locale.ROOT).endsWith(".localhost");
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}

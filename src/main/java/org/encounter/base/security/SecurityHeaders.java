package org.encounter.base.security;

import java.util.stream.Collectors;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers that limit what a page may load, send and be framed by. Spring Security's defaults
 * stay on (nosniff, no caching of pages, HSTS on secure requests only).
 */
final class SecurityHeaders {

    /**
     * The policy of every response; Vaadin's pages get {@link #contentSecurityPolicy(String)} with their own nonce
     * instead (see {@link ScriptNonces}).
     */
    static final String CONTENT_SECURITY_POLICY = contentSecurityPolicy(null);

    /**
     * Scripts only from here, and inline scripts only with this response's nonce: an injected {@code <script>}
     * or {@code onerror=} handler does not run. Vaadin Flow still needs 'unsafe-eval' (its client runs the
     * server's JavaScript calls through {@code new Function}; without it the sign-in page does not even draw) and
     * inline styles (the components inject style elements and style attributes; nonces cannot cover
     * attributes). Lumo's icon fonts and small pictures come as data: URLs. Also refused: anything from other
     * hosts, plug-ins, requests to other hosts (where stolen data would go), forms posting elsewhere, a changed
     * base URL, frames other than the video players, and our pages inside anyone's frame (clickjacking).
     */
    static String contentSecurityPolicy(String scriptNonce) {
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'" + (scriptNonce == null ? "" : " 'nonce-" + scriptNonce + "'") + " 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "frame-src " + String.join(" ", EmbeddedPlayers.ORIGINS),
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'");
    }

    /** Nothing here uses these devices or APIs; the video players may go full screen and picture-in-picture. */
    static final String PERMISSIONS_POLICY = String.join(", ",
            "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()", "serial=()", "hid=()",
            "midi=()", "display-capture=()", "accelerometer=()", "gyroscope=()", "magnetometer=()",
            EmbeddedPlayers.FEATURES.stream().map(feature -> feature + "=(self "
                    + EmbeddedPlayers.ORIGINS.stream().map(o -> '"' + o + '"').collect(Collectors.joining(" ")) + ")")
                    .collect(Collectors.joining(", ")));

    /** A year, with subdomains; sent only on HTTPS (as the trusted proxy reports it), never over plain HTTP. */
    private static final long HSTS_SECONDS = 365L * 24 * 60 * 60;

    private SecurityHeaders() {
    }

    static void configure(HeadersConfigurer<HttpSecurity> headers) {
        // Written before the request is handled, not when the response commits: Vaadin's pages (served through a
        // forward to its servlet) went out without any of these headers when they were left to the commit.
        headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        });
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_SECONDS).includeSubDomains(true));
    }
}

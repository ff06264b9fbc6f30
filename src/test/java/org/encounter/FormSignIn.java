package org.encounter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs in over real HTTP the way the Vaadin login form does: it opens /login (which gives a
 * session and puts Spring's CSRF token in {@code <meta name="_csrf">}), then posts username,
 * password and that token to /login. Each instance is one browser at one client address: the
 * HTTP client binds to a loopback address of its own (127.0.0.x), so the server sees a
 * different {@code getRemoteAddr()} for each "machine".
 */
public final class FormSignIn {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_PARAMETER = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");

    private final HttpClient client;
    private final String base;
    private String csrfParameter;
    private String csrfToken;

    /** A client at {@code clientAddress} (e.g. "127.0.0.7"); the server is reached at 127.0.0.1. */
    public FormSignIn(int port, String clientAddress) {
        try {
            this.client = HttpClient.newBuilder().localAddress(InetAddress.getByName(clientAddress))
                    .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.base = "http://127.0.0.1:" + port;
    }

    /** Opens the login page, as a browser does before the person types. */
    public FormSignIn open() {
        String html = get("/login").body();
        Matcher token = CSRF.matcher(html);
        Matcher parameter = CSRF_PARAMETER.matcher(html);
        if (!token.find() || !parameter.find()) {
            throw new AssertionError("the login page has no CSRF meta tags");
        }
        csrfToken = token.group(1);
        csrfParameter = parameter.group(1);
        return this;
    }

    /** Posts the form; answers where the server sends the browser (the Location header, path and query). */
    public Result signIn(String email, String password) {
        if (csrfToken == null) {
            open();
        }
        String form = "username=" + encode(email) + "&password=" + encode(password) + "&" + csrfParameter + "="
                + encode(csrfToken);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = send(request);
        String location = response.headers().firstValue("Location").orElse("");
        return new Result(response.statusCode(), location.startsWith(base) ? location.substring(base.length()) : location);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The answer to a sign-in: the status and where it redirects ("/" after success, "/login?error" after a refusal). */
    public record Result(int status, String location) {
    }
}

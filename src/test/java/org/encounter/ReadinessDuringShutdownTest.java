package org.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a load balancer sees while a node shuts down gracefully, played against a whole app on a port: a slow request
 * is in flight, the context closes (as on SIGTERM), and a health check that opens a fresh connection each time
 * (as HAProxy's does) finds readiness OUT_OF_SERVICE (503) while the node still serves; then the node stops taking
 * connections, and the slow request still finishes.
 */
class ReadinessDuringShutdownTest {

    static final CountDownLatch SLOW_ENTERED = new CountDownLatch(1);
    static final CountDownLatch SLOW_RELEASE = new CountDownLatch(1);

    @Test
    void readiness_goes_down_while_the_node_drains_and_a_request_in_flight_still_finishes() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(EncounterApplication.class, SlowRequest.class)
                .profiles("test")
                .run("--server.port=0", "--encounter.shutdown.drain=3s", "--encounter.demo.enabled=false");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        CompletableFuture<Void> closed = null;
        // Threads of its own: the common pool may have a single thread on a small machine, and the slow request holds it.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            assertThat(check(port, "/actuator/health/readiness")).isEqualTo(new Answer(200, "{\"status\":\"UP\"}"));
            assertThat(check(port, "/actuator/health/liveness")).isEqualTo(new Answer(200, "{\"status\":\"UP\"}"));

            CompletableFuture<Answer> slow = CompletableFuture.supplyAsync(() -> check(port, "/slow-for-test"), threads);
            assertThat(SLOW_ENTERED.await(30, TimeUnit.SECONDS)).as("the slow request is in flight").isTrue();

            closed = CompletableFuture.runAsync(app::close, threads);
            Answer readiness = awaitChange(port, "/actuator/health/readiness", new Answer(200, "{\"status\":\"UP\"}"));
            assertThat(readiness).as("readiness as a fresh connection sees it once shutdown began")
                    .isEqualTo(new Answer(503, "{\"status\":\"OUT_OF_SERVICE\"}"));
            assertThat(check(port, "/actuator/health/liveness").status()).as("alive: do not restart it").isEqualTo(200);
            assertThat(check(port, "/login").status()).as("pages are still served while the balancer notices")
                    .isEqualTo(200);
            assertThat(slow).as("the slow request is still in flight").isNotDone();

            Answer after = awaitChange(port, "/actuator/health/readiness", readiness);
            assertThat(after.status()).as("after the drain, new connections are refused").isEqualTo(Answer.REFUSED);
            assertThat(slow).isNotDone();
            SLOW_RELEASE.countDown();
            assertThat(slow.get(30, TimeUnit.SECONDS)).as("the request in flight finished")
                    .isEqualTo(new Answer(200, "finished"));
            closed.get(60, TimeUnit.SECONDS);
        } finally {
            SLOW_RELEASE.countDown();
            if (closed == null) {
                app.close();
            }
            threads.shutdown();
        }
    }

    /** Polls every 100 ms for up to 20 s until the answer differs from {@code was}. */
    private static Answer awaitChange(int port, String path, Answer was) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Answer now = check(port, path);
            if (!now.equals(was)) {
                return now;
            }
            Thread.sleep(100);
        }
        return was;
    }

    /** One HTTP/1.0 request on a connection of its own, as a load balancer's health check makes it. */
    static Answer check(int port, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            return new Answer(status, status == 200 && path.equals("/login") ? "(page)" : body);
        } catch (ConnectException refused) {
            return new Answer(Answer.REFUSED, "");
        } catch (IOException e) {
            return new Answer(Answer.BROKEN, e.toString());
        }
    }

    record Answer(int status, String body) {
        static final int REFUSED = -1;
        static final int BROKEN = -2;
    }

    /** A request that stays in flight until the test lets it finish. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SlowRequest {
        @Bean
        FilterRegistrationBean<OncePerRequestFilter> slowForTest() {
            var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                FilterChain chain) throws IOException {
                    SLOW_ENTERED.countDown();
                    try {
                        SLOW_RELEASE.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    response.setContentType("text/plain");
                    response.getWriter().write("finished");
                }
            });
            registration.addUrlPatterns("/slow-for-test");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}

package org.encounter.base.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Lets a load balancer see this node leave before it stops taking connections. On shutdown Spring
 * Boot marks readiness REFUSING_TRAFFIC and at once begins Tomcat's graceful shutdown, which closes
 * the listening socket: a balancer's next health check is then refused at the network layer (and
 * one on a kept-alive connection gets Tomcat's bare 503), so what it learns is "the node is gone",
 * not "the node is draining", and anything it had already routed there is refused. This phase runs
 * just before the web server's graceful shutdown: it marks readiness REFUSING_TRAFFIC (503 at
 * /actuator/health/readiness) and keeps serving everything for {@code encounter.shutdown.drain},
 * long enough for the balancer's checks to take the node out of rotation. Then Tomcat stops
 * accepting and lets the requests in flight finish ({@code server.shutdown=graceful}).
 */
@Component
class ShutdownDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final ApplicationContext context;
    private final Duration drain;
    private volatile boolean running;

    ShutdownDrain(ApplicationContext context, @Value("${encounter.shutdown.drain:0s}") Duration drain) {
        this.context = context;
        this.drain = drain;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        if (drain.isPositive()) {
            log.info("Readiness is down; still serving for {} s so the load balancer can take this node out",
                    drain.toMillis() / 1000.0);
            try {
                Thread.sleep(drain);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped before the web server's graceful shutdown (a higher phase stops first). */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 1;
    }
}

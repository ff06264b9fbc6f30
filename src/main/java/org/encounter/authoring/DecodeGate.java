package org.encounter.authoring;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.encounter.base.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets only a few pictures be decoded at once: one decode needs up to about 64 MB, so parallel
 * uploads must queue rather than multiply that. Someone who has waited a moment is asked to try
 * again, which keeps request threads free for everyone else.
 */
@Component
class DecodeGate {

    private final Semaphore permits;
    private final Duration wait;

    DecodeGate(@Value("${encounter.uploads.max-parallel-decodes:0}") int maxParallel,
               @Value("${encounter.uploads.decode-wait:5s}") Duration wait) {
        this.permits = new Semaphore(maxParallel > 0 ? maxParallel : Runtime.getRuntime().availableProcessors(), true);
        this.wait = wait;
    }

    <T> T decode(Supplier<T> work) {
        if (!enter()) {
            throw new InvalidInputException("image", "image.busy");
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    private boolean enter() {
        try {
            return permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** For tests that need every slot taken. */
    Semaphore permits() {
        return permits;
    }
}

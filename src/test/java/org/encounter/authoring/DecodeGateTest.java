package org.encounter.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.encounter.base.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Parallel uploads queue for a decode slot instead of multiplying the memory one decode needs. */
class DecodeGateTest {

    @Test
    void an_upload_that_finds_every_slot_taken_waits_a_moment_then_is_asked_to_try_again() throws Exception {
        DecodeGate gate = new DecodeGate(1, Duration.ofMillis(300));
        CountDownLatch decoding = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        try (ExecutorService authors = Executors.newFixedThreadPool(2)) {
            Future<String> first = authors.submit(() -> gate.decode(() -> {
                decoding.countDown();
                await(finish);
                return "first stored";
            }));
            decoding.await();

            long start = System.nanoTime();
            assertThatThrownBy(() -> gate.decode(() -> "second stored"))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("image.busy"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));

            finish.countDown();
            assertThat(first.get()).isEqualTo("first stored");
            assertThat(gate.decode(() -> "third stored")).as("the slot is free again").isEqualTo("third stored");
        }
    }

    @Test
    void a_failed_decode_gives_its_slot_back() {
        DecodeGate gate = new DecodeGate(1, Duration.ofMillis(100));
        assertThatThrownBy(() -> gate.decode(() -> {
            throw new InvalidInputException("image", "image.malformed");
        })).isInstanceOf(InvalidInputException.class);
        assertThat(gate.decode(() -> "stored")).isEqualTo("stored");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

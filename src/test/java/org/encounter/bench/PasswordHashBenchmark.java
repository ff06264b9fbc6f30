package org.encounter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.encounter.EncounterTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Benchmark, not a test (Surefire's default includes skip "*Benchmark"): what one password hash
 * costs with the app's encoder (PBKDF2-HMAC-SHA256, 310,000 iterations) against the bcrypt (cost
 * 10) hashes it replaces. Every sign-in with a known e-mail pays one check; an unknown e-mail pays
 * the same (Spring checks a dummy hash, so timing does not tell them apart). Run with
 * bench/password-hash.sh.
 */
@EncounterTest
class PasswordHashBenchmark {

    private static final String SHORT = "encounter-demo-2026";
    private static final String LONG = "Ämpärit ja höyläpenkit öisessä työpajassa, kun pöllö huhuilee hämärässä metsässä yöllä";

    @Autowired PasswordEncoder encoder;

    @Test
    void measure() throws IOException {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        String pbkdf2Hash = encoder.encode(SHORT);
        String longHash = encoder.encode(LONG);
        String bcryptHash = "{bcrypt}" + bcrypt.encode(SHORT);
        StringBuilder out = new StringBuilder("password hashes, " + Runtime.getRuntime().availableProcessors()
                + " cores\n");
        out.append(Warm.time("pbkdf2 encode (19 bytes)", () -> encoder.encode(SHORT)));
        out.append(Warm.time("pbkdf2 check (19 bytes)", () -> encoder.matches(SHORT, pbkdf2Hash)));
        out.append(Warm.time("pbkdf2 check (103 bytes)", () -> encoder.matches(LONG, longHash)));
        out.append(Warm.time("bcrypt check (old hashes)", () -> encoder.matches(SHORT, bcryptHash)));
        Files.writeString(Path.of("target/bench-password-hash.txt"), out);
        System.out.print(out);
    }
}

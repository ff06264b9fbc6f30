package org.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A newcomer whose JAVA_HOME is an older JDK is told in one sentence what to do, before anything compiles. */
class JdkRequirementIT {

    private static final Path JDK_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

    @Test
    void building_with_jdk_17_stops_with_one_sentence_about_java_home() throws Exception {
        assumeTrue(Files.isExecutable(JDK_17.resolve("bin/java")), "no JDK 17 on this machine to try");
        Path log = Files.createTempFile("old-jdk-build", ".log");
        ProcessBuilder build = new ProcessBuilder("./mvnw", "-B", "-ntp", "-o", "-q", "validate")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        build.environment().put("JAVA_HOME", JDK_17.toString());
        Process process = build.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("Encounter needs JDK 21 or newer (25 recommended) but Maven runs on Java 17: "
                + "point JAVA_HOME at a newer JDK").doesNotContain("release version");
    }
}

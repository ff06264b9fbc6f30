package org.encounter.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The largest picture an author may upload — 49 megapixels at 16 bits per channel, 392 MB once fully
 * decoded — is re-encoded inside a JVM whose whole heap is 64 MB.
 */
class ImageDecodeMemoryTest {

    static final String HEAP = "-Xmx64m";

    @Test
    void a_sixteen_bit_49_megapixel_png_is_reencoded_within_a_64_mb_heap(@TempDir Path dir) throws Exception {
        Path png = TestPictures.sixteenBitPng(dir.resolve("huge.png"), 7000, 7000);
        assertThat(Files.size(png)).as("a small file").isLessThan(2L * 1024 * 1024);

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), HEAP, "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), ReencodeInSmallHeap.class.getName(), png.toString()))
                .redirectErrorStream(true).start();
        boolean finished = child.waitFor(3, TimeUnit.MINUTES);
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            child.destroyForcibly();
        }
        System.out.println("child JVM (" + HEAP + "): " + output.strip());

        assertThat(finished).as("the child finished").isTrue();
        assertThat(child.exitValue()).as("exit value; output:%n%s", output).isZero();
        assertThat(output).contains("stored 1600x1600 image/png");
    }
}

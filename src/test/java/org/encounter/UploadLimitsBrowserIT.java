package org.encounter;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.encounter.authoring.TestPictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Oversized and hostile uploads, sent the way an attacker would: raw 50 MB bodies from the author's own
 * page (with and without a declared length) and through the real upload field with its browser check
 * removed; the server must cut them off while they stream, keep its heap to itself and tell the author why.
 */
class UploadLimitsBrowserIT extends BrowserJourney {

    private static final int FIFTY_MB = 50 * 1024 * 1024;
    /** In-memory buffering of a 50 MB body allocates well over 100 MB; streaming with a limit, a few MB. */
    private static final long ATTACK_ALLOCATION_BOUND = 16L * 1024 * 1024;
    /** Decoding the 16-bit 7000×7000 PNG at full size allocates 392 MB for its pixels alone. */
    private static final long DECODE_ALLOCATION_BOUND = 128L * 1024 * 1024;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void a_fifty_megabyte_body_is_cut_off_while_it_streams_and_a_huge_sixteen_bit_png_is_stored_small() throws Exception {
        Page emma = BrowserSupport.phone(browser);
        BrowserSupport.signIn(emma, port, "emma");
        long module = jdbc.queryForObject("select id from module where title = 'Waiting rooms'", Long.class);
        emma.navigate(url("/authoring/" + module));
        Locator cover = emma.locator("#cover-upload");
        String target = cover.getAttribute("target");
        int images = imageCount();

        // 1. A 50 MB body with its length declared, posted from the author's page so her cookies go along.
        Object[] fetched = new Object[1];
        long declared = serverAllocation(() -> fetched[0] = emma.evaluate("""
                async target => {
                  const body = new Uint8Array(%d);
                  body.set([0xFF, 0xD8, 0xFF]);
                  try {
                    const r = await fetch(target, {method: 'POST', body,
                        headers: {'Content-Type': 'image/jpeg', 'X-Filename': 'big.jpg'}});
                    return 'status ' + r.status;
                  } catch (e) {
                    return 'cut off: ' + e.message;
                  }
                }""".formatted(FIFTY_MB), target));
        System.out.printf("50 MB with Content-Length: %s; server threads allocated %,d bytes%n", fetched[0], declared);

        // 2. The same without a declared length (chunked), from a client holding her session cookie.
        AtomicLong pulled = new AtomicLong();
        String[] chunked = new String[1];
        long streamed = serverAllocation(() -> chunked[0] = postChunked(emma, target, pulled));
        System.out.printf("50 MB chunked: %s after %,d bytes sent; server threads allocated %,d bytes%n",
                chunked[0], pulled.get(), streamed);

        // 3. Through the real upload field, its browser-side size check switched off.
        Path big = dir.resolve("holiday.jpg");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.write(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            file.setLength(FIFTY_MB);
        }
        emma.reload();
        cover.evaluate("upload => upload.maxFileSize = Infinity");
        long viaField = serverAllocation(() -> {
            System.out.println("50 MB through the upload field: " + uploadOutcome(cover, () ->
                    cover.locator("input[type=file]").setInputFiles(big)));
            // Emma reads Finnish: "The image is too large: at most 8 MB."
            assertThat(emma.locator(".cover-image p.notice")).containsText("Kuva on liian suuri: enintään 8 Mt.");
            return null;
        });
        System.out.printf("50 MB through the upload field: server threads allocated %,d bytes%n", viaField);

        assertThat(declared).as("bytes allocated by the server for a declared 50 MB body").isLessThan(ATTACK_ALLOCATION_BOUND);
        assertThat(streamed).as("bytes allocated by the server for a chunked 50 MB body").isLessThan(ATTACK_ALLOCATION_BOUND);
        assertThat(pulled.get()).as("bytes the server let the chunked client send").isLessThan(30L * 1024 * 1024);
        assertThat(viaField).as("bytes allocated by the server for 50 MB through the field").isLessThan(ATTACK_ALLOCATION_BOUND);
        assertThat(imageCount()).as("nothing stored").isEqualTo(images);
    }

    @Test
    void the_largest_sixteen_bit_png_allowed_is_decoded_within_bounds_stored_small_and_shown() throws Exception {
        Page emma = BrowserSupport.phone(browser);
        BrowserSupport.signIn(emma, port, "emma");
        long module = jdbc.queryForObject("select id from module where title = 'Waiting rooms'", Long.class);
        emma.navigate(url("/authoring/" + module));
        int images = imageCount();
        Path png = TestPictures.sixteenBitPng(dir.resolve("sunset.png"), 7000, 7000);

        String before = coverKey(module);
        long decoding = serverAllocation(() -> {
            emma.locator("#cover-upload input[type=file]").setInputFiles(png);
            newCoverShown(emma, before);
            return null;
        });
        System.out.printf("16-bit 7000x7000 PNG: server threads allocated %,d bytes%n", decoding);
        Locator picture = emma.locator(".cover-image img[src='media/" + coverKey(module) + "']");
        picture.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        String src = picture.getAttribute("src");
        var response = emma.request().get(url("/" + src));
        assertThat(response.status()).isEqualTo(200);
        BufferedImage shown = ImageIO.read(new java.io.ByteArrayInputStream(response.body()));
        assertThat(shown.getWidth()).isEqualTo(1600);
        assertThat(shown.getHeight()).isEqualTo(1600);
        assertThat(imageCount()).isEqualTo(images + 1);
        assertThat(decoding).as("bytes allocated by the server to decode the 16-bit PNG").isLessThan(DECODE_ALLOCATION_BOUND);
    }

    @Test
    void bad_files_are_refused_with_a_reason_in_the_authors_language_and_nothing_is_stored() throws Exception {
        Page noor = BrowserSupport.phone(browser);
        BrowserSupport.signIn(noor, port, "noor");
        long module = jdbc.queryForObject("select id from module where title = 'Waiting rooms'", Long.class);
        noor.navigate(url("/authoring/" + module));
        int images = imageCount();
        Locator cover = noor.locator("#cover-upload");
        Locator notice = noor.locator(".cover-image p.notice");

        upload(cover, "empty.png", "image/png", new byte[0]);
        assertThat(notice).containsText("The file is empty.");

        upload(cover, "minutes.png", "image/png", "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(notice).containsText("This file is not an image");

        byte[] png = png(900, 600);
        upload(cover, "cut.png", "image/png", Arrays.copyOf(png, png.length / 2));
        assertThat(notice).containsText("This image seems damaged");

        upload(cover, "bomb.png", "image/png", TestPictures.pngHeaderOnly(20_000, 20_000));
        assertThat(notice).containsText("This image is too big to use");

        byte[] nineMb = new byte[9 * 1024 * 1024];
        System.arraycopy(png, 0, nineMb, 0, png.length);
        upload(cover, "poster.png", "image/png", nineMb);
        assertThat(notice).containsText("at most 8 MB");
        cover.evaluate("upload => upload.maxFileSize = Infinity");
        upload(cover, "poster.png", "image/png", nineMb);
        assertThat(notice).containsText("The image is too large: at most 8 MB.");

        assertThat(imageCount()).as("nothing stored").isEqualTo(images);
        // The page still works: a good picture goes through after all that.
        String before = coverKey(module);
        upload(cover, "fine.png", "image/png", png);
        newCoverShown(noor, before);
        assertThat(imageCount()).isEqualTo(images + 1);
    }

    @Test
    void the_longest_step_text_allowed_still_fits_under_the_cap_on_ordinary_requests() {
        Page ruby = BrowserSupport.phone(browser);
        BrowserSupport.signIn(ruby, port, "ruby");
        long module = jdbc.queryForObject("select id from module where title = 'Waiting rooms'", Long.class);
        ruby.navigate(url("/authoring/" + module));
        // Quotes, backslashes, line breaks and emoji all grow when the UI sends them as JSON.
        String piece = "\"Hei\" \\ näin 😀 ok\n";
        StringBuilder text = new StringBuilder();
        while (text.length() + piece.length() <= 10_000) {
            text.append(piece);
        }
        String longest = text.append("x".repeat(10_000 - text.length())).toString();
        ruby.locator(".step-editor").first().locator("vaadin-text-area.step-body textarea").fill(longest);
        BrowserSupport.eventually(() -> longest.equals(jdbc.queryForObject(
                "select body from module_step where module_id = ? and position = 0", String.class, module)));
    }

    private static void upload(Locator upload, String name, String type, byte[] content) {
        upload.locator("input[type=file]").setInputFiles(new FilePayload(name, type, content));
    }

    /** Runs the action and waits until the upload field has its answer (or lost the connection). */
    private static Object uploadOutcome(Locator upload, Runnable action) {
        upload.evaluate("""
                u => {
                  window.uploadOutcome = new Promise(resolve => {
                    u.addEventListener('upload-success', e => resolve('success ' + e.detail.xhr.status), {once: true});
                    u.addEventListener('upload-error', e => resolve('error ' + e.detail.xhr.status), {once: true});
                    setTimeout(() => resolve('no answer within a minute'), 60000);
                  });
                }""");
        action.run();
        return upload.page().evaluate("() => window.uploadOutcome");
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(200, 90, 40));
        g.fillOval(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A new picture replaces the one shown (if any); decoding may take a while on a busy machine. */
    private static void newCoverShown(Page page, String before) {
        page.locator(".cover-image img.step-image:not([src='media/" + before + "'])").waitFor(
                new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED).setTimeout(90_000));
    }

    private String coverKey(long module) {
        return jdbc.queryForObject("select cover_image_key from module where id = ?", String.class, module);
    }

    private int imageCount() {
        return jdbc.queryForObject("select count(*) from module_image", Integer.class);
    }

    /** POSTs 50 MB of unknown length; returns the outcome and counts what the server let through. */
    private String postChunked(Page page, String target, AtomicLong pulled) throws Exception {
        String cookies = page.context().cookies().stream().map(c -> c.name + "=" + c.value)
                .collect(Collectors.joining("; "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/" + target)))
                .header("Cookie", cookies).header("Content-Type", "image/jpeg").header("X-Filename", "big.jpg")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Zeros(FIFTY_MB, pulled))).build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return "status " + response.statusCode();
        } catch (IOException e) {
            return "cut off: " + e;
        }
    }

    /**
     * Bytes allocated by the server's request threads (Tomcat's "http-nio-…" workers) while the action
     * runs: the app runs in this JVM, so HotSpot's per-thread allocation counters see every buffer.
     */
    private static long serverAllocation(Callable<Object> action) throws Exception {
        Map<Long, Long> before = requestThreads();
        action.call();
        Thread.sleep(500); // the request may still be finishing after the browser saw its answer
        long total = 0;
        for (Map.Entry<Long, Long> after : requestThreads().entrySet()) {
            total += after.getValue() - before.getOrDefault(after.getKey(), 0L);
        }
        return total;
    }

    private static Map<Long, Long> requestThreads() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<Long, Long> allocated = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("http-nio-")) {
                long bytes = threads.getThreadAllocatedBytes(t.threadId());
                if (bytes >= 0) {
                    allocated.put(t.threadId(), bytes);
                }
            }
        }
        return allocated;
    }

    /** A body of zeros after a JPEG signature, counted as the client sends it. */
    private static final class Zeros extends InputStream {
        private final long size;
        private final AtomicLong sent;

        Zeros(long size, AtomicLong sent) {
            this.size = size;
            this.sent = sent;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long at = sent.get();
            if (at >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - at);
            Arrays.fill(b, off, off + n, (byte) 0);
            for (int i = 0; i < 3 && at + i < 3 && i < n; i++) {
                b[off + i] = (byte) (i == 1 ? 0xD8 : 0xFF);
            }
            sent.addAndGet(n);
            return n;
        }
    }
}

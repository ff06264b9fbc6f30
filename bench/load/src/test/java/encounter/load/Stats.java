package encounter.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the measured window saw: response times of every request (all together and by kind), page views,
 * autosaves and errors, counted only between the end of the ramp and the end of the hold, so the figures are of
 * a steady state with all users signed in. Marker files tell bench/load.sh when the window starts and ends (it
 * samples the app's CPU then, and measures the heap of the sessions still held open after the end).
 */
final class Stats {

    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    final Path out;
    private final Histogram all = new ConcurrentHistogram(60_000, 3);
    private final Map<String, Histogram> byKind = new ConcurrentHashMap<>();
    private final AtomicLong pageViews = new AtomicLong();
    private final AtomicLong autosaves = new AtomicLong();
    private final AtomicLong windowErrors = new AtomicLong();
    private final AtomicLong totalErrors = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    final AtomicInteger signedIn = new AtomicInteger();
    private final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();

    Stats(Path out) {
        this.out = out;
    }

    /** The window, once the first users are about to be injected; marker files at its start and end. */
    void begin(long windowStart, long windowEnd) {
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        Thread marker = Thread.ofVirtual().unstarted(() -> {
            try {
                sleepUntil(windowStart);
                write("window-start", "signedIn=" + signedIn.get() + "\n");
                sleepUntil(windowEnd);
                write("window-end", "signedIn=" + signedIn.get() + "\n");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        marker.start();
    }

    private static void sleepUntil(long at) throws InterruptedException {
        long wait = at - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    boolean inWindow() {
        long now = System.currentTimeMillis();
        return now >= windowStart && now < windowEnd;
    }

    boolean active() {
        return System.currentTimeMillis() < windowEnd;
    }

    void record(String kind, long millis) {
        if (!inWindow()) {
            return;
        }
        long v = Math.max(0, Math.min(millis, 60_000));
        all.recordValue(v);
        byKind.computeIfAbsent(kind, k -> new ConcurrentHistogram(60_000, 3)).recordValue(v);
        if (kind.startsWith("page:")) {
            pageViews.incrementAndGet();
        } else if (kind.startsWith("autosave")) {
            autosaves.incrementAndGet();
        }
    }

    void bytes(int n) {
        if (inWindow()) {
            bytes.addAndGet(n);
        }
    }

    void error(String what) {
        totalErrors.incrementAndGet();
        errorKinds.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
        if (inWindow()) {
            windowErrors.incrementAndGet();
        }
    }

    void write(String name, String content) {
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve(name), content);
        } catch (IOException e) {
            System.err.println("cannot write " + name + ": " + e);
        }
    }

    /** The figures of the window, as properties bench/load.sh reads. */
    String summary(Map<String, Object> config) {
        double seconds = (windowEnd - windowStart) / 1000.0;
        StringBuilder sb = new StringBuilder();
        config.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        sb.append(String.format(Locale.ROOT, "window_s=%.0f%n", seconds));
        sb.append("requests=").append(all.getTotalCount()).append('\n');
        sb.append("page_views=").append(pageViews.get()).append('\n');
        sb.append("autosaves=").append(autosaves.get()).append('\n');
        sb.append("errors=").append(windowErrors.get()).append('\n');
        sb.append("errors_whole_run=").append(totalErrors.get()).append('\n');
        sb.append(String.format(Locale.ROOT, "page_views_per_s=%.1f%n", pageViews.get() / seconds));
        sb.append(String.format(Locale.ROOT, "requests_per_s=%.1f%n", all.getTotalCount() / seconds));
        sb.append(String.format(Locale.ROOT, "kb_per_page_view=%.1f%n",
                pageViews.get() == 0 ? 0 : bytes.get() / 1024.0 / pageViews.get()));
        sb.append("p50_ms=").append(all.getValueAtPercentile(50)).append('\n');
        sb.append("p95_ms=").append(all.getValueAtPercentile(95)).append('\n');
        sb.append("p99_ms=").append(all.getValueAtPercentile(99)).append('\n');
        sb.append("max_ms=").append(all.getMaxValue()).append('\n');
        new TreeMap<>(byKind).forEach((k, h) -> sb.append(String.format(Locale.ROOT,
                "kind.%s=n %d p50 %d p95 %d p99 %d max %d%n", k, h.getTotalCount(), h.getValueAtPercentile(50),
                h.getValueAtPercentile(95), h.getValueAtPercentile(99), h.getMaxValue())));
        new TreeMap<>(errorKinds).forEach((k, n) -> sb.append("error.")
                .append(k.replaceAll("[^A-Za-z0-9:_-]", "_")).append('=').append(n.get()).append('\n'));
        return sb.toString();
    }
}

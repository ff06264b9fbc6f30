package org.encounter.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the heap while a benchmark runs: the used heap sampled every few milliseconds (garbage included), and the
 * heap left after each collection the JVM reports (its GC notifications). Asked about a window of time, it answers
 * the peak of each and how many collections, and how long they took, fell in it.
 */
final class HeapWatch implements AutoCloseable {

    record Sample(long nanos, long used) {
    }

    record Gc(long nanos, String name, String cause, long before, long after, long millis) {
    }

    /** What one window of time saw. */
    record Window(long peakUsed, long peakAfterGc, int collections, long gcMillis) {
    }

    private static final long MB = 1024 * 1024;

    private final List<Sample> samples = new ArrayList<>();
    private final List<Gc> collections = new ArrayList<>();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final NotificationListener listener = (notification, handback) -> {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long before = heap(info.getGcInfo().getMemoryUsageBeforeGc());
        long after = heap(info.getGcInfo().getMemoryUsageAfterGc());
        synchronized (collections) {
            collections.add(new Gc(System.nanoTime(), info.getGcName(), info.getGcCause(), before, after,
                    info.getGcInfo().getDuration()));
        }
    };
    private final Thread sampler;
    private volatile boolean running = true;

    HeapWatch(int everyMillis) {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
        var memory = ManagementFactory.getMemoryMXBean();
        sampler = Thread.ofPlatform().name("heap-watch").daemon(true).start(() -> {
            while (running) {
                long used = memory.getHeapMemoryUsage().getUsed();
                synchronized (samples) {
                    samples.add(new Sample(System.nanoTime(), used));
                }
                try {
                    Thread.sleep(everyMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private long heap(java.util.Map<String, java.lang.management.MemoryUsage> pools) {
        return pools.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed()).sum();
    }

    /** The used heap after a full collection: what is really live now. */
    static long liveNow() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long max() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }

    static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
    }

    Window window(long fromNanos, long toNanos) {
        long peak = 0;
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.nanos() >= fromNanos && s.nanos() <= toNanos) {
                    peak = Math.max(peak, s.used());
                }
            }
        }
        long peakAfter = 0;
        int n = 0;
        long millis = 0;
        synchronized (collections) {
            for (Gc gc : collections) {
                if (gc.nanos() >= fromNanos && gc.nanos() <= toNanos) {
                    peakAfter = Math.max(peakAfter, gc.after());
                    n++;
                    millis += gc.millis();
                }
            }
        }
        return new Window(peak, peakAfter, n, millis);
    }

    static String mb(long bytes) {
        return String.format("%.1f MB", bytes / (double) MB);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException e) {
                // not there: nothing to remove
            }
        }
    }
}

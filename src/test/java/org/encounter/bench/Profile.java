package org.encounter.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording with the "profile" settings around one piece of work (the same events as {@code jcmd <pid>
 * JFR.start settings=profile}), kept as a file for {@code jfr print --events jdk.ExecutionSample}, and read back
 * here into what the report needs: the top frames of the CPU samples of the threads that did the work, the first
 * frame of ours in each of those samples, and where the time waiting for the database went.
 */
final class Profile {

    private Profile() {
    }

    interface Work {
        void run() throws Exception;
    }

    static Path record(Path file, Work work) throws Exception {
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.setToDisk(true);
            recording.start();
            work.run();
            recording.stop();
            recording.dump(file);
        }
        return file;
    }

    /** The top {@code n} of each: top frame, first frame in org.encounter, socket reads by first frame of ours. */
    static String summary(Path file, Predicate<String> thread, int n) throws IOException {
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        Map<String, Duration> reads = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String name = e.getEventType().getName();
            var t = e.hasField("sampledThread") ? e.getThread("sampledThread") : e.getThread();
            if (t == null || t.getJavaName() == null || !thread.test(t.getJavaName())) {
                continue;
            }
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            if (name.equals("jdk.ExecutionSample")) {
                samples++;
                top.merge(frame(stack.getFrames().getFirst()), 1, Integer::sum);
                ours.merge(firstOurs(stack.getFrames()), 1, Integer::sum);
            } else if (name.equals("jdk.SocketRead")) {
                reads.merge(firstOurs(stack.getFrames()), e.getDuration(), Duration::plus);
            }
        }
        StringBuilder s = new StringBuilder(String.format("  %d CPU samples of the working thread(s)%n", samples));
        s.append("  top frames:\n");
        top.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(x -> s.append(String.format("    %5d  %s%n", x.getValue(), x.getKey())));
        s.append("  first frame in org.encounter (samples):\n");
        ours.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(x -> s.append(String.format("    %5d  %s%n", x.getValue(), x.getKey())));
        s.append("  socket reads (waiting for MariaDB, over 10 ms each as JFR's profile settings record them), "
                + "by first frame in org.encounter:\n");
        reads.entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue().reversed()).limit(n)
                .forEach(x -> s.append(String.format("    %7.0f ms  %s%n", x.getValue().toNanos() / 1e6, x.getKey())));
        return s.toString();
    }

    private static String frame(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName() + ":" + f.getLineNumber();
    }

    private static String firstOurs(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            if (type.startsWith("org.encounter.") && !type.startsWith("org.encounter.bench.")) {
                return frame(f);
            }
        }
        return "(none of ours: " + frame(frames.getFirst()) + ")";
    }
}

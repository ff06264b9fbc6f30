import java.net.*;
import java.net.http.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.regex.*;

/**
 * A quick navigation-only load for profiling (bench/load.sh is the benchmark): demo learners sign in, then follow menu
 * links (catalogue, my learning, certificates, notifications, stories, sets, home) with a think time, at the UIDL level.
 * Prints page views/s, latency percentiles, the app's CPU per page view (/proc of APP_PID) and its live heap per
 * session (class histogram after a full GC, before sign-ins and with everyone signed in and quiet).
 *
 * <p>Usage: {@code java bench/PageViews.java BASE_URL USERS RAMP_S MEASURE_S THINK_MS [APP_PID]}. With
 * {@code GENLOG="-h127.0.0.1 -P3306 -uroot"} the MariaDB general log is switched on for the measured window (the
 * server's own log file then holds every statement); {@code HISTO=prefix} keeps both histograms; {@code DUMP=route}
 * writes the UIDL answer to that route to /tmp.
 */
public class PageViews {
    static final Pattern META = Pattern.compile("<meta\\s+name=\"(_csrf[a-z_]*)\"\\s+content=\"([^\"]*)\"");
    static final Pattern SYNC = Pattern.compile("\"syncId\":(-?\\d+)"), CLIENT = Pattern.compile("\"clientId\":(\\d+)"),
            KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\""), UIID = Pattern.compile("\"v-uiId\":(\\d+)");
    static final String[] ROUTES = {"learn", "learn/mine", "certificates", "notifications", "stories", "sets", ""};
    static final String[] WHO = {"sanna", "jussi", "asa", "leo", "olga", "callum", "zoe", "ahmed", "fiona", "mikko"};
    static volatile boolean measuring, stop, quiet;
    static final ConcurrentLinkedQueue<Long> lat = new ConcurrentLinkedQueue<>();
    static final AtomicLong bytes = new AtomicLong(), errors = new AtomicLong(), signIns = new AtomicLong();
    static final AtomicReference<String> lastError = new AtomicReference<>();

    public static void main(String[] a) throws Exception {
        String base = a[0]; int users = Integer.parseInt(a[1]); int ramp = Integer.parseInt(a[2]);
        int dur = Integer.parseInt(a[3]); int think = Integer.parseInt(a[4]); String pid = a.length > 5 ? a[5] : null;
        String password = System.getenv().getOrDefault("PW", "encounter-demo-2026");
        long heap0 = heap(pid);
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            int n = i;
            ts.add(Thread.ofVirtual().start(() -> user(base, WHO[n % WHO.length] + "@demo.encounter.example", password, think, n)));
            Thread.sleep(ramp * 1000L / users);
        }
        for (int w = 0; w < 600 && signIns.get() < users; w++) Thread.sleep(500);
        Thread.sleep(Math.max(think, 2000));
        System.out.printf("signed in: %d, errors so far %d%n", signIns.get(), errors.get());
        errors.set(0); lat.clear(); bytes.set(0);
        long cpu0 = cpu(pid), t0 = System.nanoTime();
        sql("SET GLOBAL general_log=" + (System.getenv("GENLOG") != null ? 1 : 0));
        measuring = true;
        Thread.sleep(dur * 1000L);
        measuring = false;
        sql("SET GLOBAL general_log=0");
        long cpu1 = cpu(pid); double secs = (System.nanoTime() - t0) / 1e9;
        quiet = true; Thread.sleep(3000);
        long heap1 = heap(pid);
        stop = true;
        if (pid != null) System.out.printf("heap after full GC: %d KB before sign-ins, %d KB with %d sessions = %d KB per session%n",
                heap0, heap1, signIns.get(), (heap1 - heap0) / Math.max(1, signIns.get()));
        long[] l = lat.stream().mapToLong(x -> x).sorted().toArray();
        int n = l.length;
        System.out.printf("users %d think %d ms: %d page views in %.0f s = %.1f/s, errors %d%n", users, think, n, secs, n / secs, errors.get());
        if (n > 0) System.out.printf("latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f; avg response %d bytes%n",
                l[n / 2] / 1e6, l[(int) (n * .95)] / 1e6, l[(int) (n * .99)] / 1e6, l[n - 1] / 1e6, bytes.get() / n);
        if (pid != null && n > 0) System.out.printf("app CPU %.1f s = %.1f%% of 2 cores, %.2f ms per page view%n",
                (cpu1 - cpu0) / 100.0, (cpu1 - cpu0) / 100.0 / secs / 2 * 100, (cpu1 - cpu0) * 10.0 / n);
        if (lastError.get() != null) System.out.println("last error: " + lastError.get());
        System.exit(0);
    }

    static void sql(String q) throws Exception {
        if (System.getenv("GENLOG") == null) return;
        List<String> cmd = new ArrayList<>(List.of("mariadb"));
        cmd.addAll(List.of(System.getenv("GENLOG").split(" ")));
        cmd.addAll(List.of("-e", q));
        new ProcessBuilder(cmd).inheritIO().start().waitFor();
    }

    static long heap(String pid) throws Exception {
        if (pid == null) return 0;
        String jcmd = System.getProperty("java.home") + "/bin/jcmd";
        new ProcessBuilder(jcmd, pid, "GC.run").start().waitFor();
        new ProcessBuilder(jcmd, pid, "GC.run").start().waitFor();
        Process p = new ProcessBuilder(jcmd, pid, "GC.class_histogram").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (System.getenv("HISTO") != null) Files.writeString(Path.of(System.getenv("HISTO") + "-" + System.nanoTime() + ".txt"), out);
        Matcher m = Pattern.compile("Total\\s+\\d+\\s+(\\d+)").matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    }

    static long cpu(String pid) throws Exception {
        if (pid == null) return 0;
        String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceAll(".*\\) ", "").split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static void user(String base, String email, String pw, int think, int n) {
        Random r = new Random(n);
        int step = n % ROUTES.length;
        while (!stop) {
            try {
                HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(java.time.Duration.ofSeconds(30)).build();
                String login = get(http, base + "/login");
                String param = "_csrf", token = null;
                Matcher m = META.matcher(login);
                while (m.find()) { if (m.group(1).equals("_csrf")) token = m.group(2); else if (m.group(1).equals("_csrf_parameter")) param = m.group(2); }
                String form = "username=" + URLEncoder.encode(email, "UTF-8") + "&password=" + URLEncoder.encode(pw, "UTF-8")
                        + (token == null ? "" : "&" + param + "=" + URLEncoder.encode(token, "UTF-8"));
                HttpResponse<String> s = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                if (s.uri().toString().contains("login")) throw new IllegalStateException("sign-in refused " + s.uri());
                String init = get(http, base + "/?v-r=init&location=&query=");
                Matcher k = KEY.matcher(init), u = UIID.matcher(init), sy = SYNC.matcher(init);
                if (!k.find() || !u.find() || !sy.find()) throw new IllegalStateException("init: " + init.substring(0, Math.min(200, init.length())));
                String key = k.group(1); int ui = Integer.parseInt(u.group(1)); int sync = Integer.parseInt(sy.group(1)); int client = 0, idx = 0;
                signIns.incrementAndGet();
                while (!stop) {
                    Thread.sleep(think / 2 + r.nextInt(think + 1));
                    if (stop) return;
                    if (quiet) continue;
                    String route = ROUTES[step++ % ROUTES.length];
                    String body = "{\"csrfToken\":\"" + key + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\""
                            + route + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":" + (++idx) + "},\"trigger\":\"\"}}],\"syncId\":" + sync + ",\"clientId\":" + client + "}";
                    long t = System.nanoTime();
                    HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + ui))
                            .header("Content-Type", "application/json; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    long d = System.nanoTime() - t;
                    String rb = resp.body();
                    if (resp.statusCode() != 200 || rb.contains("\"appError\"") || rb.contains("sessionExpired")) {
                        throw new IllegalStateException(route + " -> " + resp.statusCode() + " " + rb.substring(0, Math.min(300, rb.length())));
                    }
                    if (measuring) { lat.add(d); bytes.addAndGet(rb.length()); }
                    if (System.getenv("DUMP") != null && route.equals(System.getenv("DUMP"))) Files.writeString(Path.of("/tmp/page-views-" + System.getenv("DUMP").replace('/', '-') + "-" + n + ".json"), rb);
                    Matcher ms = SYNC.matcher(rb), mc = CLIENT.matcher(rb);
                    if (ms.find()) sync = Integer.parseInt(ms.group(1));
                    client = mc.find() ? Integer.parseInt(mc.group(1)) : client + 1;
                }
            } catch (Exception e) {
                errors.incrementAndGet(); lastError.set(String.valueOf(e));
                try { Thread.sleep(1000); } catch (InterruptedException ie) { return; }
            }
        }
    }

    static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}

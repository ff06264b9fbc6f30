package encounter.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.currentLocation;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Encounter under load, at the level of Vaadin's UIDL messages (as Vaadin's own Gatling scalability tests do): each
 * virtual user signs in through the real sign-in form, opens a tab ({@code v-r=init}) and then, with think time
 * between steps, follows the menu and presses buttons found by their text or id on the page the server described.
 *
 * <ul>
 *   <li>Learners (80%): home, catalogue, open a module (Start / Continue / Take again), Begin, walk its steps and
 *       type a reflection that autosaves (twice, as typing pauses), my learning, certificates.</li>
 *   <li>Managers (10%): home, team progress, my learning, notifications.</li>
 *   <li>Authors (10%): home, my modules, open their draft, edit its title and a step's text (autosaved), back.</li>
 * </ul>
 *
 * Users are ramped up over {@code load.ramp} seconds; the window measured is {@code load.hold} seconds after a
 * short settling time. After the window every user stays signed in, idle, for {@code load.idle} seconds (the heap
 * per session is measured then), and finally signs out. Settings are system properties (see bench/load.sh).
 */
public class EncounterSimulation extends Simulation {

    static String prop(String name, String def) {
        String v = System.getProperty("load." + name);
        return v == null || v.isBlank() ? def : v;
    }

    final String baseUrl = prop("baseUrl", "http://127.0.0.1:18100");
    final int users = Integer.parseInt(prop("users", "10"));
    final int ramp = Integer.parseInt(prop("ramp", "30"));
    final int settle = Integer.parseInt(prop("settle", "10"));
    final int hold = Integer.parseInt(prop("hold", "60"));
    final int idle = Integer.parseInt(prop("idle", "20"));
    final double think = Double.parseDouble(prop("think", "5"));
    final int offset = Integer.parseInt(prop("offset", "0"));
    final String password = prop("password", "encounter-demo-2026");
    final String domain = prop("domain", "load.example");
    final Path out = Path.of(prop("out", "target/load-out"));

    /** The end of the idle time after the window: set when injection starts (see before()). */
    volatile long idleEnd = Long.MAX_VALUE;
    final Stats stats = new Stats(out);

    final int managers = users >= 10 ? Math.round(users * 0.1f) : 0;
    final int authors = users >= 10 ? Math.round(users * 0.1f) : 0;
    final int learners = users - managers - authors;

    static VaadinUi ui(Session s) {
        return (VaadinUi) s.get("ui");
    }

    boolean go(Session s) {
        return stats.active() && !ui(s).broken;
    }

    // ------------------------------------------------------------------ building blocks

    /** A pause as a person takes between two actions: think time, ±50%. */
    ChainBuilder think(double factor) {
        long mean = Math.round(think * factor * 1000);
        return mean <= 0 ? exec(s -> s) : exec(pause(Duration.ofMillis(mean / 2), Duration.ofMillis(mean * 3 / 2)));
    }

    /** After a request: a failure is counted, the tab marked broken (the iteration ends, the next one recovers). */
    ChainBuilder afterwards(String kind) {
        return exec(s -> {
            if (s.isFailed()) {
                stats.error(kind);
                ui(s).broken = true;
                return s.markAsSucceeded();
            }
            return s;
        });
    }

    /** One UIDL exchange: the message the tab would send, the server's answer applied, then a check of the page. */
    ChainBuilder uidl(String kind, Function<VaadinUi, String> message, Function<VaadinUi, String> check) {
        return exec(http(kind).post(s -> ui(s).uidlUrl())
                .header("Content-Type", "application/json; charset=UTF-8")
                .body(StringBody(s -> message.apply(ui(s))))
                .check(responseTimeInMillis().transformWithSession((rt, s) -> {
                    stats.record(kind, rt);
                    return rt;
                }))
                .check(status().is(200))
                .check(bodyString().transformWithSession((b, s) -> {
                    stats.bytes(b.length());
                    String r = ui(s).applyResponse(b);
                    return check == null ? r : check.apply(ui(s));
                }).is("ok")))
                .exec(afterwards(kind));
    }

    /** A step of the journey: skipped once the window is over or the tab broke; followed by think time. */
    ChainBuilder step(String kind, Function<VaadinUi, String> message, Function<VaadinUi, String> check,
                      double thinkFactor) {
        return doIf(this::go).then(uidl(kind, message, check).exec(think(thinkFactor)));
    }

    ChainBuilder page(String name, String route, String expectId) {
        return step("page:" + name, ui -> ui.navigate(route), ui -> ui.expectView(expectId), 1);
    }

    ChainBuilder when(Predicate<Session> p, ChainBuilder then) {
        return doIf(s -> go(s) && p.test(s)).then(then);
    }

    /** Sign in through the sign-in form (Spring Security, CSRF token from the page), then open a tab. */
    ChainBuilder signIn() {
        return exec(http("sign-in:page").get("/login")
                .check(responseTimeInMillis().transformWithSession((rt, s) -> {
                    stats.record("sign-in:page", rt);
                    return rt;
                }))
                .check(status().is(200))
                .check(css("meta[name='_csrf']", "content").saveAs("csrf")))
                .exec(afterwards("sign-in:page"))
                .exec(http("sign-in:post").post("/login")
                        .formParam("username", "#{email}")
                        .formParam("password", password)
                        .formParam("_csrf", "#{csrf}")
                        .check(responseTimeInMillis().transformWithSession((rt, s) -> {
                            stats.record("sign-in:post", rt);
                            return rt;
                        }))
                        .check(status().is(200))
                        .check(currentLocation().transform(l -> l.contains("/login") ? "refused: " + l : "ok")
                                .is("ok")))
                .exec(afterwards("sign-in:post"))
                .exec(s -> {
                    ui(s).broken = false;
                    return s;
                })
                .exec(http("init").get("/?v-r=init&location=&query=")
                        .check(responseTimeInMillis().transformWithSession((rt, s) -> {
                            stats.record("init", rt);
                            return rt;
                        }))
                        .check(status().is(200))
                        .check(bodyString().transformWithSession((b, s) -> ui(s).applyInit(b)).is("ok")))
                .exec(afterwards("init"))
                .exec(s -> {
                    if (!ui(s).broken && !s.contains("signedIn")) {
                        stats.signedIn.incrementAndGet();
                        return s.set("signedIn", true);
                    }
                    return s;
                })
                .exec(doIf(s -> !ui(s).broken).then(page("home", "", "home-greeting")));
    }

    /** Sign out with the app's own button (ends the session), after the idle time in which the heap is measured. */
    ChainBuilder signOut() {
        return exec(pause(s -> Duration.ofMillis(Math.max(0, idleEnd - System.currentTimeMillis()))))
                .exec(doIf(s -> s.contains("signedIn")).then(
                        exec(s -> {
                            stats.signedIn.decrementAndGet();
                            return s;
                        }).exec(doIf(s -> !ui(s).broken && ui(s).has("sign-out")).then(
                                exec(http("sign-out").post(s -> ui(s).uidlUrl())
                                        .header("Content-Type", "application/json; charset=UTF-8")
                                        .body(StringBody(s -> ui(s).clickId("sign-out")))
                                        .check(status().in(200, 302)))))))
                .exec(s -> s.markAsSucceeded());
    }

    ChainBuilder account(String role, AtomicInteger counter) {
        return exec(s -> {
            int n = counter.getAndIncrement();
            VaadinUi ui = new VaadinUi();
            ui.pick = n;
            return s.set("ui", ui).set("n", n)
                    .set("email", String.format("load-%s-%04d@%s", role, offset + n, domain));
        });
    }

    /** The journey is repeated until the window ends; a broken tab signs in again at the next round. */
    ScenarioBuilder journey(String role, AtomicInteger counter, ChainBuilder round) {
        return scenario(role).exec(account(role, counter)).exec(signIn())
                .asLongAs(s -> stats.active()).on(
                        exec(doIf(s -> ui(s).broken).then(exec(think(1)).exec(signIn())))
                                .exec(round))
                .exec(signOut());
    }

    // ------------------------------------------------------------------ the three kinds of user

    final ChainBuilder learnerRound = exec(
            page("home", "", "home-greeting"),
            page("catalogue", "learn", "catalogue"),
            step("page:open-module", ui -> ui.clickNth("^(Start|Continue|Take again)$", ui.pick),
                    ui -> ui.expectView("player-position"), 1),
            when(s -> ui(s).textOf("player-position").startsWith("Overview"),
                    step("page:begin", ui -> ui.clickId("player-next"), ui -> ui.expectView("player-position"), 1)),
            exec(s -> s.set("typed", false).set("walking", true)),
            repeat(4).on(
                    when(s -> s.getBoolean("walking") && ui(s).has("player-reflection"), typeReflection()),
                    when(s -> s.getBoolean("walking") && !ui(s).has("player-next"),
                            exec(s -> s.set("walking", false))),
                    when(s -> s.getBoolean("walking"),
                            exec(s -> s.set("position", ui(s).textOf("player-position")))
                                    .exec(step("page:next", ui -> ui.clickId("player-next"),
                                            ui -> ui.expectView("player-position"), 1))
                                    .exec(s -> ui(s).textOf("player-position").equals(s.getString("position"))
                                            ? s.set("walking", false) : s))),
            // Past the reflection (or stopped by a step that needs more): go back to it and add to it.
            repeat(4).on(when(s -> !s.getBoolean("typed") && !ui(s).has("player-reflection")
                            && ui(s).has("player-back"),
                    step("page:back", ui -> ui.clickId("player-back"), ui -> ui.expectView("player-position"), 1))),
            when(s -> !s.getBoolean("typed") && ui(s).has("player-reflection"), typeReflection()),
            page("my-learning", "learn/mine", null),
            page("certificates", "certificates", null));

    /** Typing a reflection: the text is saved as the typing pauses (the field's 600 ms timeout), here twice. */
    ChainBuilder typeReflection() {
        return exec(
                doIf(this::go).then(uidl("autosave:reflection",
                        ui -> ui.typeInto("player-reflection", reflection(ui, false)), null).exec(think(0.5))),
                doIf(this::go).then(uidl("autosave:reflection",
                        ui -> ui.typeInto("player-reflection", reflection(ui, true)), null).exec(think(0.5))),
                exec(s -> s.set("typed", true)));
    }

    static String reflection(VaadinUi ui, boolean more) {
        String before = String.valueOf(ui.byId("player-reflection").map(n -> n.prop("value")).orElse(""));
        if (before.length() > 1500) {
            before = "";
        }
        return before + (before.isEmpty() ? "" : " ") + (more
                ? "Next time I will ask first and listen longer."
                : "Load test reflection: I noticed how quickly I decided what the young people wanted.");
    }

    final ChainBuilder managerRound = exec(
            page("home", "", "home-greeting"),
            step("page:team-progress", ui -> ui.navigate("team"), ui -> {
                ui.expectView(null);
                return ui.has("progress-tabs") || ui.has("progress-empty") ? "ok" : "no team progress on the page";
            }, 1),
            page("my-learning", "learn/mine", null),
            page("notifications", "notifications", null));

    final ChainBuilder authorRound = exec(
            page("home", "", "home-greeting"),
            page("my-modules", "authoring", "new-module-title"),
            step("page:open-draft", ui -> ui.clickNth("^Open$", 0), ui -> ui.expectView("module-title"), 1),
            when(s -> ui(s).has("module-title"), doIf(this::go).then(uidl("autosave:module-title",
                    ui -> ui.typeInto("module-title", "Waiting rooms, edited " + ThreadLocalRandom.current()
                            .nextInt(1000)), null).exec(think(1)))),
            when(s -> ui(s).fieldUnder("step-", "vaadin-text-area").isPresent(),
                    doIf(this::go).then(uidl("autosave:step",
                            ui -> ui.type(ui.fieldUnder("step-", "vaadin-text-area").orElseThrow(),
                                    "Load test: the waiting room, seen from the chair by the door. "
                                            + ThreadLocalRandom.current().nextInt(1000)), null).exec(think(1)))),
            page("my-modules", "authoring", "new-module-title"));

    {
        AtomicInteger learnerCount = new AtomicInteger(1);
        AtomicInteger managerCount = new AtomicInteger(1);
        AtomicInteger authorCount = new AtomicInteger(1);
        HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
                .acceptHeader("*/*")
                .acceptLanguageHeader("en")
                .userAgentHeader("Mozilla/5.0 (encounter-load; Gatling)")
                .disableCaching();
        List<PopulationBuilder> populations = new ArrayList<>();
        Duration during = Duration.ofSeconds(Math.max(1, ramp));
        populations.add(journey("learner", learnerCount, learnerRound)
                .injectOpen(rampUsers(learners).during(during)));
        if (managers > 0) {
            populations.add(journey("manager", managerCount, managerRound)
                    .injectOpen(rampUsers(managers).during(during)));
        }
        if (authors > 0) {
            populations.add(journey("author", authorCount, authorRound)
                    .injectOpen(rampUsers(authors).during(during)));
        }
        setUp(populations).protocols(protocol)
                .maxDuration(Duration.ofSeconds(ramp + settle + hold + idle + 120));
    }

    @Override
    public void before() {
        long windowStart = System.currentTimeMillis() + (ramp + settle) * 1000L;
        long windowEnd = windowStart + hold * 1000L;
        idleEnd = windowEnd + idle * 1000L;
        stats.begin(windowStart, windowEnd);
        System.out.printf("load: %d users (%d learners, %d managers, %d authors) against %s; ramp %d s, window %d s"
                + " after %d s settling, think %.1f s%n", users, learners, managers, authors, baseUrl, ramp, hold,
                settle, think);
    }

    @Override
    public void after() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("users", users);
        config.put("learners", learners);
        config.put("managers", managers);
        config.put("authors", authors);
        config.put("think_s", think);
        config.put("ramp_s", ramp);
        config.put("base_url", baseUrl);
        String summary = stats.summary(config);
        stats.write("summary.properties", summary);
        System.out.println("---- window summary ----");
        System.out.print(summary);
    }
}

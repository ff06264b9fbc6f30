package org.encounter;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Headless Debian Chromium driven by Playwright, with the flags this machine needs. */
public final class BrowserSupport {

    public static final String DOMAIN = "@demo.encounter.example";
    public static final String PASSWORD = "encounter-demo-2026";

    private BrowserSupport() {
    }

    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("chromium.path", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage")));
    }

    /** A phone-sized page (390×844) in its own context, so each person has their own session. */
    public static Page phone(Browser browser) {
        Page page = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true)).newPage();
        page.setDefaultTimeout(20_000);
        return page;
    }

    public static void signIn(Page page, int port, String who) {
        page.navigate("http://localhost:" + port + "/login");
        page.locator("vaadin-login-form input[name=username]").fill(who + DOMAIN);
        page.locator("vaadin-login-form input[name=password]").fill(PASSWORD);
        page.locator("vaadin-login-form vaadin-button").first().click();
        page.locator("#home-greeting").waitFor();
    }

    /** Waits until the condition holds (e.g. an autosave reached the database), at most 15 s. */
    public static void eventually(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 15 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

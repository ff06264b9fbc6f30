package encounter.load;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One user, one request at a time, printing what the server answers: for checking the protocol against a running
 * app before a load run ({@code bench/load.sh probe}). Usage: Probe BASE_URL EMAIL PASSWORD [route...].
 */
public final class Probe {

    static final Pattern META = Pattern.compile("<meta\\s+name=\"(_csrf[a-z_]*)\"\\s+content=\"([^\"]*)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String param = "_csrf", token = null;
        Matcher m = META.matcher(login);
        while (m.find()) {
            if (m.group(1).equals("_csrf")) {
                token = m.group(2);
            } else if (m.group(1).equals("_csrf_parameter")) {
                param = m.group(2);
            }
        }
        System.out.println("login page " + login.length() + " chars, csrf " + param + "=" + token);
        String form = "username=" + enc(args[1]) + "&password=" + enc(args[2]) + (token == null ? "" : "&" + param + "=" + enc(token));
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("sign-in -> " + signIn.statusCode() + " " + signIn.uri());
        VaadinUi ui = new VaadinUi();
        long t0 = System.nanoTime();
        String init = http.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=init&location=&query=")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        System.out.printf("init %d chars in %d ms%n", init.length(), (System.nanoTime() - t0) / 1_000_000);
        if (System.getenv("DUMP") != null) {
            System.out.println(init);
        }
        ui.applyInit(init);
        System.out.println("uiId " + ui.uiId + " syncId " + ui.syncId + " nodes " + ui.nodeCount());
        System.out.println("page: " + VaadinUi.abbreviate(ui.pageText()));
        for (int i = 3; i < args.length; i++) {
            String step = args[i];
            String body;
            if (step.startsWith("click:")) {
                body = ui.clickButton(step.substring(6));
            } else if (step.startsWith("clickid:")) {
                body = ui.clickId(step.substring(8));
            } else if (step.startsWith("type:")) {
                String[] p = step.substring(5).split("=", 2);
                body = ui.typeInto(p[0], p[1]);
            } else {
                body = ui.navigate(step);
            }
            if (System.getenv("DUMP") != null) {
                System.out.println(">> " + body);
            }
            t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + ui.uidlUrl()))
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            System.out.printf("%s -> %d, %d chars in %d ms%n", step, r.statusCode(), r.body().length(),
                    (System.nanoTime() - t0) / 1_000_000);
            if (System.getenv("DUMP") != null) {
                System.out.println(r.body());
            }
            ui.applyResponse(r.body());
            System.out.println("  syncId " + ui.syncId + " clientId " + ui.clientId + " nodes " + ui.nodeCount()
                    + " page: " + VaadinUi.abbreviate(ui.pageText()));
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

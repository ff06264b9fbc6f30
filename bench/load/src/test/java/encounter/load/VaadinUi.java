package encounter.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One browser tab as Vaadin Flow's client sees it: the UI id, the CSRF key of the UI, the sync and client ids of
 * the UIDL exchange, and the state tree the server has sent (tags, properties, attributes, text, children), so the
 * next request can name a button by its text or a field by its id, as a person would find them on the page.
 *
 * <p>It speaks the protocol of Vaadin 25: {@code GET /?v-r=init&location=…} answers the application config with
 * the first UIDL (the view already navigated to); each interaction is a {@code POST /?v-r=uidl&v-uiId=N} of
 * {@code {"csrfToken", "rpc": [...], "syncId", "clientId"}} answered by {@code for(;;);[{...changes...}]}. A router
 * link is the {@code ui-navigate} event on the UI's body (node 1), a click the {@code click} event on the button's
 * node, typing into a field an {@code mSync} of its {@code value} property followed by the DOM event the field
 * synchronises on.
 */
public final class VaadinUi {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Feature ids of Flow's state nodes (NodeFeatureRegistry) used here. */
    static final int ELEMENT_DATA = 0, PROPERTIES = 1, CHILDREN = 2, ATTRIBUTES = 3, LISTENERS = 4, TEXT = 7,
            VIRTUAL_CHILDREN = 24;

    static final class Node {
        final int id;
        final Map<Integer, Map<String, Object>> maps = new HashMap<>();
        final Map<Integer, List<Object>> lists = new HashMap<>();
        int parent = -1;

        Node(int id) {
            this.id = id;
        }

        Map<String, Object> map(int feat) {
            return maps.computeIfAbsent(feat, f -> new HashMap<>());
        }

        List<Object> list(int feat) {
            return lists.computeIfAbsent(feat, f -> new ArrayList<>());
        }

        String tag() {
            Object t = map(ELEMENT_DATA).get("tag");
            return t == null ? null : t.toString();
        }

        String attr(String name) {
            Object v = map(ATTRIBUTES).get(name);
            return v == null ? null : v.toString();
        }

        Object prop(String name) {
            return map(PROPERTIES).get(name);
        }
    }

    private final Map<Integer, Node> nodes = new HashMap<>();
    private final Map<String, JsonNode> constants = new HashMap<>();
    int uiId = -1;
    String csrf;
    int syncId = -1;
    int clientId;
    int historyIndex;
    /** Which of several equal choices (e.g. modules in the catalogue) this user takes. */
    int pick;
    String lastError;
    /** Set after a failed exchange: the next iteration starts with a new tab. */
    boolean broken;

    public boolean ready() {
        return uiId >= 0 && !broken;
    }

    // ---------------------------------------------------------------- responses

    /** The answer to {@code GET /?v-r=init}: the UI's id, its CSRF key and the first UIDL. */
    public String applyInit(String body) {
        return markBrokenOnFailure(() -> {
            nodes.clear();
            constants.clear();
            JsonNode root = JSON.readTree(body);
            JsonNode config = root.path("appConfig");
            if (config.isMissingNode()) {
                throw new IllegalStateException("init answered no appConfig: " + abbreviate(body));
            }
            uiId = config.path("v-uiId").asInt(-1);
            JsonNode uidl = config.path("uidl");
            csrf = uidl.path("Vaadin-Security-Key").asText(null);
            if (uiId < 0 || csrf == null) {
                throw new IllegalStateException("init answered no UI id or security key");
            }
            clientId = 0;
            historyIndex = 0;
            broken = false;
            applyUidl(uidl);
        });
    }

    /** The answer to a UIDL request. Throws (and marks the tab broken) on an error the server reports. */
    public String applyResponse(String body) {
        return markBrokenOnFailure(() -> {
            String json = body.startsWith("for(;;);") ? body.substring(8) : body;
            JsonNode root = JSON.readTree(json);
            applyUidl(root.isArray() ? root.get(0) : root);
        });
    }

    private interface Step {
        void run() throws Exception;
    }

    /** "ok" when the answer applied; otherwise the tab is broken (signed in again at the next round) and it throws. */
    private String markBrokenOnFailure(Step step) {
        try {
            step.run();
            return "ok";
        } catch (RuntimeException e) {
            broken = true;
            throw e;
        } catch (Exception e) {
            broken = true;
            throw new IllegalStateException(e);
        }
    }

    private void applyUidl(JsonNode uidl) {
        JsonNode meta = uidl.path("meta");
        if (meta.has("appError")) {
            throw new IllegalStateException("server error: " + abbreviate(meta.get("appError").toString()));
        }
        if (meta.path("sessionExpired").asBoolean(false)) {
            throw new IllegalStateException("session expired");
        }
        if (uidl.has("syncId")) {
            int next = uidl.get("syncId").asInt();
            if (next == -1) {
                throw new IllegalStateException("server answered syncId -1 (UI gone)");
            }
            syncId = next;
        }
        if (uidl.has("clientId")) {
            clientId = uidl.get("clientId").asInt();
        }
        if (meta.path("async").asBoolean(false)) {
            // pushed message; nothing else to do
        }
        JsonNode consts = uidl.path("constants");
        for (Iterator<Map.Entry<String, JsonNode>> it = consts.fields(); it.hasNext(); ) {
            var e = it.next();
            constants.put(e.getKey(), e.getValue());
        }
        for (JsonNode change : uidl.path("changes")) {
            apply(change);
        }
    }

    private void apply(JsonNode c) {
        int id = c.path("node").asInt();
        String type = c.path("type").asText();
        switch (type) {
            case "attach" -> nodes.computeIfAbsent(id, Node::new);
            case "detach" -> nodes.remove(id);
            case "put" -> {
                Node n = nodes.computeIfAbsent(id, Node::new);
                Object v = c.has("nodeValue") ? (Object) ("#node:" + c.get("nodeValue").asInt()) : value(c.get("value"));
                n.map(c.path("feat").asInt()).put(c.path("key").asText(), v);
            }
            case "remove" -> {
                Node n = nodes.get(id);
                if (n != null) {
                    n.map(c.path("feat").asInt()).remove(c.path("key").asText());
                }
            }
            case "clear" -> {
                Node n = nodes.get(id);
                if (n != null) {
                    int feat = c.path("feat").asInt();
                    n.list(feat).clear();
                    n.map(feat).clear();
                }
            }
            case "splice" -> {
                Node n = nodes.computeIfAbsent(id, Node::new);
                int feat = c.path("feat").asInt();
                List<Object> list = n.list(feat);
                int index = c.path("index").asInt();
                int remove = c.path("remove").asInt(0);
                for (int i = 0; i < remove && index < list.size(); i++) {
                    list.remove(index);
                }
                List<Object> add = new ArrayList<>();
                if (c.has("addNodes")) {
                    for (JsonNode a : c.get("addNodes")) {
                        int child = a.asInt();
                        add.add(child);
                        nodes.computeIfAbsent(child, Node::new).parent = id;
                    }
                } else if (c.has("add")) {
                    for (JsonNode a : c.get("add")) {
                        add.add(value(a));
                    }
                }
                list.addAll(Math.min(index, list.size()), add);
            }
            default -> {
                // other change types (e.g. template bindings) do not matter to a load client
            }
        }
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return v.toString();
    }

    // ---------------------------------------------------------------- finding things on the page

    /** Nodes reachable from the UI's body (node 1), children and virtual children (overlays, dialogs). */
    private List<Node> attached() {
        List<Node> out = new ArrayList<>();
        Node root = nodes.get(1);
        if (root == null) {
            return out;
        }
        ArrayList<Node> stack = new ArrayList<>(List.of(root));
        java.util.HashSet<Integer> seen = new java.util.HashSet<>();
        while (!stack.isEmpty()) {
            Node n = stack.removeLast();
            if (!seen.add(n.id)) {
                continue;
            }
            out.add(n);
            for (int feat : new int[] {CHILDREN, VIRTUAL_CHILDREN}) {
                List<Object> kids = n.lists.get(feat);
                if (kids != null) {
                    for (Object k : kids) {
                        if (k instanceof Integer kid && nodes.containsKey(kid)) {
                            stack.add(nodes.get(kid));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The text a person sees inside a node: its own text and that of its descendants. */
    String text(Node n) {
        StringBuilder sb = new StringBuilder();
        text(n, sb, 0);
        return sb.toString().replaceAll("\\s+", " ").trim();
    }

    private void text(Node n, StringBuilder sb, int depth) {
        if (depth > 40) {
            return;
        }
        Object t = n.map(TEXT).get("text");
        if (t != null) {
            sb.append(t).append(' ');
        }
        Object inner = n.prop("innerHTML");
        if (inner != null) {
            sb.append(inner.toString().replaceAll("<[^>]+>", " ")).append(' ');
        }
        for (int feat : new int[] {CHILDREN, VIRTUAL_CHILDREN}) {
            List<Object> kids = n.lists.get(feat);
            if (kids != null) {
                for (Object k : kids) {
                    if (k instanceof Integer kid && nodes.containsKey(kid)) {
                        text(nodes.get(kid), sb, depth + 1);
                    }
                }
            }
        }
    }

    public Optional<Node> find(Predicate<Node> p) {
        return attached().stream().filter(p).findFirst();
    }

    public List<Node> findAll(Predicate<Node> p) {
        return attached().stream().filter(p).toList();
    }

    public Optional<Node> byId(String id) {
        return find(n -> id.equals(n.attr("id")));
    }

    public boolean has(String id) {
        return byId(id).isPresent();
    }

    /** Buttons whose visible text matches (case-insensitive, anywhere in the text). */
    public List<Node> buttons(String textRegex) {
        Pattern p = Pattern.compile(textRegex, Pattern.CASE_INSENSITIVE);
        return findAll(n -> "vaadin-button".equals(n.tag()) && p.matcher(text(n)).find()
                && !Boolean.TRUE.equals(n.prop("disabled")) && n.attr("hidden") == null);
    }

    public Optional<Node> button(String textRegex) {
        List<Node> all = buttons(textRegex);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    /** The n-th (modulo their number) button whose text matches: a person picking one of several. */
    public String clickNth(String textRegex, int n) {
        List<Node> all = buttons(textRegex);
        if (all.isEmpty()) {
            throw new IllegalStateException("no button /" + textRegex + "/ on the page: " + abbreviate(pageText()));
        }
        return click(all.get(Math.floorMod(n, all.size())));
    }

    /** The first element with the tag inside an element whose id starts with the prefix (e.g. a step's text). */
    public Optional<Node> fieldUnder(String idPrefix, String tag) {
        return find(n -> tag.equals(n.tag()) && hasAncestorId(n, idPrefix));
    }

    private boolean hasAncestorId(Node n, String prefix) {
        for (int i = 0, p = n.parent; i < 60 && p >= 0; i++) {
            Node a = nodes.get(p);
            if (a == null) {
                return false;
            }
            String id = a.attr("id");
            if (id != null && id.startsWith(prefix)) {
                return true;
            }
            p = a.parent;
        }
        return false;
    }

    /** The view is not the sign-in page, nor "not found" / "access denied" / an error. */
    public String expectView(String id) {
        if (has("login-notice")) {
            throw new IllegalStateException("signed out: the sign-in page is shown");
        }
        if (has("not-found")) {
            throw new IllegalStateException("error view: " + abbreviate(pageText()));
        }
        if (id != null && !id.isEmpty() && !has(id)) {
            throw new IllegalStateException("expected #" + id + " on the page: " + abbreviate(pageText()));
        }
        return "ok";
    }

    public String textOf(String id) {
        return byId(id).map(this::text).orElse("");
    }

    /** All visible text of the page, for a check that a view really is there. */
    public String pageText() {
        Node root = nodes.get(1);
        return root == null ? "" : text(root);
    }

    public int nodeCount() {
        return nodes.size();
    }

    // ---------------------------------------------------------------- requests

    public String uidlUrl() {
        return "/?v-r=uidl&v-uiId=" + uiId;
    }

    /** A UIDL message carrying the given invocations; counts the message for the next one. */
    public String message(ArrayNode rpc) {
        ObjectNode m = JSON.createObjectNode();
        m.put("csrfToken", csrf);
        m.set("rpc", rpc);
        m.put("syncId", syncId);
        m.put("clientId", clientId);
        clientId++;
        return m.toString();
    }

    /** Following a router link (what Flow's client sends when a link in the menu is clicked). */
    public String navigate(String route) {
        ArrayNode rpc = JSON.createArrayNode();
        ObjectNode e = rpc.addObject();
        e.put("type", "event");
        e.put("node", 1);
        e.put("event", "ui-navigate");
        ObjectNode data = e.putObject("data");
        data.put("route", route);
        data.put("query", "");
        data.put("appShellTitle", "");
        data.putObject("historyState").put("idx", ++historyIndex);
        data.put("trigger", "");
        return message(rpc);
    }

    /** A click on a button (by its node), with the mouse event data a click listener asks for. */
    public String click(Node button) {
        ArrayNode rpc = JSON.createArrayNode();
        ObjectNode e = rpc.addObject();
        e.put("type", "event");
        e.put("node", button.id);
        e.put("event", "click");
        ObjectNode data = e.putObject("data");
        data.put("event.shiftKey", false);
        data.put("event.metaKey", false);
        data.put("event.detail", 1);
        data.put("event.ctrlKey", false);
        data.put("event.clientX", 40);
        data.put("event.clientY", 20);
        data.put("event.altKey", false);
        data.put("event.button", 0);
        data.put("event.screenY", 120);
        data.put("event.screenX", 40);
        return message(rpc);
    }

    public String clickButton(String textRegex) {
        return click(button(textRegex).orElseThrow(() -> new IllegalStateException(
                "no button /" + textRegex + "/ on the page: " + abbreviate(pageText()))));
    }

    public String clickId(String id) {
        return click(byId(id).orElseThrow(() -> new IllegalStateException("no #" + id + " on the page")));
    }

    /**
     * Typing into a field: the new value synchronised ({@code mSync} of {@code value}) together with the DOM event
     * the field's value-change mode listens to ({@code value-changed} for eager, lazy and timeout modes,
     * {@code change} otherwise), as Flow's client sends them when the debounce fires.
     */
    public String type(Node field, String value) {
        ArrayNode rpc = JSON.createArrayNode();
        ObjectNode sync = rpc.addObject();
        sync.put("type", "mSync");
        sync.put("node", field.id);
        sync.put("feature", PROPERTIES);
        sync.put("property", "value");
        sync.put("value", value);
        Map<String, Object> listeners = field.map(LISTENERS);
        for (String event : new String[] {"value-changed", "change"}) {
            if (listeners.containsKey(event)) {
                ObjectNode e = rpc.addObject();
                e.put("type", "event");
                e.put("node", field.id);
                e.put("event", event);
                e.putObject("data");
            }
        }
        field.map(PROPERTIES).put("value", value);
        return message(rpc);
    }

    public String typeInto(String id, String value) {
        return type(byId(id).orElseThrow(() -> new IllegalStateException("no field #" + id + " on the page")), value);
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}

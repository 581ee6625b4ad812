package dev.egressguard.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A stand-in for Azure Resource Manager on 127.0.0.1 (plain HTTP, or HTTPS with {@link #https()}):
 * scripted answers per request, every request recorded. An unscripted request gets ARM's 404 and
 * is kept in {@link #unmatched()}.
 */
final class FakeArm implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A request as received; {@code authorization} is its Authorization header, or null. */
    record Request(String method, String path, Map<String, String> query, String body, String authorization) {
        String skipToken() {
            return query.get("$skipToken");
        }
    }

    record Reply(int status, String body, Map<String, String> headers) {
        static Reply json(JsonNode body) {
            return new Reply(200, body.toString(), Map.of());
        }

        static Reply status(int status, String code, String message) {
            ObjectNode root = JSON.createObjectNode();
            root.putObject("error").put("code", code).put("message", message);
            return new Reply(status, root.toString(), Map.of());
        }

        Reply header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, h);
        }
    }

    private record Route(Predicate<Request> matches, Deque<Reply> replies) {
    }

    private final HttpServer server;
    private final List<Route> routes = Collections.synchronizedList(new ArrayList<>());
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Request> unmatched = Collections.synchronizedList(new ArrayList<>());

    FakeArm() {
        this(null);
    }

    private FakeArm(javax.net.ssl.SSLContext tls) {
        try {
            InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            if (tls == null) {
                server = HttpServer.create(loopback, 0);
            } else {
                HttpsServer https = HttpsServer.create(loopback, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The same fake over HTTPS, with {@link SelfSignedTls}'s certificate: what the SDK's bearer-token policy and MSAL require. */
    static FakeArm https() {
        return new FakeArm(SelfSignedTls.get().serverContext);
    }

    URI endpoint() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Answers Entra ID's token request for {@code tenant} (client credentials, as MSAL sends it)
     * with {@code accessToken}.
     */
    FakeArm tokenEndpoint(String tenant, String accessToken) {
        ObjectNode body = JSON.createObjectNode().put("token_type", "Bearer").put("expires_in", 3599)
                .put("ext_expires_in", 3599).put("access_token", accessToken);
        return on(r -> r.method().equals("POST") && r.path().equals("/" + tenant + "/oauth2/v2.0/token"), Reply.json(body));
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> unmatched() {
        return List.copyOf(unmatched);
    }

    /**
     * Answers requests that match with these replies in turn; the last one keeps answering.
     */
    FakeArm on(Predicate<Request> matches, Reply... replies) {
        routes.add(0, new Route(matches, new ArrayDeque<>(List.of(replies))));
        return this;
    }

    static Predicate<Request> get(String path, String apiVersion) {
        return r -> r.method().equals("GET") && r.path().equalsIgnoreCase(path)
                && apiVersion.equals(r.query().get("api-version")) && r.skipToken() == null;
    }

    static Predicate<Request> getPage(String path, String apiVersion, String skipToken) {
        return r -> r.method().equals("GET") && r.path().equalsIgnoreCase(path)
                && apiVersion.equals(r.query().get("api-version")) && skipToken.equals(r.skipToken());
    }

    /** A Resource Graph query on {@code table} ({@code resources}, {@code resourcecontainers}...) at this page. */
    static Predicate<Request> graph(String table, String skipToken) {
        return r -> {
            if (!r.method().equals("POST") || !r.path().equalsIgnoreCase("/providers/Microsoft.ResourceGraph/resources")
                    || !"2021-03-01".equals(r.query().get("api-version"))) {
                return false;
            }
            JsonNode body = readTree(r.body());
            String query = body.path("query").asText();
            String token = body.path("options").path("$skipToken").asText(null);
            return query.startsWith(table + " ") && java.util.Objects.equals(token, skipToken);
        };
    }

    /** Serves {@code items} at {@code path} as a list of {@code pageSize} items a page, linked by nextLink. */
    FakeArm list(String path, String apiVersion, List<JsonNode> items, int pageSize) {
        int pages = Math.max(1, (items.size() + pageSize - 1) / pageSize);
        for (int p = 0; p < pages; p++) {
            ObjectNode page = JSON.createObjectNode();
            ArrayNode value = page.putArray("value");
            items.subList(p * pageSize, Math.min(items.size(), (p + 1) * pageSize)).forEach(value::add);
            if (p + 1 < pages) {
                page.put("nextLink", endpoint() + path + "?api-version=" + apiVersion + "&$skipToken=page" + (p + 1));
            }
            on(p == 0 ? get(path, apiVersion) : getPage(path, apiVersion, "page" + p), Reply.json(page));
        }
        return this;
    }

    FakeArm list(String path, String apiVersion, List<JsonNode> items) {
        return list(path, apiVersion, items, 1000);
    }

    /** Every type the list mode reads, empty, for one subscription. */
    FakeArm emptySubscription(String subscriptionId) {
        for (ListedType t : ListedType.ALL) {
            list(typePath(subscriptionId, t.type()), t.apiVersion(), List.of());
        }
        return this;
    }

    static String typePath(String subscriptionId, String type) {
        return "/subscriptions/" + subscriptionId + "/providers/" + type;
    }

    FakeArm subscriptions(String tenantId, String... ids) {
        List<JsonNode> items = new ArrayList<>();
        for (String id : ids) {
            items.add(JSON.createObjectNode().put("id", "/subscriptions/" + id).put("subscriptionId", id)
                    .put("tenantId", tenantId).put("displayName", "Sub " + id.substring(0, 4)).put("state", "Enabled"));
        }
        return list("/subscriptions", "2022-12-01", items);
    }

    static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text == null || text.isEmpty() ? "{}" : text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] in;
            try (InputStream body = exchange.getRequestBody()) {
                in = body.readAllBytes();
            }
            URI uri = exchange.getRequestURI();
            Request request = new Request(exchange.getRequestMethod(), uri.getPath(), query(uri.getRawQuery()),
                    new String(in, StandardCharsets.UTF_8), exchange.getRequestHeaders().getFirst("Authorization"));
            requests.add(request);
            if (Boolean.getBoolean("fakearm.trace")) {
                System.out.println(System.currentTimeMillis() % 100000 + " " + request.method() + " " + uri);
            }
            Reply reply = null;
            synchronized (routes) {
                for (Route route : routes) {
                    if (route.matches().test(request)) {
                        reply = route.replies().size() > 1 ? route.replies().poll() : route.replies().peek();
                        break;
                    }
                }
            }
            if (reply == null) {
                unmatched.add(request);
                reply = Reply.status(404, "NotFound", "no fake answer for " + request.method() + " " + uri);
            }
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

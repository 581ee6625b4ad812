package dev.egressguard.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Entra ID and Azure Resource Manager on 127.0.0.1 over HTTPS, as far as an audit of one
 * subscription needs them: the token endpoint of a tenant (client credentials), the subscription
 * list, and a list for every resource type (empty unless given), plus subscriptions that answer
 * 403 ({@link #forbid}). The certificate is made by keytool for the run;
 * {@link #trustStore()} is the file a JVM trusts it through ({@code -Djavax.net.ssl.trustStore}).
 */
public final class FakeAzure implements AutoCloseable {

    public static final String PASSWORD = "changeit";

    /** A request as received; {@code authorization} is its Authorization header, or null. */
    public record Request(String method, String path, String body, String authorization) {
    }

    private final Path keyStore;
    private final String tenant;
    private final String subscription;
    private final String token;
    private final HttpsServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> listings;
    private final java.util.Set<String> forbidden = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public FakeAzure(Path dir, String tenant, String subscription, String token) {
        this(dir, tenant, subscription, token, Map.of());
    }

    /**
     * With {@code listings}: resource type ({@code Microsoft.Compute/virtualMachineScaleSets}) to
     * the JSON array the subscription's list of that type answers; every other type lists nothing.
     * The plugin's tests use it through this module's test jar.
     */
    public FakeAzure(Path dir, String tenant, String subscription, String token, Map<String, String> listings) {
        this.listings = Map.copyOf(listings);
        this.tenant = tenant;
        this.subscription = subscription;
        this.token = token;
        try {
            keyStore = selfSigned(dir);
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls(keyStore)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Lists {@code other} among the subscriptions too, but answers every request under it with 403
     * AuthorizationFailed, as ARM answers an identity without Reader there.
     */
    public FakeAzure forbid(String other) {
        forbidden.add(other);
        return this;
    }

    public URI endpoint() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The key store, which a JVM may use as its trust store: its certificate is the fake's. */
    public Path trustStore() {
        return keyStore;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private static Path selfSigned(Path dir) throws IOException, InterruptedException {
        Path store = dir.resolve("fake-azure.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "fake", "-keyalg", "EC",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1,DNS:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + Files.readString(dir.resolve("keytool.log")));
        }
        return store;
    }

    private static SSLContext tls(Path store) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(method, path, body, exchange.getRequestHeaders().getFirst("Authorization")));
            int status = 200;
            String reply;
            if (method.equals("POST") && path.equals("/" + tenant + "/oauth2/v2.0/token")) {
                reply = "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\""
                        + token + "\"}";
            } else if (method.equals("GET") && path.equals("/subscriptions")) {
                List<String> all = new ArrayList<>(List.of(subscription));
                all.addAll(forbidden);
                reply = "{\"value\":[" + String.join(",", all.stream().map(id -> "{\"id\":\"/subscriptions/" + id
                        + "\",\"subscriptionId\":\"" + id + "\",\"tenantId\":\"" + tenant
                        + "\",\"displayName\":\"Fake\",\"state\":\"Enabled\"}").toList()) + "]}";
            } else if (method.equals("GET") && forbidden.stream().anyMatch(id -> path.startsWith("/subscriptions/" + id + "/"))) {
                status = 403;
                reply = "{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"The client does not have"
                        + " authorization to perform action over scope '" + path.substring(0, path.indexOf('/', 15)) + "'\"}}";
            } else if (method.equals("GET") && path.startsWith("/subscriptions/" + subscription + "/providers/")
                    && listings.containsKey(path.substring(("/subscriptions/" + subscription + "/providers/").length()))) {
                reply = "{\"value\":" + listings.get(path.substring(("/subscriptions/" + subscription + "/providers/").length()))
                        + "}";
            } else if (method.equals("GET") && path.startsWith("/subscriptions/" + subscription + "/")) {
                reply = "{\"value\":[]}";
            } else {
                status = 404;
                reply = "{\"error\":{\"code\":\"NotFound\",\"message\":\"no fake answer for " + method + " " + path + "\"}}";
            }
            byte[] out = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

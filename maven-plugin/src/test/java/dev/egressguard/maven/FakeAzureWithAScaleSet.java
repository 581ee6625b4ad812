package dev.egressguard.maven;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Entra ID and Azure Resource Manager on 127.0.0.1 over HTTPS, for an audit of one subscription
 * that holds one scale set giving its instances public IPs: the token endpoint of a tenant (client
 * credentials), the subscription list, the scale set, and an empty list for every other resource
 * type. As the CLI's FakeAzure, which its end-to-end tests run in a JVM of their own; the
 * certificate is made by keytool for the run, {@link #trustStore()} is the file to trust it through.
 */
final class FakeAzureWithAScaleSet implements AutoCloseable {

    static final String PASSWORD = "changeit";

    /** A request as received; {@code authorization} is its Authorization header, or null. */
    record Request(String method, String path, String body, String authorization) {
    }

    private final Path keyStore;
    private final String tenant;
    private final String subscription;
    private final String token;
    private final HttpsServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    FakeAzureWithAScaleSet(Path dir, String tenant, String subscription, String token) {
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

    URI endpoint() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The key store, which a JVM may use as its trust store: its certificate is the fake's. */
    Path trustStore() {
        return keyStore;
    }

    List<Request> requests() {
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
                reply = "{\"value\":[{\"id\":\"/subscriptions/" + subscription + "\",\"subscriptionId\":\"" + subscription
                        + "\",\"tenantId\":\"" + tenant + "\",\"displayName\":\"Fake\",\"state\":\"Enabled\"}]}";
            } else if (method.equals("GET") && path.equals("/subscriptions/" + subscription
                    + "/providers/Microsoft.Compute/virtualMachineScaleSets")) {
                reply = "{\"value\":[" + scaleSet() + "]}";
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

    /** A scale set that gives every instance a public IP: EG001 fails on it. */
    private String scaleSet() {
        return """
                {"id": "/subscriptions/%1$s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/workers",
                 "name": "workers", "type": "Microsoft.Compute/virtualMachineScaleSets", "location": "westeurope",
                 "properties": {"virtualMachineProfile": {"networkProfile": {"networkInterfaceConfigurations": [
                   {"name": "nic", "properties": {"primary": true, "ipConfigurations": [
                     {"name": "ip", "properties": {
                       "subnet": {"id": "/subscriptions/%1$s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/nodes"},
                       "publicIPAddressConfiguration": {"name": "pip", "properties": {}}}}]}}]}}}}
                """.formatted(subscription);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

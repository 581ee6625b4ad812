package dev.egressguard.azure;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A key pair and self-signed certificate for 127.0.0.1, made by the JDK's keytool when a test asks
 * (nothing secret is kept in the repository): the fake serves HTTPS with it, and the client trusts
 * exactly this certificate, since the SDK sends a token over https only.
 */
final class SelfSignedTls {

    static final char[] PASSWORD = "changeit".toCharArray();

    private static SelfSignedTls shared;

    final Path keyStore;
    final X509Certificate certificate;
    final SSLContext serverContext;

    private SelfSignedTls(Path keyStore) throws IOException, GeneralSecurityException {
        this.keyStore = keyStore;
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, PASSWORD);
        }
        this.certificate = (X509Certificate) ks.getCertificate("fake");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        this.serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
    }

    /** One certificate for the whole test run: keytool takes a second. */
    static synchronized SelfSignedTls get() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("egress-fake-tls");
                Path store = dir.resolve("fake.p12");
                String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
                Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "fake", "-keyalg", "EC",
                        "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1,DNS:localhost", "-validity", "2",
                        "-storetype", "PKCS12", "-keystore", store.toString(),
                        "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
                        .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("keytool failed: " + Files.readString(dir.resolve("keytool.log")));
                }
                shared = new SelfSignedTls(store);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }
}

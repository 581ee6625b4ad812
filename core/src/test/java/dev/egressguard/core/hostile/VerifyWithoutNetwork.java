package dev.egressguard.core.hostile;

import java.security.Permission;

/**
 * Runs {@link VerifyInBoundedHeap} under a security manager that refuses every connection and
 * host name lookup and prints it as {@code NETWORK host:port}. Java 17 has no pluggable name
 * resolver (that came in Java 18), but {@code InetAddress} asks the security manager's
 * {@code checkConnect(host, -1)} before it resolves a name, and sockets and URL connections ask
 * it before they connect: so nothing leaves the machine, and the test sees that it was tried.
 */
public final class VerifyWithoutNetwork {

    /** In place of a project root: make one lookup, to show that the watcher sees it. */
    static final String SELF_TEST = "--self-test";

    private VerifyWithoutNetwork() {
    }

    @SuppressWarnings("removal") // The only hook Java 17 has; the test runs it in a JVM of its own.
    public static void main(String[] args) {
        System.setSecurityManager(new SecurityManager() {
            @Override
            public void checkConnect(String host, int port) {
                System.out.println("NETWORK " + host + ":" + port);
                throw new SecurityException("no network use while verifying: " + host + ":" + port);
            }

            @Override
            public void checkConnect(String host, int port, Object context) {
                checkConnect(host, port);
            }

            @Override
            public void checkPermission(Permission perm) {
                // Everything else is allowed: only the network is watched.
            }

            @Override
            public void checkPermission(Permission perm, Object context) {
            }
        });
        if (args[0].equals(SELF_TEST)) {
            try {
                java.net.InetAddress.getByName("some-name.example.invalid");
            } catch (SecurityException | java.net.UnknownHostException e) {
                System.out.println("LOOKUP REFUSED");
            }
            return;
        }
        VerifyInBoundedHeap.main(args);
    }
}

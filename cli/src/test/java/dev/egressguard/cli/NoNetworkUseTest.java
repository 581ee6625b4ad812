package dev.egressguard.cli;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.egressguard.core.EgressGuard;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates come from pull requests, forks too: nothing that reads or evaluates them may resolve
 * a host name or open a connection (a name lookup alone sends a DNS query a template chose). Only
 * the live audit talks to Azure, and it lives in dev.egressguard.azure. This scans the bytecode
 * of core, rules and the CLI as this module's tests see them; the core's hostile tests check the
 * same at run time under a security manager.
 */
class NoNetworkUseTest {

    /** Methods that resolve names or connect, by the class that declares them. */
    private static final Map<String, Set<String>> FORBIDDEN = Map.of(
            "java.net.InetAddress", Set.of("getByName", "getAllByName", "getLocalHost", "getCanonicalHostName",
                    "getHostName", "isReachable"),
            // URL.equals and hashCode resolve the host to compare it.
            "java.net.URL", Set.of("openConnection", "openStream", "getContent", "equals", "hashCode"),
            "java.net.URLConnection", Set.of("connect", "getInputStream", "getOutputStream"),
            "java.net.Socket", Set.of("<init>", "connect"),
            "java.net.ServerSocket", Set.of("<init>", "bind"),
            "java.net.DatagramSocket", Set.of("<init>", "connect", "send"),
            // new InetSocketAddress(host, port) resolves host.
            "java.net.InetSocketAddress", Set.of("<init>"),
            "java.net.http.HttpClient", Set.of("newHttpClient", "newBuilder"),
            "java.nio.channels.SocketChannel", Set.of("open"),
            "java.nio.channels.DatagramChannel", Set.of("open"));

    private static final DescribedPredicate<JavaAccess<?>> NETWORK_USE = DescribedPredicate.describe(
            "a name lookup or a network connection", access -> {
                AccessTarget target = access.getTarget();
                return FORBIDDEN.entrySet().stream().anyMatch(e -> target.getOwner().isAssignableTo(e.getKey())
                        && e.getValue().contains(target.getName()));
            });

    @Test
    void checkingCodeNeverResolvesNamesNorConnects() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.egressguard");
        assertThat(classes.contain(EgressGuard.class) && classes.contain(Main.class))
                .as("the scan sees the core and the CLI").isTrue();

        noClasses().that().resideInAPackage("dev.egressguard..").and().resideOutsideOfPackage("dev.egressguard.azure..")
                .should().accessTargetWhere(NETWORK_USE).check(classes);
    }
}

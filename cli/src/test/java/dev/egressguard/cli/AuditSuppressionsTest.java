package dev.egressguard.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code egress audit} finds its suppression file as {@code verify} does (one option set, one core
 * resolution): the file given, else {@code egress-suppressions.yaml} in the current directory. A
 * suppression that matches nothing of the fake's empty subscription is reported as stale, which
 * shows the file was read.
 */
class AuditSuppressionsTest {

    private static final String TENANT = "aaaaaaaa-0000-0000-0000-000000000001";
    private static final String SUB = "11111111-1111-1111-1111-111111111111";
    private static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOi.fake-access-token";
    private static final String SUPPRESSION = """
            suppressions:
              - rule: EG001
                resource: "*/virtualMachineScaleSets/bastion"
                justification: Bastion pool, approved in SEC-42
            """;

    @TempDir
    Path dir;

    private FakeAzure fake;

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void readsTheConventionalSuppressionFileAsVerifyDoes() throws IOException {
        fake = new FakeAzure(dir, TENANT, SUB, TOKEN);
        Files.writeString(dir.resolve("egress-suppressions.yaml"), SUPPRESSION);

        Run run = audit();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("egress-suppressions.yaml", "stale suppression");
    }

    @Test
    void readsTheSuppressionFileGivenInstead() throws IOException {
        fake = new FakeAzure(dir, TENANT, SUB, TOKEN);
        Files.writeString(dir.resolve("egress-suppressions.yaml"), "suppressions: []\n");
        Files.writeString(dir.resolve("live.yaml"), SUPPRESSION);

        Run run = audit("--suppressions", "live.yaml");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("live.yaml", "stale suppression").doesNotContain("egress-suppressions.yaml");
    }

    private Run audit(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("audit", "--authority-host", fake.endpoint().toString(),
                "--arm-endpoint", fake.endpoint().toString(), "--subscriptions", SUB, "--format", "console"));
        args.addAll(List.of(more));
        List<String> trust = List.of("-Djavax.net.ssl.trustStore=" + fake.trustStore(),
                "-Djavax.net.ssl.trustStorePassword=" + FakeAzure.PASSWORD, "-Djavax.net.ssl.trustStoreType=PKCS12");
        Map<String, String> servicePrincipal = Map.of("AZURE_TENANT_ID", TENANT,
                "AZURE_CLIENT_ID", "cccccccc-0000-0000-0000-000000000002", "AZURE_CLIENT_SECRET", "not-a-real-secret");
        return EgressProcess.run(dir, servicePrincipal, trust, args.toArray(String[]::new));
    }
}

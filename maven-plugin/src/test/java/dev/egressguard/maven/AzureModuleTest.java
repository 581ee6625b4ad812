package dev.egressguard.maven;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What egress:audit says when the Azure module cannot be resolved (the resolution itself is the ITs'). */
class AzureModuleTest {

    private static final String COORDINATES = "dev.egressguard:egress-guard-azure:1.2.3";

    @Test
    void offlineTheMessageNamesTheArtifactAndHowToGetIt() {
        String message = AzureModule.unresolvable(COORDINATES,
                "Could not find artifact dev.egressguard:egress-guard-azure:jar:1.2.3 before..", true);

        assertThat(message).isEqualTo("Egress Guard audit: egress:audit reads Azure through " + COORDINATES
                + " and its dependencies, which Maven resolves only for this goal, and they could not be resolved:"
                + " Could not find artifact dev.egressguard:egress-guard-azure:jar:1.2.3 before."
                + " Maven runs offline (-o) and the module or part of the Azure SDK is not in the local repository:"
                + " run the audit once without -o, or fetch it with 'mvn dependency:get -Dartifact=" + COORDINATES + "'.");
    }

    @Test
    void onlineTheMessagePointsAtTheRepositories() {
        String message = AzureModule.unresolvable(COORDINATES, "Could not transfer artifact", false);

        assertThat(message).contains("could not be resolved: Could not transfer artifact. ")
                .contains("plugin repositories of your settings.xml")
                .doesNotContain("offline");
    }
}

package dev.egressguard.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Properties;

/** Who wrote a report: SARIF's tool.driver and the JSON report's "tool". */
public record ToolInfo(String name, String version, String informationUri) {

    public static final String NAME = "Egress Guard";
    public static final String INFORMATION_URI = "https://github.com/egress-guard/egress-guard";
    /** The version when the classes do not come from a released jar (an IDE, target/classes). */
    public static final String DEVELOPMENT_VERSION = "0.0.0-dev";

    private static final String POM_PROPERTIES = "/META-INF/maven/dev.egressguard/egress-guard-core/pom.properties";

    public ToolInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(informationUri, "informationUri");
    }

    /** This build of Egress Guard, its version read from the jar's Maven descriptor. */
    public static ToolInfo current() {
        return new ToolInfo(NAME, versionFromJar(), INFORMATION_URI);
    }

    private static String versionFromJar() {
        try (InputStream in = ToolInfo.class.getResourceAsStream(POM_PROPERTIES)) {
            return versionFrom(in);
        } catch (IOException e) {
            return DEVELOPMENT_VERSION;
        }
    }

    /** The {@code version} of a Maven descriptor (pom.properties); the development version without one. */
    static String versionFrom(InputStream pomProperties) throws IOException {
        if (pomProperties == null) {
            return DEVELOPMENT_VERSION;
        }
        Properties p = new Properties();
        p.load(pomProperties);
        String v = p.getProperty("version");
        return v == null || v.isBlank() ? DEVELOPMENT_VERSION : v.trim();
    }
}

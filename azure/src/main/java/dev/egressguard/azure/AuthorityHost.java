package dev.egressguard.azure;

import com.azure.core.util.Configuration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where the audit signs in (the Entra ID authority host) and where that choice came from. The
 * precedence is the one every Azure tool follows: an explicit value (the CLI's
 * {@code --authority-host}, the plugin's {@code authorityHost}) wins over the environment variable
 * {@code AZURE_AUTHORITY_HOST}, which wins over the chosen cloud's own host.
 *
 * @param uri    the authority host, e.g. {@code https://login.microsoftonline.com/}
 * @param origin where it came from, for messages
 */
public record AuthorityHost(URI uri, Origin origin) {

    /** The variable azure-identity reads; read here too, so that choosing a cloud does not override it. */
    public static final String VARIABLE = Configuration.PROPERTY_AZURE_AUTHORITY_HOST;

    /**
     * Entra ID's own hosts, which MSAL's instance discovery knows. Any other host (Azure Stack Hub,
     * a private cloud, a test's stand-in) would make MSAL ask login.microsoftonline.com to validate
     * it: unreachable from such a network, and a request that has no business leaving it.
     */
    private static final Set<String> ENTRA_HOSTS = Set.of(
            "login.microsoftonline.com", "login.microsoft.com", "login.windows.net", "sts.windows.net",
            "login.chinacloudapi.cn", "login.partner.microsoftonline.cn",
            "login.microsoftonline.us", "login.usgovcloudapi.net",
            "login.microsoftonline.de");

    /** Where an authority host was taken from. */
    public enum Origin {
        /** Given explicitly: a flag, a plugin parameter, the builder. */
        GIVEN("the authority host"),
        /** The environment variable {@code AZURE_AUTHORITY_HOST}. */
        ENVIRONMENT(VARIABLE),
        /** The chosen cloud's default. */
        CLOUD("the cloud's authority host");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        /** How a message names the value. */
        public String label() {
            return label;
        }
    }

    public AuthorityHost {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(origin, "origin");
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            // MSAL refuses other schemes later, with a message that names neither the value nor its source.
            throw new IllegalArgumentException(origin.label() + " " + uri
                    + " is not an https URL: a token is only asked for over https");
        }
    }

    /** The explicit value if there is one, else {@code AZURE_AUTHORITY_HOST} from the configuration, else the cloud's. */
    static AuthorityHost resolve(URI given, Configuration configuration, String cloudDefault) {
        if (given != null) {
            return new AuthorityHost(given, Origin.GIVEN);
        }
        String fromEnvironment = configuration.get(VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new AuthorityHost(parse(fromEnvironment.trim()), Origin.ENVIRONMENT);
        }
        return new AuthorityHost(URI.create(cloudDefault), Origin.CLOUD);
    }

    private static URI parse(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(VARIABLE + " '" + text + "' is not a URL: " + e.getReason(), e);
        }
    }

    /** Whether this is one of Entra ID's own hosts; only then does MSAL's instance discovery stay on. */
    public boolean isEntraId() {
        return ENTRA_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT)) && uri.getPort() == -1;
    }

    @Override
    public String toString() {
        return uri + " (" + origin.label() + ")";
    }
}

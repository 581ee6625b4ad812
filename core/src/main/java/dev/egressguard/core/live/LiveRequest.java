package dev.egressguard.core.live;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What to read, as a user gave it; the {@link LiveSource} checks the values (an id's form, scopes
 * that exclude each other) because only it knows the cloud's rules. The shells (CLI, Maven plugin)
 * make it with {@link #of} and {@link Mode#parse}, so both read flags and parameters the same way.
 *
 * @param subscriptions   subscription ids; empty means every subscription the identity can see
 * @param managementGroup a management group to read instead of subscriptions, or null
 * @param mode            how to read, or null for the source's default (list, or Resource Graph for a management group)
 * @param tenantId        the directory for portal links, or null to take it from the subscription list
 * @param endpoint        the Resource Manager endpoint (Azure Stack Hub, a private cloud), or null for the cloud's
 * @param cloud           the cloud by its {@code az cloud} name ({@code AzureChinaCloud}...), or null for the public cloud
 * @param authorityHost   where to sign in, or null for {@code AZURE_AUTHORITY_HOST}, else the cloud's
 * @param progress        whether the source may draw a progress line
 */
public record LiveRequest(List<String> subscriptions, String managementGroup, Mode mode, String tenantId, URI endpoint,
                          String cloud, URI authorityHost, Progress progress) {

    private static final String MANAGEMENT_GROUP_SCOPE = "/providers/Microsoft.Management/managementGroups/";
    private static final String SUBSCRIPTION_SCOPE = "/subscriptions/";

    public LiveRequest {
        subscriptions = List.copyOf(subscriptions);
        progress = progress == null ? Progress.NONE : progress;
    }

    /** A request without a progress line, as a build log wants it. */
    public LiveRequest(List<String> subscriptions, String managementGroup, Mode mode, String tenantId, URI endpoint,
                       String cloud, URI authorityHost) {
        this(subscriptions, managementGroup, mode, tenantId, endpoint, cloud, authorityHost, Progress.NONE);
    }

    /** A request in the public cloud, or at an endpoint, signing in where the environment says. */
    public LiveRequest(List<String> subscriptions, String managementGroup, Mode mode, String tenantId, URI endpoint) {
        this(subscriptions, managementGroup, mode, tenantId, endpoint, null, null);
    }

    /**
     * The request for what a user typed: subscription values may each hold several comma-separated
     * ids ({@code -Degress.subscriptions=a,b} arrives as one); blank ids and blank texts count as
     * not given, and every text is trimmed. The ids' form is left to the source.
     */
    public static LiveRequest of(List<String> subscriptions, String managementGroup, Mode mode, String tenantId,
                                 URI endpoint, String cloud, URI authorityHost, Progress progress) {
        return new LiveRequest(ids(subscriptions), given(managementGroup), mode, given(tenantId), endpoint,
                given(cloud), authorityHost, progress);
    }

    /**
     * The scopes this request names, as ARM writes them ({@code /subscriptions/<id>},
     * {@code /providers/Microsoft.Management/managementGroups/<id>}); empty when it leaves the
     * choice to the source (every subscription the identity sees).
     */
    public List<String> namedScopes() {
        if (managementGroup != null) {
            return List.of(MANAGEMENT_GROUP_SCOPE + managementGroup);
        }
        return subscriptions.stream().map(id -> SUBSCRIPTION_SCOPE + id).toList();
    }

    private static List<String> ids(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String part : value == null ? new String[0] : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private static String given(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** How live resources are read. */
    public enum Mode {
        /** One list request per resource type and subscription: exact bodies, best for a few subscriptions. */
        LIST,
        /** Resource Graph queries: many subscriptions or a management group in a few requests. */
        RESOURCE_GRAPH;

        /**
         * The mode a user named: {@code list} or {@code resource-graph} (also {@code resourcegraph},
         * {@code graph}, any case, {@code _} for {@code -}); null for a blank text, meaning the source's default.
         *
         * @throws IllegalArgumentException naming the modes; the caller adds its option's name
         */
        public static Mode parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            return switch (text.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "list" -> LIST;
                case "resource-graph", "resourcegraph", "graph" -> RESOURCE_GRAPH;
                default -> throw new IllegalArgumentException("'" + text + "' is not one of list, resource-graph");
            };
        }
    }

    /** Whether a progress line may be drawn: a terminal wants one, a build log does not. */
    public enum Progress {
        /** No progress line (a build log). */
        NONE,
        /** A progress line on standard error while the JVM has a console. */
        CONSOLE
    }
}

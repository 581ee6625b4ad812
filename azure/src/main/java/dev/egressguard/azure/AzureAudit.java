package dev.egressguard.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.util.Configuration;
import com.azure.identity.CredentialUnavailableException;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.egressguard.core.live.LiveInventory;
import dev.egressguard.core.live.LiveRequest;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the egress-relevant resources of live subscriptions, read-only, into the same
 * {@code model.Resource}s a template evaluates to:
 * <pre>{@code
 * LiveInventory live = AzureAudit.builder().subscriptions("1234...").build().collect();
 * Report report = EgressGuard.builder().build().audit(live.resources(), live.gaps());
 * }</pre>
 * Authentication defaults to {@code DefaultAzureCredential} (environment, workload identity,
 * managed identity, Azure CLI...), signing in at the {@link AuthorityHost} of the chosen
 * {@link AzureCloud}. Only GET requests and Resource Graph queries are ever sent.
 */
public final class AzureAudit {

    private static final Pattern SUBSCRIPTION_ID = Pattern.compile("[A-Za-z0-9-]+");
    private static final Pattern MANAGEMENT_GROUP_ID = Pattern.compile("[A-Za-z0-9._()-]+");
    private static final String SIGN_IN = "Sign in with 'az login', set AZURE_TENANT_ID/AZURE_CLIENT_ID/AZURE_CLIENT_SECRET,"
            + " or run where a managed identity or workload identity is available.";

    private final LiveRequest.Mode mode;
    private final List<String> subscriptions;
    private final String managementGroup;
    private final String tenantId;
    private final RequestCounter counter;
    private final ArmClient client;
    private final ResourceFactory factory;
    private final Progress progress;
    private final Sleeper sleeper;
    private final AuthorityHost authorityHost;

    private AzureAudit(Builder b, HttpPipeline pipeline, RequestCounter counter, AuthorityHost authorityHost) {
        this.mode = b.effectiveMode();
        this.subscriptions = List.copyOf(b.subscriptions);
        this.managementGroup = b.managementGroup;
        this.tenantId = b.tenantId;
        this.counter = counter;
        this.client = new ArmClient(pipeline, b.endpoint);
        this.factory = new ResourceFactory(b.portal.toString());
        this.progress = b.progress != null ? b.progress : Progress.auto();
        this.sleeper = b.sleeper;
        this.authorityHost = authorityHost;
    }

    public static Builder builder() {
        return new Builder();
    }

    public LiveRequest.Mode mode() {
        return mode;
    }

    /** The ARM endpoint requests go to (without a trailing slash). */
    public URI endpoint() {
        return client.endpoint();
    }

    /** Where {@code DefaultAzureCredential} signs in; empty when the caller brought a credential or a pipeline. */
    public Optional<AuthorityHost> authorityHost() {
        return Optional.ofNullable(authorityHost);
    }

    /**
     * Reads every subscription in scope. Problems with one subscription or one resource type are
     * gaps in the result and the rest is still read.
     *
     * @throws AzureAuditException when nothing can be read: no token, no subscription list
     */
    public LiveInventory collect() {
        int before = counter.count();
        Collected out = new Collected();
        try {
            if (mode == LiveRequest.Mode.LIST) {
                List<Subscription> subs = new SubscriptionLister(client).resolve(subscriptions, tenantId, out);
                ListCollector lists = new ListCollector(client, factory, progress, counter::count);
                for (int i = 0; i < subs.size(); i++) {
                    lists.collect(subs.get(i), "[" + (i + 1) + "/" + subs.size() + "] " + subs.get(i).label(), out);
                }
            } else {
                new ResourceGraphCollector(client, factory, progress, counter::count, sleeper)
                        .collect(new ResourceGraphCollector.Scope(subscriptions, managementGroup), tenantId, out);
            }
        } catch (CredentialUnavailableException e) {
            // Every credential of the chain was unavailable; the SDK's message names only the first one.
            throw new AzureAuditException("could not get a token for Azure Resource Manager: DefaultAzureCredential found"
                    + " no credential to use. " + SIGN_IN, e);
        } catch (ClientAuthenticationException e) {
            throw new AzureAuditException("could not get a token for Azure Resource Manager (" + firstLine(e.getMessage())
                    + "). " + SIGN_IN, e);
        } finally {
            progress.done();
        }
        return new LiveInventory(out.resources, out.gaps, counter.count() - before, List.copyOf(out.scopes));
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "no details";
        }
        return text.strip().lines().findFirst().orElse("").strip();
    }

    public static final class Builder {
        private TokenCredential credential;
        private AzureEnvironment environment = AzureEnvironment.AZURE;
        private URI endpoint;
        private URI authorityHost;
        private Configuration configuration = Configuration.getGlobalConfiguration();
        private URI portal;
        private HttpClient httpClient;
        private HttpPipeline httpPipeline;
        private final List<String> subscriptions = new ArrayList<>();
        private String managementGroup;
        private LiveRequest.Mode mode;
        private String tenantId;
        private int maxRetries = 4;
        private Duration retryBaseDelay = Duration.ofSeconds(1);
        private Duration maxRetryWait = Duration.ofMinutes(5);
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Progress progress;

        private Builder() {
        }

        /** Who reads; default {@code DefaultAzureCredential}. Needs Reader on the subscriptions. */
        public Builder credential(TokenCredential credential) {
            this.credential = Objects.requireNonNull(credential, "credential");
            return this;
        }

        /** A sovereign cloud (its ARM endpoint, portal and sign-in authority); default the public cloud. */
        public Builder environment(AzureEnvironment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** One of Azure's clouds, by its {@code az cloud} name: its ARM endpoint, authority host and portal. */
        public Builder cloud(AzureCloud cloud) {
            return environment(Objects.requireNonNull(cloud, "cloud").environment());
        }

        /**
         * Where {@code DefaultAzureCredential} signs in (Azure Stack Hub, a private cloud); it wins over
         * {@code AZURE_AUTHORITY_HOST}, which wins over the cloud's host. A host that is not one of
         * Entra ID's own is used without MSAL's instance discovery, which would ask the public cloud.
         */
        public Builder authorityHost(URI authorityHost) {
            this.authorityHost = Objects.requireNonNull(authorityHost, "authorityHost");
            return this;
        }

        /** Where {@code AZURE_AUTHORITY_HOST} and the credential's variables are read; tests bring their own. */
        Builder configuration(Configuration configuration) {
            this.configuration = Objects.requireNonNull(configuration, "configuration");
            return this;
        }

        /** The ARM endpoint, e.g. {@code https://management.azure.com}; default the environment's. */
        public Builder endpoint(URI armEndpoint) {
            this.endpoint = Objects.requireNonNull(armEndpoint, "armEndpoint");
            return this;
        }

        /** Base of the portal links in findings; default the environment's portal. */
        public Builder portal(URI portal) {
            this.portal = Objects.requireNonNull(portal, "portal");
            return this;
        }

        /** The transport (a proxy, a custom client) for the reads and the sign-in; the SDK's default otherwise. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * A pipeline of the caller's that authenticates and sends the requests; the audit still puts
         * its read-only guard, retries and request counter in front of it. Replaces credential and httpClient.
         */
        public Builder httpPipeline(HttpPipeline pipeline) {
            this.httpPipeline = Objects.requireNonNull(pipeline, "pipeline");
            return this;
        }

        /** Subscription ids to read; none means every subscription the identity sees. */
        public Builder subscriptions(List<String> ids) {
            for (String id : ids) {
                String s = id == null ? "" : id.trim();
                if (!SUBSCRIPTION_ID.matcher(s).matches()) {
                    throw new IllegalArgumentException("'" + id + "' is not a subscription id");
                }
                subscriptions.add(s);
            }
            return this;
        }

        public Builder subscriptions(String... ids) {
            return subscriptions(Arrays.asList(ids));
        }

        /** A management group to read with Resource Graph (implies {@link LiveRequest.Mode#RESOURCE_GRAPH}). */
        public Builder managementGroup(String id) {
            String s = id == null ? "" : id.trim();
            if (!MANAGEMENT_GROUP_ID.matcher(s).matches()) {
                throw new IllegalArgumentException("'" + id + "' is not a management group id");
            }
            this.managementGroup = s;
            return this;
        }

        public Builder mode(LiveRequest.Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The directory for portal links when the subscription list does not tell (or to override it). */
        public Builder tenantId(String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** How often a throttled (429) or failing (408, 5xx) request is tried again; default 4. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** First backoff for 5xx without Retry-After, doubled each time; default 1 s. */
        public Builder retryBaseDelay(Duration delay) {
            this.retryBaseDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /** A Retry-After longer than this is not waited out; the request is reported instead. Default 5 min. */
        public Builder maxRetryWait(Duration wait) {
            this.maxRetryWait = Objects.requireNonNull(wait, "wait");
            return this;
        }

        /** How waits (Retry-After, quota resets) are spent; tests record them instead of sleeping. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Show progress on stderr; default: only when the JVM has a console. */
        public Builder progress(boolean show) {
            this.progress = show ? new Progress.Console(System.err) : Progress.NONE;
            return this;
        }

        Builder progress(Progress progress) {
            this.progress = progress;
            return this;
        }

        /** The mode set, else list, or Resource Graph for a management group (list mode cannot read one). */
        private LiveRequest.Mode effectiveMode() {
            if (mode != null) {
                return mode;
            }
            return managementGroup != null ? LiveRequest.Mode.RESOURCE_GRAPH : LiveRequest.Mode.LIST;
        }

        public AzureAudit build() {
            if (managementGroup != null && !subscriptions.isEmpty()) {
                throw new IllegalArgumentException("give subscriptions or a management group, not both");
            }
            if (managementGroup != null && effectiveMode() == LiveRequest.Mode.LIST) {
                throw new IllegalArgumentException("a management group is read with Resource Graph: use mode RESOURCE_GRAPH");
            }
            if (endpoint == null) {
                endpoint = URI.create(environment.getResourceManagerEndpoint());
            }
            if (portal == null) {
                portal = URI.create(environment.getPortal());
            }
            if (httpPipeline == null && !"https".equalsIgnoreCase(endpoint.getScheme())) {
                // The SDK's bearer-token policy refuses plain HTTP; say so before the first request does.
                throw new IllegalArgumentException("the ARM endpoint " + endpoint + " is not https: a token is only sent over https");
            }
            TokenCredential cred = credential;
            AuthorityHost signIn = null;
            if (httpPipeline == null && cred == null) {
                signIn = AuthorityHost.resolve(authorityHost, configuration, environment.getActiveDirectoryEndpoint());
                cred = defaultCredential(signIn);
            }
            RequestCounter counter = new RequestCounter();
            ArmRetryPolicy retry = new ArmRetryPolicy(maxRetries, retryBaseDelay, maxRetryWait, sleeper);
            HttpPipeline pipeline = AuditPipeline.build(retry, counter, cred, httpClient, httpPipeline, endpoint);
            return new AzureAudit(this, pipeline, counter, signIn);
        }

        private TokenCredential defaultCredential(AuthorityHost signIn) {
            // The configuration first: setting it loads AZURE_AUTHORITY_HOST (or the public cloud's
            // host) into the options, and would undo an authority host set before it.
            DefaultAzureCredentialBuilder b = new DefaultAzureCredentialBuilder()
                    .configuration(configuration)
                    .authorityHost(signIn.uri().toString());
            if (httpClient != null) {
                b.httpClient(httpClient);
            }
            if (!signIn.isEntraId()) {
                b.disableInstanceDiscovery();
            }
            return b.build();
        }
    }
}

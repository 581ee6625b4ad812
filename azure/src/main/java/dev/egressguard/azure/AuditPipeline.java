package dev.egressguard.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.http.policy.ArmChallengeAuthenticationPolicy;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The pipeline every audit request goes through, in this order: the read-only guard (nothing but
 * GET and Resource Graph queries leaves), retries, the request counter, then authentication and
 * the wire, either the SDK's (bearer token from a {@link TokenCredential}) or a pipeline the caller
 * brings. No logging policy: headers, and with them tokens, are never written anywhere.
 */
final class AuditPipeline {

    static final String USER_AGENT = "egress-guard-audit";

    private AuditPipeline() {
    }

    static HttpPipeline build(ArmRetryPolicy retry, RequestCounter counter, TokenCredential credential,
                              HttpClient httpClient, HttpPipeline callerPipeline, URI endpoint) {
        List<HttpPipelinePolicy> policies = new ArrayList<>();
        policies.add(new ReadOnlyPolicy());
        policies.add(new UserAgentPolicy(USER_AGENT));
        policies.add(new RequestIdPolicy());
        policies.add(retry);
        policies.add(counter);
        HttpPipelineBuilder builder = new HttpPipelineBuilder();
        if (callerPipeline != null) {
            policies.add(new Delegate(callerPipeline));
            builder.httpClient(request -> Mono.error(new IllegalStateException("the caller's pipeline sends the request")));
        } else {
            policies.add(new ArmChallengeAuthenticationPolicy(credential, scope(endpoint)));
            builder.httpClient(httpClient != null ? httpClient : HttpClient.createDefault());
        }
        return builder.policies(policies.toArray(HttpPipelinePolicy[]::new)).build();
    }

    /** ARM accepts tokens for its own endpoint as audience: {@code https://management.azure.com/.default}. */
    static String scope(URI endpoint) {
        String base = endpoint.getScheme() + "://" + endpoint.getAuthority();
        return base + "/.default";
    }

    /** Hands the request, already guarded and counted, to the caller's pipeline. */
    private record Delegate(HttpPipeline target) implements HttpPipelinePolicy {
        @Override
        public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
            return target.send(context.getHttpRequest(), context.getContext());
        }

        @Override
        public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
            return target.sendSync(context.getHttpRequest(), context.getContext());
        }
    }
}

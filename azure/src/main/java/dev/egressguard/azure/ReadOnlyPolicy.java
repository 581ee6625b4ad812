package dev.egressguard.azure;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import reactor.core.publisher.Mono;

/**
 * The audit's promise to the subscription owner, enforced where every request passes: only GET
 * requests and Resource Graph queries (a POST that reads) leave the process. Anything else
 * (a PUT, a provider registration, a POST to another action) is refused before it is sent.
 */
public final class ReadOnlyPolicy implements HttpPipelinePolicy {

    static final String RESOURCE_GRAPH_PATH = "/providers/Microsoft.ResourceGraph/resources";

    /** Thrown instead of sending a request that could change something. */
    public static final class WriteRefusedException extends IllegalStateException {
        public WriteRefusedException(String message) {
            super(message);
        }
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        try {
            check(context.getHttpRequest());
        } catch (WriteRefusedException e) {
            return Mono.error(e);
        }
        return next.process();
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        check(context.getHttpRequest());
        return next.processSync();
    }

    static boolean isAllowed(HttpMethod method, String path) {
        if (method == HttpMethod.GET) {
            return true;
        }
        return method == HttpMethod.POST && path != null && stripSlash(path).equalsIgnoreCase(RESOURCE_GRAPH_PATH);
    }

    private static void check(HttpRequest request) {
        if (!isAllowed(request.getHttpMethod(), request.getUrl().getPath())) {
            throw new WriteRefusedException("Egress Guard only reads: refused "
                    + RequestTarget.describe(request.getHttpMethod(), request.getUrl())
                    + " (only GET requests and Resource Graph queries are sent)");
        }
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}

package dev.egressguard.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Sends the audit's requests through the SDK's {@link HttpPipeline} and reads the raw JSON itself,
 * so every property the service returns reaches the rules, whatever the SDK models know.
 */
final class ArmClient {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A 2xx answer: its JSON and headers, and the request it answers (for messages). */
    record ArmResponse(JsonNode body, HttpHeaders headers, String request) {
        String header(String name) {
            return headers.getValue(name);
        }
    }

    /** Receives each element of a list's {@code value} arrays, page after page. */
    @FunctionalInterface
    interface ItemSink {
        void accept(JsonNode item, String request);
    }

    private final HttpPipeline pipeline;
    private final URI endpoint;

    ArmClient(HttpPipeline pipeline, URI endpoint) {
        this.pipeline = pipeline;
        String s = endpoint.toString();
        this.endpoint = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    URI endpoint() {
        return endpoint;
    }

    /**
     * {@code <endpoint><path>?api-version=<v>}. {@code path} is plain text (ids as ARM writes them);
     * characters a URL cannot carry are escaped here.
     */
    URL url(String path, String apiVersion) {
        try {
            return new URI(endpoint.getScheme(), endpoint.getRawAuthority(), endpoint.getPath() + path,
                    "api-version=" + apiVersion, null).toURL();
        } catch (URISyntaxException | MalformedURLException e) {
            throw new IllegalArgumentException("cannot make a URL of " + endpoint + path, e);
        }
    }

    ArmResponse get(URL url) {
        return send(new HttpRequest(HttpMethod.GET, url));
    }

    ArmResponse post(URL url, JsonNode body) {
        HttpRequest request = new HttpRequest(HttpMethod.POST, url);
        request.setHeader("Content-Type", "application/json");
        request.setBody(BinaryData.fromString(body.toString()));
        return send(request);
    }

    /**
     * GETs a list and every page after it ({@code nextLink}), handing each element of {@code value}
     * to {@code sink}; returns the number of elements.
     */
    int list(URL first, ItemSink sink) {
        int items = 0;
        Set<String> seen = new HashSet<>();
        URL next = first;
        while (next != null) {
            if (!seen.add(next.toString())) {
                throw ArmCallException.malformed(RequestTarget.describe(HttpMethod.GET, next),
                        "nextLink repeats an earlier page; stopped to avoid a loop", null);
            }
            ArmResponse page = get(next);
            JsonNode value = page.body().get("value");
            if (!page.body().isObject() || value == null || !value.isArray()) {
                throw ArmCallException.malformed(page.request(), "expected a list: an object with a 'value' array", null);
            }
            for (JsonNode item : value) {
                sink.accept(item, page.request());
                items++;
            }
            next = nextLink(page);
        }
        return items;
    }

    private URL nextLink(ArmResponse page) {
        JsonNode link = page.body().get("nextLink");
        if (link == null || link.isNull() || (link.isTextual() && link.textValue().isBlank())) {
            return null;
        }
        if (!link.isTextual()) {
            throw ArmCallException.malformed(page.request(), "nextLink is not a string", null);
        }
        URL url;
        try {
            URI uri = new URI(link.textValue());
            if (!uri.isAbsolute()) {
                throw ArmCallException.malformed(page.request(), "nextLink is not an absolute URL", null);
            }
            url = uri.toURL();
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
            throw ArmCallException.malformed(page.request(), "nextLink is not a URL this client can follow", e);
        }
        // The bearer token goes wherever a request goes; never follow a link off the ARM endpoint.
        if (!sameOrigin(url)) {
            throw ArmCallException.malformed(page.request(), "nextLink points to " + url.getProtocol() + "://"
                    + url.getHost() + ", not the ARM endpoint " + endpoint + "; not followed", null);
        }
        return url;
    }

    private boolean sameOrigin(URL url) {
        return url.getProtocol().equalsIgnoreCase(endpoint.getScheme())
                && url.getHost().equalsIgnoreCase(endpoint.getHost())
                && effectivePort(url.getPort(), url.getProtocol()) == effectivePort(endpoint.getPort(), endpoint.getScheme());
    }

    private static int effectivePort(int port, String scheme) {
        if (port >= 0) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    private ArmResponse send(HttpRequest request) {
        String described = RequestTarget.describe(request.getHttpMethod(), request.getUrl());
        byte[] bytes;
        int status;
        HttpHeaders headers;
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            status = response.getStatusCode();
            headers = response.getHeaders();
            BinaryData data = response.getBodyAsBinaryData();
            bytes = data == null ? new byte[0] : data.toBytes();
        } catch (ReadOnlyPolicy.WriteRefusedException | ClientAuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            ClientAuthenticationException auth = authCause(e);
            if (auth != null) {
                throw auth;
            }
            throw new ArmCallException(described, 0, ArmCallException.NO_RESPONSE, messageOf(e), e);
        }
        if (status < 200 || status > 299) {
            throw error(described, status, bytes);
        }
        return new ArmResponse(parse(described, bytes), headers, described);
    }

    private static JsonNode parse(String request, byte[] bytes) {
        if (bytes.length == 0) {
            throw ArmCallException.malformed(request, "the response body is empty, expected JSON", null);
        }
        try {
            return JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ArmCallException.malformed(request, "the response is not valid JSON (" + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        } catch (IOException e) {
            throw ArmCallException.malformed(request, "the response could not be read: " + e.getMessage(), e);
        }
    }

    /** ARM errors look like {@code {"error": {"code": ..., "message": ...}}}; anything else is quoted briefly. */
    static ArmCallException error(String request, int status, byte[] bytes) {
        String code = "HTTP" + status;
        String message = "";
        try {
            JsonNode root = bytes.length == 0 ? null : JSON.readTree(bytes);
            JsonNode err = root != null && root.has("error") ? root.get("error") : root;
            if (err != null && err.isObject()) {
                code = err.path("code").asText(code);
                message = err.path("message").asText("");
            }
        } catch (IOException notJson) {
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            message = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        }
        return new ArmCallException(request, status, code, message.isEmpty() ? "(no message)" : message, null);
    }

    private static ClientAuthenticationException authCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClientAuthenticationException c) {
                return c;
            }
        }
        return null;
    }

    private static String messageOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}

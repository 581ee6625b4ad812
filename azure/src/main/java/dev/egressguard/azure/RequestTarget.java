package dev.egressguard.azure;

import com.azure.core.http.HttpMethod;

import java.net.URL;
import java.util.Locale;

/**
 * How a request is named in messages: method and URL, with every query value except
 * {@code api-version} masked, because skip tokens and signed links do not belong in logs.
 */
final class RequestTarget {

    private RequestTarget() {
    }

    static String describe(HttpMethod method, URL url) {
        return method + " " + redact(url);
    }

    static String redact(URL url) {
        StringBuilder sb = new StringBuilder();
        sb.append(url.getProtocol()).append("://").append(url.getHost());
        if (url.getPort() >= 0) {
            sb.append(':').append(url.getPort());
        }
        sb.append(url.getPath());
        String query = url.getQuery();
        if (query != null && !query.isEmpty()) {
            char sep = '?';
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                sb.append(sep).append(key);
                if (eq >= 0) {
                    sb.append('=').append(key.toLowerCase(Locale.ROOT).equals("api-version") ? pair.substring(eq + 1) : "***");
                }
                sep = '&';
            }
        }
        return sb.toString();
    }
}

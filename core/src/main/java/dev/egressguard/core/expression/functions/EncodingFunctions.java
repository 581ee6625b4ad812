package dev.egressguard.core.expression.functions;

import dev.egressguard.core.expression.FunctionCall;
import dev.egressguard.core.expression.FunctionLibrary;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.source.Excerpt;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** base64, base64ToJson, base64ToString, dataUri, dataUriToString, uri, uriComponent, uriComponentToString. */
final class EncodingFunctions {

    private EncodingFunctions() {
    }

    /**
     * Registers the one function {@code name} (as {@code StandardFunctions} declares it) when a template
     * first calls it: each body is a lambda, linked only when its case runs.
     */
    public static void register(FunctionLibrary.Builder b, String name) {
        switch (name) {
            case "base64" -> b.add(name, 1, 1, c -> Value.of(base64(c.string(0))));
            case "base64ToString" -> b.add(name, 1, 1, c -> Value.of(fromBase64(c, c.string(0))));
            case "base64ToJson" -> b.add(name, 1, 1, c -> StringFunctions.parseJson(c, fromBase64(c, c.string(0))));
            case "dataUri" -> b.add(name, 1, 1,
                    c -> Value.of("data:text/plain;charset=utf8;base64," + base64(c.string(0))));
            case "dataUriToString" -> b.add(name, 1, 1, EncodingFunctions::dataUriToString);
            case "uri" -> b.add(name, 2, 2, EncodingFunctions::uri);
            case "uriComponent" -> b.add(name, 1, 1, c -> Value.of(escapeDataString(c.string(0))));
            case "uriComponentToString" -> b.add(name, 1, 1, EncodingFunctions::uriComponentToString);
        }
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String fromBase64(FunctionCall c, String s) {
        try {
            return new String(Base64.getDecoder().decode(s.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw c.error("expects base64 text but got '" + shorten(s) + "'");
        }
    }

    private static Value dataUriToString(FunctionCall c) {
        String s = c.string(0);
        int comma = s.indexOf(',');
        if (!s.startsWith("data:") || comma < 0) {
            throw c.error("expects a data URI (data:[<mediatype>][;base64],<data>) but got '" + shorten(s) + "'");
        }
        String header = s.substring(5, comma);
        String data = s.substring(comma + 1);
        if (header.endsWith(";base64")) {
            return Value.of(fromBase64(c, data));
        }
        return Value.of(URLDecoder.decode(data.replace("+", "%2B"), StandardCharsets.UTF_8));
    }

    /**
     * .NET's {@code new Uri(base, relative)}: the relative part replaces the last segment of the
     * base path unless the base ends with '/'.
     */
    private static Value uri(FunctionCall c) {
        String base = c.string(0);
        String relative = c.string(1);
        try {
            URI b = new URI(base);
            if (!b.isAbsolute()) {
                throw c.error("expects an absolute base URI but got '" + shorten(base) + "'");
            }
            if (b.getPath() == null || b.getPath().isEmpty()) {
                b = new URI(base + "/");
            }
            return Value.of(b.resolve(relativeUri(relative)).toString());
        } catch (URISyntaxException e) {
            throw c.error("can't combine '" + shorten(base) + "' and '" + shorten(relative) + "': " + e.getMessage());
        }
    }

    /** The relative part as written; characters a URI may not hold (spaces) are escaped first. */
    private static URI relativeUri(String relative) throws URISyntaxException {
        try {
            return new URI(relative);
        } catch (URISyntaxException e) {
            return new URI(null, null, relative, null);
        }
    }

    /** .NET's Uri.EscapeDataString: everything but RFC 3986 unreserved characters is escaped. */
    static String escapeDataString(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int ch = b & 0xff;
            if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                    || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
                sb.append((char) ch);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(ch >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(ch & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static Value uriComponentToString(FunctionCall c) {
        try {
            return Value.of(URLDecoder.decode(c.string(0).replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw c.error("expects URI-encoded text but got '" + shorten(c.string(0)) + "'");
        }
    }

    private static String shorten(String s) {
        return Excerpt.of(s);
    }
}

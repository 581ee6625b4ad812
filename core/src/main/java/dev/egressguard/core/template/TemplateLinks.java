package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.source.SourceLocation;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a {@code templateLink.uri} is on disk. Nothing is ever fetched; two kinds of URI lead to a
 * file of the project:
 * <ul>
 *   <li>The template's own location. Azure answers {@code deployment().properties.templateLink.uri}
 *       with the URI the template was deployed from
 *       (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-deployment),
 *       and the {@code _artifactsLocation} convention of the quickstarts, the ARM TTK and the Bicep
 *       linter (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-test-cases,
 *       https://learn.microsoft.com/azure/azure-resource-manager/bicep/linter-rule-artifacts-parameters)
 *       defaults {@code _artifactsLocation} to it and links
 *       {@code uri(parameters('_artifactsLocation'), concat('nested/x.json', parameters('_artifactsLocationSasToken')))}.
 *       A template checked from disk gets a marker URI instead, {@code egress-guard-local:///infra/main.json}
 *       (its path from the project root), which {@code uri()} combines as it would an https URI
 *       (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string#uri:
 *       a base without a trailing '/' loses its last segment), and which maps back to the file here.
 *       The marker never reaches the rules: {@link #withoutMarkers} turns any string holding it into
 *       an Unknown, as the real URI is only known at deployment.</li>
 *   <li>A URI under a prefix the user mapped to a directory ({@link LinkLocation}).</li>
 * </ul>
 * The query string (a SAS token) and fragment are dropped; path segments are percent-decoded one
 * by one, and a segment that decodes to a separator is refused; the file must stay inside the
 * mapped directory and the project root, symbolic links followed.
 */
final class TemplateLinks {

    /** The scheme of marker URIs: not a scheme anything fetches, and plain about what it is. */
    static final String MARKER_SCHEME = "egress-guard-local";
    private static final String MARKER_PREFIX = MARKER_SCHEME + ":";

    /** Where a link leads. */
    sealed interface Resolution {
    }

    /**
     * A file of the project; {@code shown} names it for people, {@code childUri} is what the linked
     * template's own {@code deployment().properties.templateLink.uri} answers.
     */
    record Local(Path file, String shown, String childUri) implements Resolution {
    }

    /** Not read, for a reason worth an error: outside the project root or the mapped directory, malformed. */
    record Refused(String message) implements Resolution {
    }

    /** A URI no mapping covers: it would be fetched at deployment, and is not here. */
    record NotMapped(String shown) implements Resolution {
    }

    private TemplateLinks() {
    }

    /** {@code deployment().properties.templateLink} of a template read from {@code file}. */
    static Value.Obj linkOf(ProjectFiles files, Path file) {
        return new Value.Obj(Map.of("uri", Value.of(markerOf(files, file))));
    }

    static String markerOf(ProjectFiles files, Path file) {
        String relative = files.display(file);
        StringBuilder path = new StringBuilder();
        for (String segment : relative.split("/")) {
            path.append('/').append(encodeSegment(segment));
        }
        return MARKER_PREFIX + "//" + path;
    }

    static boolean isMarker(String uri) {
        return uri.regionMatches(true, 0, MARKER_PREFIX, 0, MARKER_PREFIX.length());
    }

    /** The URI as people may see it: without its query string (a SAS token) and fragment. */
    static String shown(String uri) {
        return withoutQuery(uri);
    }

    static Resolution resolve(String uri, ProjectFiles files) {
        String bare = withoutQuery(uri.trim());
        if (isMarker(bare)) {
            return resolveMarker(bare, files);
        }
        Optional<LinkLocation> location = files.linkLocations().stream()
                .filter(l -> covers(l.prefix(), bare))
                .max(Comparator.comparingInt(l -> l.prefix().length()));
        if (location.isEmpty()) {
            return new NotMapped(bare);
        }
        LinkLocation l = location.get();
        String rest = bare.substring(l.prefix().length());
        Optional<List<String>> segments = decodedSegments(rest);
        if (segments.isEmpty()) {
            return new Refused("linked template " + bare + " has a malformed or separator-encoding path; it is not read");
        }
        Path file = l.directory();
        for (String segment : segments.get()) {
            if (segment.equals("..")) {
                file = file.getParent();
                if (file == null || !file.startsWith(l.directory())) {
                    return new Refused("linked template " + bare + " climbs out of " + files.display(l.directory())
                            + ", the directory " + l.prefix() + " is mapped to; it is not read");
                }
            } else {
                file = file.resolve(segment);
            }
        }
        if (!files.isInside(file)) {
            return new Refused("linked template " + bare + " leads outside the project root " + files.root()
                    + "; it is not read");
        }
        return new Local(file, bare, bare);
    }

    /**
     * A marker URI: its path is from the project root. A segment naming a file, followed by more,
     * stands for that file's directory: {@code concat(parameters('_artifactsLocation'), '/nested/x.json')}
     * with the conventional default builds {@code .../main.json/nested/x.json}, which means the
     * directory of main.json (Azure's quickstarts give such templates a directory URI).
     */
    private static Resolution resolveMarker(String uri, ProjectFiles files) {
        String path = uri.substring(MARKER_PREFIX.length());
        if (path.startsWith("//")) {
            int slash = path.indexOf('/', 2);
            if (slash != 2) {
                // An authority: nothing this tool writes, so nothing it reads.
                return new Refused("linked template " + uri + " is not a location Egress Guard gave; it is not read");
            }
            path = path.substring(2);
        }
        Optional<List<String>> segments = decodedSegments(path);
        if (segments.isEmpty()) {
            return new Refused("linked template " + uri + " has a malformed or separator-encoding path; it is not read");
        }
        Path root = files.root();
        Path file = root;
        List<String> list = segments.get();
        for (int i = 0; i < list.size(); i++) {
            String segment = list.get(i);
            if (Files.isRegularFile(file) && !file.equals(root)) {
                file = file.getParent();
            }
            if (segment.equals("..")) {
                file = file.getParent();
                if (file == null || !file.startsWith(root)) {
                    return new Refused("linked template " + shownMarker(list) + " (built from deployment()"
                            + ".properties.templateLink.uri) leads outside the project root " + root + "; it is not read");
                }
            } else {
                file = file.resolve(segment);
            }
        }
        String shown = files.display(file);
        if (!files.isInside(file)) {
            return new Refused("linked template " + shown + " (built from deployment().properties.templateLink.uri)"
                    + " leads outside the project root " + root + "; it is not read");
        }
        return new Local(file, shown, markerOf(files, file));
    }

    private static String shownMarker(List<String> segments) {
        return String.join("/", segments);
    }

    /** Whether {@code prefix} starts {@code uri} and ends where a path segment does. */
    private static boolean covers(String prefix, String uri) {
        if (!uri.startsWith(prefix)) {
            return false;
        }
        return prefix.endsWith("/") || uri.length() == prefix.length() || uri.charAt(prefix.length()) == '/';
    }

    private static String withoutQuery(String uri) {
        int cut = uri.length();
        int q = uri.indexOf('?');
        int h = uri.indexOf('#');
        if (q >= 0) {
            cut = q;
        }
        if (h >= 0 && h < cut) {
            cut = h;
        }
        return uri.substring(0, cut);
    }

    /**
     * The path's segments, each percent-decoded on its own (UTF-8, '+' kept as it is); empty and
     * "." segments dropped. Empty when a segment is malformed or decodes to something a file name
     * cannot hold (a separator, NUL), since that would change which file is meant.
     */
    static Optional<List<String>> decodedSegments(String path) {
        List<String> out = new ArrayList<>();
        for (String raw : path.split("/", -1)) {
            Optional<String> decoded = percentDecode(raw);
            if (decoded.isEmpty()) {
                return Optional.empty();
            }
            String segment = decoded.get();
            if (segment.contains("/") || segment.contains("\\") || segment.indexOf('\0') >= 0) {
                return Optional.empty();
            }
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            try {
                Path.of(segment);
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
            out.add(segment);
        }
        return Optional.of(out);
    }

    private static Optional<String> percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return Optional.of(s);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= s.length()) {
                return Optional.empty();
            }
            int hi = Character.digit(s.charAt(i + 1), 16);
            int lo = Character.digit(s.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                return Optional.empty();
            }
            bytes.write(hi << 4 | lo);
            i += 2;
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** RFC 3986 unreserved characters and sub-delimiters stay; everything else is %-escaped. */
    private static String encodeSegment(String segment) {
        StringBuilder sb = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int ch = b & 0xff;
            if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                    || "-._~!$&'()*+,;=@".indexOf(ch) >= 0) {
                sb.append((char) ch);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(ch >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(ch & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    /**
     * The resources with every string that holds a marker URI replaced by an Unknown: the rules
     * must not take the marker for the URI Azure would use, which only a deployment tells.
     */
    static List<Resource> withoutMarkers(List<Resource> resources) {
        List<Resource> out = null;
        for (int i = 0; i < resources.size(); i++) {
            Resource r = resources.get(i);
            Value body = scrub(r.body(), r.provenance().location());
            if (body != r.body() && out == null) {
                out = new ArrayList<>(resources.subList(0, i));
            }
            if (out != null) {
                out.add(body == r.body() ? r : new Resource(r.id(), r.type(), r.name(), r.apiVersion(),
                        (Value.Obj) body, r.provenance()));
            }
        }
        return out == null ? resources : out;
    }

    /** {@code v}, or a copy with markers replaced; the same instance when there was none. */
    private static Value scrub(Value v, SourceLocation at) {
        if (v instanceof Value.Str s) {
            return s.value().contains(MARKER_PREFIX)
                    ? Value.unknown("deployment().properties.templateLink.uri: the URI the template is deployed "
                    + "from is only known at deployment", at)
                    : v;
        }
        if (v instanceof Value.Arr a) {
            List<Value> items = null;
            for (int i = 0; i < a.items().size(); i++) {
                Value item = a.items().get(i);
                Value scrubbed = scrub(item, at);
                if (scrubbed != item && items == null) {
                    items = new ArrayList<>(a.items());
                }
                if (items != null) {
                    items.set(i, scrubbed);
                }
            }
            return items == null ? v : new Value.Arr(items);
        }
        if (v instanceof Value.Obj o) {
            Map<String, Value> fields = null;
            for (Map.Entry<String, Value> e : o.fields().entrySet()) {
                Value scrubbed = scrub(e.getValue(), at);
                if (scrubbed != e.getValue()) {
                    if (fields == null) {
                        fields = new LinkedHashMap<>(o.fields());
                    }
                    fields.put(e.getKey(), scrubbed);
                }
            }
            return fields == null ? v : new Value.Obj(fields);
        }
        return v;
    }
}

package dev.egressguard.core.report.map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.egressguard.core.egress.Bypassed;
import dev.egressguard.core.egress.Egress;
import dev.egressguard.core.egress.EgressMap;
import dev.egressguard.core.egress.EgressNode;
import dev.egressguard.core.egress.EgressPath;
import dev.egressguard.core.egress.NodeKind;
import dev.egressguard.core.egress.PublicIp;
import dev.egressguard.core.report.DisplayPaths;
import dev.egressguard.core.report.SafeText;
import dev.egressguard.core.source.ConfinedFiles;
import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.source.SyntaxErrors;
import dev.egressguard.core.value.JsonLimits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The egress map of an earlier run, read back from the JSON {@link MapJson} wrote, to show what a
 * change moves ({@link MapDiff}). The file is input like any other: read through
 * {@link ConfinedFiles} (inside the project it must really lie inside it), at most
 * {@link #MAX_FILE_BYTES}, with the JSON limits of {@link JsonLimits}, duplicate keys refused, and
 * every wrong version, type or value refused with {@code file:line:column: what is wrong}. Fields
 * it does not know are ignored, as docs/egress-map.md promises consumers; {@code egressIps} and
 * {@code summary} are derived from the nodes, so they are not read.
 *
 * @param name how messages and the "Changes since" heading name the file (relative to the project)
 * @param map  the nodes it holds
 */
public record PreviousMap(String name, EgressMap map) {

    /** A node takes some 1.5 KB of JSON: this is some ten thousand nodes, and a bound on a hostile file. */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    /** Why a list of public IPs read back is incomplete: the JSON keeps only that it was. */
    static final String INCOMPLETE = "the previous map's list of public IPs was not complete";

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(JsonLimits.MAX_NESTING)
                    .maxNumberLength(JsonLimits.MAX_NUMBER_LENGTH)
                    .maxNameLength(JsonLimits.MAX_NAME_LENGTH)
                    .maxStringLength(JsonLimits.MAX_STRING_LENGTH)
                    .build())
            .build();

    public PreviousMap {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(map, "map");
    }

    /** A previous map that cannot be used; the message is {@code file:line:column: what is wrong}. */
    public static final class InvalidMapException extends Exception {
        private final transient SourceLocation location;
        private final String problem;

        InvalidMapException(SourceLocation location, String problem) {
            super(location + ": " + problem);
            this.location = location;
            this.problem = problem;
        }

        public SourceLocation location() {
            return location;
        }

        public String problem() {
            return problem;
        }
    }

    /**
     * Reads {@code file} (named by configuration: inside {@code projectRoot} confined to it, outside
     * it read as given, as a baseline is).
     */
    public static PreviousMap read(Path file, Path projectRoot) throws InvalidMapException {
        String name = new DisplayPaths(projectRoot).display(file.toString());
        ConfinedFiles.Read read = new ConfinedFiles(projectRoot).readGiven(file, MAX_FILE_BYTES);
        if (read instanceof ConfinedFiles.Refused refused) {
            throw new InvalidMapException(SourceLocation.of(name), "previous egress map not read: " + refused.problem());
        }
        return parse(name, new String(((ConfinedFiles.Bytes) read).bytes(), StandardCharsets.UTF_8));
    }

    /** Parses the text of a previous map; {@code name} is the file as messages show it. */
    public static PreviousMap parse(String name, String text) throws InvalidMapException {
        J root;
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new InvalidMapException(SourceLocation.of(name), "the file is empty; an egress map is a JSON object");
            }
            root = read(p, first);
            if (p.nextToken() != null) {
                throw new InvalidMapException(at(name, p.currentTokenLocation()), "more follows the JSON object");
            }
        } catch (StreamConstraintsException e) {
            throw new InvalidMapException(at(name, e.getLocation()), JsonLimits.explain(e));
        } catch (JsonProcessingException e) {
            String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "a key appears twice in one object" : SyntaxErrors.json(e);
            throw new InvalidMapException(at(name, e.getLocation()), "not valid JSON: " + what);
        } catch (IOException e) {
            throw new InvalidMapException(SourceLocation.of(name), "cannot read: " + e.getMessage());
        }
        return new PreviousMap(name, new Reader(name).map(root));
    }

    /** A JSON value with the place it starts at, so that a wrong one can be pointed at. */
    private sealed interface J permits JObj, JArr, JScalar {
        JsonLocation at();
    }

    private record JObj(Map<String, J> fields, JsonLocation at) implements J {
    }

    private record JArr(List<J> items, JsonLocation at) implements J {
    }

    /** A string (its text), a number (its text), true, false or null. */
    private record JScalar(JsonToken token, String text, JsonLocation at) implements J {
    }

    private static J read(JsonParser p, JsonToken token) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        switch (token) {
            case START_OBJECT -> {
                Map<String, J> fields = new LinkedHashMap<>();
                for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                    fields.put(key, read(p, p.nextToken()));
                }
                return new JObj(fields, at);
            }
            case START_ARRAY -> {
                List<J> items = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    items.add(read(p, t));
                }
                return new JArr(items, at);
            }
            default -> {
                return new JScalar(token, token == JsonToken.VALUE_NULL ? null : p.getText(), at);
            }
        }
    }

    private static SourceLocation at(String name, JsonLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return SourceLocation.of(name);
        }
        return new SourceLocation(name, location.getLineNr(), Math.max(location.getColumnNr(), 0));
    }

    /** The checks of the shape, each failing at the value it is about. */
    private record Reader(String name) {

        EgressMap map(J root) throws InvalidMapException {
            JObj o = object(root, "an egress map");
            J version = o.fields().get("schemaVersion");
            if (version == null) {
                throw fail(o, "no 'schemaVersion': this is not an egress map written by 'egress map --format json'");
            }
            if (!(version instanceof JScalar s && s.token() == JsonToken.VALUE_NUMBER_INT
                    && s.text().equals(String.valueOf(MapJson.SCHEMA_VERSION)))) {
                throw fail(version, "schemaVersion " + shown(version) + " is not understood by this version (it reads "
                        + MapJson.SCHEMA_VERSION + ")");
            }
            List<EgressNode> nodes = new ArrayList<>();
            for (J n : array(required(o, "nodes"), "'nodes'").items()) {
                nodes.add(node(n));
            }
            return new EgressMap(nodes);
        }

        private EgressNode node(J value) throws InvalidMapException {
            JObj o = object(value, "a node");
            String id = string(required(o, "id"), "a node's 'id'");
            J kindValue = required(o, "kind");
            String kindText = string(kindValue, "a node's 'kind'");
            NodeKind kind = null;
            for (NodeKind k : NodeKind.values()) {
                if (k.jsonName().equals(kindText)) {
                    kind = k;
                }
            }
            if (kind == null) {
                throw fail(kindValue, "kind " + quoted(kindText) + " is none of virtualMachine, networkInterface, scaleSet,"
                        + " aksNodePool");
            }
            String file = optionalString(o, "file");
            J lineValue = o.fields().get("line");
            int line = 0;
            if (lineValue instanceof JScalar s && s.token() == JsonToken.VALUE_NUMBER_INT) {
                line = positive(s);
            } else if (lineValue != null && !isNull(lineValue)) {
                throw fail(lineValue, "'line' must be a line number or null");
            }
            SourceLocation location = file == null ? SourceLocation.NONE : new SourceLocation(file, line, 0);
            List<Bypassed> bypassed = new ArrayList<>();
            J b = o.fields().get("bypassed");
            if (b != null) {
                for (J item : array(b, "'bypassed'").items()) {
                    JObj x = object(item, "a bypassed path");
                    bypassed.add(new Bypassed(path(required(x, "path")), optionalString(x, "via")));
                }
            }
            return new EgressNode(id, kind, optionalString(o, "name"), optionalString(o, "subnet"),
                    optionalString(o, "group"), location, egress(required(o, "egress")), bypassed);
        }

        private Egress egress(J value) throws InvalidMapException {
            JObj o = object(value, "'egress'");
            EgressPath path = path(required(o, "path"));
            List<PublicIp> ips = new ArrayList<>();
            J list = o.fields().get("publicIps");
            if (list != null) {
                for (J item : array(list, "'publicIps'").items()) {
                    JObj ip = object(item, "a public IP");
                    ips.add(new PublicIp(optionalString(ip, "id"), optionalString(ip, "address"),
                            optionalString(ip, "prefix"), optionalString(ip, "reason")));
                }
            }
            J complete = o.fields().get("publicIpsComplete");
            boolean isComplete = true;
            if (complete != null) {
                if (!(complete instanceof JScalar s && (s.token() == JsonToken.VALUE_TRUE || s.token() == JsonToken.VALUE_FALSE))) {
                    throw fail(complete, "'publicIpsComplete' must be true or false, not " + shown(complete));
                }
                isComplete = s.token() == JsonToken.VALUE_TRUE;
            }
            String reason = string(required(o, "reason"), "'reason'");
            List<EgressPath> possible = new ArrayList<>();
            J p = o.fields().get("possiblePaths");
            if (p != null) {
                for (J item : array(p, "'possiblePaths'").items()) {
                    possible.add(path(item));
                }
            }
            // An unknown path has no list for the reason the path is unknown (as the model says it).
            return new Egress(path, optionalString(o, "via"), ips, isComplete ? null
                    : path == EgressPath.UNKNOWN ? reason : INCOMPLETE, reason, possible);
        }

        private EgressPath path(J value) throws InvalidMapException {
            String text = string(value, "a path");
            return EgressPath.ofJsonName(text).orElseThrow(() -> fail(value, "path " + quoted(text) + " is none of firewall,"
                    + " natGateway, instancePublicIp, loadBalancer, defaultOutbound, none, unknown"));
        }

        private JObj object(J value, String what) throws InvalidMapException {
            if (value instanceof JObj o) {
                return o;
            }
            throw fail(value, what + " must be a JSON object, not " + shown(value));
        }

        private JArr array(J value, String what) throws InvalidMapException {
            if (value instanceof JArr a) {
                return a;
            }
            throw fail(value, what + " must be a list, not " + shown(value));
        }

        private String string(J value, String what) throws InvalidMapException {
            if (value instanceof JScalar s && s.token() == JsonToken.VALUE_STRING) {
                return s.text();
            }
            throw fail(value, what + " must be a string, not " + shown(value));
        }

        /** A string or null; absent reads as null. */
        private String optionalString(JObj o, String key) throws InvalidMapException {
            J value = o.fields().get(key);
            return value == null || isNull(value) ? null : string(value, "'" + key + "'");
        }

        private J required(JObj o, String key) throws InvalidMapException {
            J value = o.fields().get(key);
            if (value == null) {
                throw fail(o, "'" + key + "' is missing");
            }
            return value;
        }

        private int positive(JScalar s) throws InvalidMapException {
            try {
                int n = Integer.parseInt(s.text());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // too large: said below
            }
            throw fail(s, "'line' must be a line number (1 or more), not " + shown(s));
        }

        private static boolean isNull(J value) {
            return value instanceof JScalar s && s.token() == JsonToken.VALUE_NULL;
        }

        /** A value in a message: its kind, never more than a few characters of what a file holds. */
        private static String shown(J value) {
            if (value instanceof JObj) {
                return "an object";
            }
            if (value instanceof JArr) {
                return "a list";
            }
            JScalar s = (JScalar) value;
            return switch (s.token()) {
                case VALUE_STRING -> "a string";
                case VALUE_NULL -> "null";
                case VALUE_TRUE, VALUE_FALSE -> s.text();
                default -> s.text().length() <= 20 ? s.text() : "a long number";
            };
        }

        /** Text of the file in a message: one safe line of at most 40 characters, quoted. */
        private static String quoted(String text) {
            String s = SafeText.forTerminal(text);
            return "'" + (s.length() <= 40 ? s : s.substring(0, 39) + "…") + "'";
        }

        private InvalidMapException fail(J value, String problem) {
            return new InvalidMapException(at(name, value.at()), problem);
        }
    }
}

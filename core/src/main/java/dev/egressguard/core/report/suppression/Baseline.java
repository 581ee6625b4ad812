package dev.egressguard.core.report.suppression;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.report.DisplayPaths;
import dev.egressguard.core.report.FindingKey;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.report.ReportFiles;
import dev.egressguard.core.source.ConfinedFiles;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;
import dev.egressguard.core.source.SyntaxErrors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The findings a project has accepted for now, so that adopting Egress Guard on an existing estate
 * fails only on new problems. Entries are keyed by rule id, resource id and property path (see
 * {@link FindingKey}), never by line, so edits elsewhere keep them matching; the message and file
 * are kept for the people who read the file in review. Findings in the baseline are suppressed
 * with kind BASELINE: still reported, no longer failing.
 */
public record Baseline(String file, List<Entry> entries, List<Diagnostic> diagnostics) {

    /** Bumped only if the keying changes. */
    public static final int FORMAT_VERSION = 1;
    public static final String DEFAULT_NAME = "egress-baseline.json";
    /**
     * A baseline entry takes some 300 bytes, so this is some 50,000 findings: far more than an estate
     * adopting the tool accepts, and a bound on what a hostile file can make the run hold.
     */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonFactory JSON = new JsonFactory().setCodec(MAPPER);

    public Baseline {
        entries = List.copyOf(entries);
        diagnostics = List.copyOf(diagnostics);
    }

    /** One accepted finding; {@code at} is where the entry is written in the baseline file. */
    public record Entry(FindingKey key, String message, String findingFile, SourceLocation at) {
    }

    /**
     * Writes the report's findings that count, plus those already baselined, so that rewriting a
     * baseline keeps what it held and adds what is new. Findings suppressed inline or by the
     * suppression file have their own justification and stay out. Sorted, one entry per key.
     */
    public static void write(Report report, Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        DisplayPaths paths = new DisplayPaths(absolute.getParent());
        Map<FindingKey, Finding> byKey = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            boolean counts = !f.isSuppressed() || f.suppression().kind() == Finding.Suppression.Kind.BASELINE;
            if (counts) {
                byKey.putIfAbsent(FindingKey.of(f), f);
            }
        }
        List<Finding> sorted = byKey.values().stream().sorted(Comparator.comparing(Finding::ruleId)
                .thenComparing(f -> FindingKey.of(f).resourceId()).thenComparing(f -> FindingKey.of(f).path())).toList();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("egressGuardBaseline", FORMAT_VERSION);
        ArrayNode findings = root.putArray("findings");
        for (Finding f : sorted) {
            ObjectNode n = findings.addObject();
            n.put("ruleId", f.ruleId());
            n.put("resourceId", f.resourceId());
            n.put("path", f.path());
            n.put("outcome", f.outcome().name());
            n.put("message", f.message());
            n.put("file", paths.display(f.location()));
        }
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        // The project may hold a planted link of the baseline's name: replaced, never written through.
        ReportFiles.write(absolute, out -> MAPPER.writeValue(out, root));
    }

    /** Reads a baseline; a missing, corrupt or oversized file yields ERROR diagnostics and no entries. */
    public static Baseline load(Path path) {
        return load(path, Path.of(""));
    }

    /**
     * As {@link #load(Path)}; a baseline inside {@code projectRoot} must really lie inside it (a
     * link out of the project is an error, nothing of the file it leads to is read).
     */
    public static Baseline load(Path path, Path projectRoot) {
        String name = path.toString();
        ConfinedFiles.Read read = new ConfinedFiles(projectRoot).readGiven(path, MAX_FILE_BYTES);
        if (read instanceof ConfinedFiles.Missing) {
            return failed(name, SourceLocation.of(name), "baseline file not found; write one with the baseline"
                    + " option of the plugin or CLI, or remove the setting");
        }
        if (read instanceof ConfinedFiles.Refused refused) {
            return failed(name, SourceLocation.of(name), "baseline file not read: " + refused.problem());
        }
        return parse(name, new String(((ConfinedFiles.Bytes) read).bytes(), StandardCharsets.UTF_8));
    }

    public static Baseline parse(String file, String text) {
        try {
            return parse(file, JSON.createParser(text));
        } catch (IOException e) {
            return failed(file, SourceLocation.of(file), "cannot read baseline: " + e.getMessage());
        }
    }

    private static Baseline parse(String file, JsonParser parser) {
        List<Entry> entries = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        try (JsonParser p = parser) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return failed(file, at(file, p.currentTokenLocation()), "a baseline is a JSON object with 'findings'");
            }
            boolean sawFindings = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("findings")) {
                    sawFindings = true;
                    if (value != JsonToken.START_ARRAY) {
                        return failed(file, at(file, p.currentTokenLocation()), "'findings' must be a list");
                    }
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        SourceLocation where = at(file, p.currentTokenLocation());
                        JsonNode n = p.readValueAsTree();
                        entry(n, where, problems).ifPresent(entries::add);
                    }
                } else if (field.equals("egressGuardBaseline")) {
                    if (value != JsonToken.VALUE_NUMBER_INT || p.getIntValue() != FORMAT_VERSION) {
                        return failed(file, at(file, p.currentTokenLocation()), "baseline format "
                                + (value == JsonToken.VALUE_NUMBER_INT ? p.getText() : "(not a number)") + " is not understood by this version (it reads " + FORMAT_VERSION + ")");
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!sawFindings) {
                return failed(file, SourceLocation.of(file), "a baseline needs 'findings'");
            }
        } catch (JsonProcessingException e) {
            return failed(file, at(file, e.getLocation()), "baseline is not valid JSON: " + SyntaxErrors.json(e));
        } catch (IOException e) {
            return failed(file, SourceLocation.of(file), "cannot read baseline: " + e.getMessage());
        }
        return new Baseline(file, entries, problems);
    }

    private static java.util.Optional<Entry> entry(JsonNode n, SourceLocation where, List<Diagnostic> problems) {
        if (!n.isObject()) {
            problems.add(Diagnostic.error(where, "a baseline entry must be an object with ruleId, resourceId and path"));
            return java.util.Optional.empty();
        }
        String ruleId = n.path("ruleId").asText("");
        String resourceId = n.path("resourceId").asText("");
        if (ruleId.isBlank() || !n.path("resourceId").isTextual()) {
            problems.add(Diagnostic.error(where, "a baseline entry needs 'ruleId' and 'resourceId'; it is skipped"));
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Entry(new FindingKey(ruleId, resourceId, n.path("path").asText("")),
                n.path("message").asText(""), n.path("file").asText(""), where));
    }

    /**
     * Marks findings that are in the baseline as suppressed (kind BASELINE). Entries that match no
     * finding any more are reported once, as INFO: the problem was fixed, and the baseline can shrink.
     */
    public Suppressions.Result apply(List<Finding> findings) {
        Map<FindingKey, Entry> byKey = new LinkedHashMap<>();
        entries.forEach(e -> byKey.putIfAbsent(e.key(), e));
        Set<FindingKey> matched = new HashSet<>();
        String fileName = fileName();
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Entry e = byKey.get(FindingKey.of(f));
            if (e != null) {
                // Still occurring, even if another suppression got there first: not a fixed finding.
                matched.add(e.key());
            }
            if (e == null || f.isSuppressed()) {
                out.add(f);
            } else {
                out.add(f.withSuppression(new Finding.Suppression(Finding.Suppression.Kind.BASELINE,
                        "accepted in baseline " + fileName, e.at())));
            }
        }
        List<Diagnostic> diagnostics = new ArrayList<>(this.diagnostics);
        long gone = byKey.keySet().stream().filter(k -> !matched.contains(k)).count();
        if (gone > 0) {
            diagnostics.add(Diagnostic.info(SourceLocation.of(file), gone + " baseline "
                    + (gone == 1 ? "entry matches" : "entries match") + " no finding any more (fixed?); rewrite the"
                    + " baseline to drop " + (gone == 1 ? "it" : "them")));
        }
        return new Suppressions.Result(out, diagnostics);
    }

    private String fileName() {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return file.substring(slash + 1);
    }

    private static Baseline failed(String file, SourceLocation at, String message) {
        return new Baseline(file, List.of(), List.of(Diagnostic.error(at, message)));
    }

    private static SourceLocation at(String file, JsonLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return SourceLocation.of(file);
        }
        return new SourceLocation(file, location.getLineNr(), Math.max(location.getColumnNr(), 0));
    }
}

package dev.egressguard.core.report.suppression;

import dev.egressguard.core.finding.Finding;
import dev.egressguard.core.value.Value;
import dev.egressguard.core.model.Resource;
import dev.egressguard.core.report.Report;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.SourceLocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Marks findings as suppressed. Inline entries are tried before the file's, so the justification
 * closest to the code wins; every entry that matches counts as used. An entry past its
 * {@code expires} date suppresses nothing and says so; an entry that matches nothing is stale
 * and says so: both WARNING diagnostics at the entry, so suppressions do not outlive their reason.
 */
public final class Suppressions {

    private Suppressions() {
    }

    /** Findings with suppressions applied, and what was found wrong with the suppressions. */
    public record Result(List<Finding> findings, List<Diagnostic> diagnostics) {
        public Result {
            findings = List.copyOf(findings);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * Applies the inline suppressions of the evaluated resources (their {@code metadata}) and the
     * suppression file (may be null). Diagnostics include those met reading either.
     */
    public static Result apply(List<Finding> findings, Collection<Resource> resources, SuppressionFile file,
                               LocalDate today) {
        return apply(findings, resources, file, fixed(today));
    }

    /** The same, reading the date only if an entry has an expiry date ({@link #applyTo(Report, Collection, SuppressionFile, Baseline, Supplier)}). */
    private static Result apply(List<Finding> findings, Collection<Resource> resources, SuppressionFile file,
                                Supplier<LocalDate> today) {
        List<SuppressionEntry> entries = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Resource r : resources) {
            InlineSuppressions.Loaded loaded = InlineSuppressions.read(r);
            entries.addAll(loaded.entries());
            diagnostics.addAll(loaded.diagnostics());
        }
        return withFile(findings, entries, diagnostics, file, today);
    }

    /**
     * The same, for callers that hold each resource's {@code metadata} object by resource id
     * rather than the resources; inline locations are then only as good as {@code SourceLocation.NONE}.
     */
    public static Result apply(List<Finding> findings, Map<String, Value.Obj> metadataByResourceId,
                               SuppressionFile file, LocalDate today) {
        Supplier<LocalDate> date = fixed(today);
        List<SuppressionEntry> entries = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        metadataByResourceId.forEach((id, metadata) -> {
            InlineSuppressions.Loaded loaded = InlineSuppressions.read(id, metadata, pointer -> SourceLocation.NONE);
            entries.addAll(loaded.entries());
            diagnostics.addAll(loaded.diagnostics());
        });
        return withFile(findings, entries, diagnostics, file, date);
    }

    private static Result withFile(List<Finding> findings, List<SuppressionEntry> entries, List<Diagnostic> diagnostics,
                                   SuppressionFile file, Supplier<LocalDate> today) {
        if (file != null) {
            entries.addAll(file.entries());
            diagnostics.addAll(file.diagnostics());
        }
        Result applied = apply(findings, entries, today);
        diagnostics.addAll(applied.diagnostics());
        return new Result(applied.findings(), diagnostics);
    }

    /**
     * Everything a run does after the engine: inline suppressions of the evaluated resources, then
     * the suppression file, then the baseline (either may be null). Diagnostics from reading them
     * and from applying them are added to the report's.
     */
    public static Report applyTo(Report report, Collection<Resource> resources, SuppressionFile file,
                                 Baseline baseline, LocalDate today) {
        return applyTo(report, resources, file, baseline, fixed(today));
    }

    /**
     * The same, with the date read from {@code today} only when an entry has an expiry date, and
     * then once: every entry of a run expires against the same day.
     */
    public static Report applyTo(Report report, Collection<Resource> resources, SuppressionFile file,
                                 Baseline baseline, Supplier<LocalDate> today) {
        Result suppressed = apply(report.findings(), resources, file, today);
        Report out = report.withFindings(suppressed.findings(), suppressed.diagnostics());
        if (baseline != null) {
            Result baselined = baseline.apply(out.findings());
            out = out.withFindings(baselined.findings(), baselined.diagnostics());
        }
        return out;
    }

    /** Applies entries in order: the first live entry that matches a finding suppresses it. */
    public static Result apply(List<Finding> findings, List<SuppressionEntry> entries, LocalDate today) {
        return apply(findings, entries, fixed(today));
    }

    private static Result apply(List<Finding> findings, List<SuppressionEntry> entries, Supplier<LocalDate> today) {
        Supplier<LocalDate> once = once(today);
        Set<SuppressionEntry> used = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<SuppressionEntry> expiredButMatching = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (f.isSuppressed()) {
                out.add(f);
                continue;
            }
            Finding result = f;
            for (SuppressionEntry e : entries) {
                if (!e.matches(f)) {
                    continue;
                }
                if (e.expiredOn(once)) {
                    expiredButMatching.add(e);
                    continue;
                }
                used.add(e);
                if (!result.isSuppressed()) {
                    result = f.withSuppression(e.toSuppression());
                }
            }
            out.add(result);
        }
        return new Result(out, problems(entries, used, expiredButMatching, once));
    }

    /**
     * One warning per suppression as written. An inline suppression in a copy loop becomes one
     * entry per copy, all at the same place: it is stale only if no copy used it.
     */
    private static List<Diagnostic> problems(List<SuppressionEntry> entries, Set<SuppressionEntry> used,
                                             Set<SuppressionEntry> expiredButMatching, Supplier<LocalDate> today) {
        Map<Object, List<SuppressionEntry>> written = new LinkedHashMap<>();
        for (SuppressionEntry e : entries) {
            Object key = e.source().isKnown() ? List.of(e.kind(), e.source(), e.rule().toLowerCase(Locale.ROOT)) : e;
            written.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (List<SuppressionEntry> group : written.values()) {
            SuppressionEntry e = group.get(0);
            if (e.expiredOn(today)) {
                boolean matched = group.stream().anyMatch(expiredButMatching::contains);
                diagnostics.add(Diagnostic.warning(e.source(), "suppression of " + e.describe() + " expired on "
                        + e.expires() + (matched
                        ? "; its findings count again: fix them or extend 'expires' with a fresh justification"
                        : " and matches no finding: remove it")));
            } else if (group.stream().noneMatch(used::contains)) {
                diagnostics.add(Diagnostic.warning(e.source(), "stale suppression: " + e.describe()
                        + " matches no finding; remove it (or correct the rule id or resource pattern)"));
            }
        }
        return diagnostics;
    }

    private static Supplier<LocalDate> fixed(LocalDate today) {
        Objects.requireNonNull(today, "today");
        return () -> today;
    }

    /** {@code today}, asked at most once. */
    private static Supplier<LocalDate> once(Supplier<LocalDate> today) {
        LocalDate[] read = new LocalDate[1];
        return () -> {
            if (read[0] == null) {
                read[0] = Objects.requireNonNull(today.get(), "today");
            }
            return read[0];
        };
    }
}

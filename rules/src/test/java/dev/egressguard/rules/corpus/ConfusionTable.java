package dev.egressguard.rules.corpus;

import java.util.EnumMap;
import java.util.Map;

/** Expected (manifest) against actual (Egress Guard) verdicts of one rule over the corpus. */
final class ConfusionTable {

    private final String rule;
    private final Map<Expected, Map<Expected.Actual, Integer>> cells = new EnumMap<>(Expected.class);

    ConfusionTable(String rule) {
        this.rule = rule;
        for (Expected e : Expected.values()) {
            Map<Expected.Actual, Integer> row = new EnumMap<>(Expected.Actual.class);
            for (Expected.Actual a : Expected.Actual.values()) {
                row.put(a, 0);
            }
            cells.put(e, row);
        }
    }

    void add(Expected expected, Expected.Actual actual) {
        cells.get(expected).merge(actual, 1, Integer::sum);
    }

    int count(Expected expected, Expected.Actual actual) {
        return cells.get(expected).get(actual);
    }

    /** A table a person reads in the build log: rows expected, columns actual; '*' accepted, '!' a mismatch. */
    String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-8s|", rule + " exp"));
        for (Expected.Actual a : Expected.Actual.values()) {
            sb.append(String.format(" %8s", a));
        }
        sb.append('\n');
        for (Expected e : Expected.values()) {
            sb.append(String.format("%-8s|", e.label()));
            for (Expected.Actual a : Expected.Actual.values()) {
                int n = count(e, a);
                String cell = n == 0 ? "." : n + (e.accepts(a) ? "*" : "!");
                sb.append(String.format(" %8s", cell));
            }
            sb.append('\n');
        }
        sb.append("(rows: manifest verdict; columns: Egress Guard's; '*' accepted, '!' mismatch)\n");
        return sb.toString();
    }
}

package dev.egressguard.rules.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** shared/corpus/MANIFEST.tsv: per template, the expected verdict of P1 (EG001), P2 (EG002), P3 (EG003). */
public record Manifest(List<Row> rows) {

    public static final List<String> RULES = List.of("EG001", "EG002", "EG003");

    /** One template: its folder, its main file and the expected verdict per rule id. */
    public record Row(String name, String file, Map<String, Expected> expected, String notes) {
    }

    public static Manifest read(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int name = header.indexOf("name");
        int file = header.indexOf("file");
        int notes = header.indexOf("notes");
        int defaults = header.indexOf("defaults_eval");
        int[] columns = {header.indexOf("P1_no_instance_public_ip"), header.indexOf("P2_nat_gateway_on_node_subnets"),
                header.indexOf("P3_no_lb_egress_dependency")};
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Map<String, String> fromDefaults = defaultsEval(f[defaults]);
            Map<String, Expected> expected = new HashMap<>();
            for (int i = 0; i < RULES.size(); i++) {
                String verdict = f[columns[i]].trim();
                if (verdict.equalsIgnoreCase("unsure")) {
                    verdict = fromDefaults.get("P" + (i + 1));
                    if (verdict == null) {
                        throw new IllegalArgumentException(f[name] + ": unsure P" + (i + 1) + " without defaults_eval");
                    }
                }
                expected.put(RULES.get(i), Expected.parse(verdict));
            }
            rows.add(new Row(f[name], f[file].trim().split("\\s+")[0], expected, f[notes]));
        }
        return new Manifest(List.copyOf(rows));
    }

    /** {@code P1=pass;P2=?;P3=fail} -> {P1: pass, ...}; {@code same} -> empty. */
    private static Map<String, String> defaultsEval(String text) {
        Map<String, String> out = new HashMap<>();
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq).trim().toUpperCase(), part.substring(eq + 1).trim());
            }
        }
        return out;
    }
}

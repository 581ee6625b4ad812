package dev.egressguard.core.rule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fenced {@code ```yaml} blocks of docs/rules-language.md, found from the repository root. */
public final class DocExamples {

    static final String DOC = "docs/rules-language.md";

    /** One block: where it starts in the doc and its text. */
    public record Block(int line, String text) {
        public String label() {
            return DOC + ":" + line;
        }

        public boolean isRuleFile() {
            return text.lines().anyMatch(l -> l.startsWith("apiVersion:"));
        }

        public boolean isExpectedFile() {
            return text.startsWith("# expected.yaml");
        }
    }

    private DocExamples() {
    }

    /** The repository root: the first folder above the working directory that holds the doc. */
    static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(DOC))) {
                return p;
            }
        }
        throw new IllegalStateException(DOC + " not found above " + dir);
    }

    public static List<Block> blocks() {
        List<String> lines;
        try {
            lines = Files.readAllLines(root().resolve(DOC));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> out = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (current == null && line.strip().equals("```yaml")) {
                current = new StringBuilder();
                start = i + 2;
            } else if (current != null && line.strip().equals("```")) {
                out.add(new Block(start, current.toString()));
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return out;
    }

    static List<Block> ruleFiles() {
        return blocks().stream().filter(Block::isRuleFile).toList();
    }
}

package dev.egressguard.core.rule;

import dev.egressguard.core.source.PreparedYaml;
import dev.egressguard.core.source.SafeYamlReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A build step of the rule pack (the rules module runs it on its compiled resources): writes beside
 * each rule file that {@code index.txt} lists its composed tree ({@link PreparedYaml}, the file's
 * name plus {@link RuleSetLoader#PREPARED_SUFFIX}), so that a run reads the built-in rules without
 * composing YAML. The YAML stays the one source: the prepared tree holds the text it was made from
 * and is used only for that very text. A file that does not compose, or holds a tag the format
 * cannot, gets no prepared tree (any older one is deleted): a run composes it, and reports its
 * problems, as ever.
 * <pre>{@code
 * java -cp core.jar:snakeyaml.jar dev.egressguard.core.rule.PrepareBuiltInRules rules/target/classes
 * }</pre>
 */
public final class PrepareBuiltInRules {

    private PrepareBuiltInRules() {
    }

    /** {@code args[0]}: the directory that holds {@code egress-guard/rules/index.txt}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PrepareBuiltInRules CLASSES_DIRECTORY (the one holding "
                    + RuleSetLoader.BUILT_IN_INDEX + ")");
        }
        Path folder = Path.of(args[0]).resolve(RuleSetLoader.BUILT_IN_FOLDER);
        String index = Files.readString(folder.resolve(RuleSetLoader.BUILT_IN_INDEX.substring(RuleSetLoader.BUILT_IN_FOLDER.length())));
        for (String name : RuleSetLoader.builtInNames(index)) {
            Path out = folder.resolve(name + RuleSetLoader.PREPARED_SUFFIX);
            Optional<byte[]> prepared = prepare(Files.readAllBytes(folder.resolve(name)));
            if (prepared.isPresent()) {
                Files.write(out, prepared.get());
            } else {
                Files.deleteIfExists(out);
                System.err.println(name + ": not prepared (it does not compose as plain YAML); runs will read the YAML");
            }
        }
    }

    /** The prepared tree of a rule file's bytes, decoded as the loader decodes them; empty when it cannot be. */
    static Optional<byte[]> prepare(byte[] yaml) {
        SafeYamlReader.Composed composed = SafeYamlReader.compose(new String(yaml, StandardCharsets.UTF_8));
        if (composed.failure() != null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PreparedYaml.write(yaml, composed.root()));
        } catch (PreparedYaml.Unpreparable e) {
            return Optional.empty();
        }
    }
}

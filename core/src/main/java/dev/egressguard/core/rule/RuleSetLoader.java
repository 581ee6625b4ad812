package dev.egressguard.core.rule;

import dev.egressguard.core.source.ConfinedFiles;
import dev.egressguard.core.source.Diagnostic;
import dev.egressguard.core.source.PreparedYaml;
import dev.egressguard.core.source.SafeYamlReader;
import dev.egressguard.core.source.SourceLocation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads rule files into one {@link RuleSet}: built-in rules from the classpath
 * ({@code egress-guard/rules/index.txt} lists the files beside it; the rules module provides
 * them), files, and directories of {@code *.yaml}/{@code *.yml} (not recursive, so a
 * {@code tests/} folder beside the rules is not read as rules). Rule ids must be unique across
 * everything loaded; a file's problems never stop the other files. A rule file is read through
 * {@link ConfinedFiles}: one inside the project root (by default the working directory) must really
 * lead inside it, so a link in a rules directory cannot make a secret file a "rule file" whose
 * parse errors quote it.
 * <pre>{@code
 * RuleSet rules = new RuleSetLoader().addBuiltIn().addPaths(List.of(Path.of("policy"))).load();
 * }</pre>
 */
public final class RuleSetLoader {

    public static final String BUILT_IN_FOLDER = "egress-guard/rules/";
    public static final String BUILT_IN_INDEX = BUILT_IN_FOLDER + "index.txt";
    /** Beside a built-in rule file, its composed tree as the build prepared it (see {@link PrepareBuiltInRules}). */
    public static final String PREPARED_SUFFIX = ".nodes";
    /**
     * A rule file may hold {@link SafeYaml#MAX_CODE_POINTS} characters, which UTF-8 writes in at most
     * four bytes each; a larger file is refused by its size, before it is read.
     */
    public static final long MAX_FILE_BYTES = 4L * SafeYaml.MAX_CODE_POINTS;

    private final List<Rule> rules = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();
    private final Map<String, SourceLocation> idsSeen = new HashMap<>();
    private ConfinedFiles files = new ConfinedFiles(Path.of(""));


    /** Built-in rules and the given files or directories, in that order. */
    public static RuleSet load(List<Path> paths, boolean builtIn) {
        RuleSetLoader loader = new RuleSetLoader();
        if (builtIn) {
            loader.addBuiltIn();
        }
        return loader.addPaths(paths).load();
    }

    /** As {@link #load(List, boolean)}, nothing read through a link out of {@code projectRoot}. */
    public static RuleSet load(List<Path> paths, boolean builtIn, Path projectRoot) {
        RuleSetLoader loader = new RuleSetLoader().within(projectRoot);
        if (builtIn) {
            loader.addBuiltIn();
        }
        return loader.addPaths(paths).load();
    }

    /**
     * The directory whose files are the project's (default: the working directory): a rule file
     * inside it, given or found in a rules directory, must really lead inside it; one the
     * configuration names outside it is read as given.
     */
    public RuleSetLoader within(Path projectRoot) {
        return within(new ConfinedFiles(projectRoot));
    }

    /** As {@link #within(Path)}, for a root of another name (a rule directory and its tests). */
    public RuleSetLoader within(ConfinedFiles root) {
        this.files = root;
        return this;
    }

    /** One file's text, as if read from {@code file}: for tests, docs and editors. */
    public static RuleSet parse(String file, String text) {
        return new RuleSetLoader().addText(file, text).load();
    }

    public RuleSetLoader addBuiltIn() {
        return addBuiltIn(RuleSetLoader.class.getClassLoader());
    }

    /** The built-in rules that {@code loader} provides; nothing (and no error) when the rules module is absent. */
    public RuleSetLoader addBuiltIn(ClassLoader loader) {
        List<ParsedFile> files = loader == RuleSetLoader.class.getClassLoader() ? ownBuiltIns() : readBuiltIns(loader);
        for (ParsedFile f : files) {
            if (f.parsed() == null) {
                diagnostics.add(Diagnostic.error(SourceLocation.of("classpath:" + BUILT_IN_INDEX),
                        "lists " + f.name() + ", which is not on the classpath"));
            } else {
                add(f.file(), f.parsed());
            }
        }
        return this;
    }

    /** A built-in rule file as parsed, or its name alone when the index lists a file that is not there. */
    private record ParsedFile(String name, String file, RuleFileParser.Parsed parsed) {
    }

    /**
     * Rules are immutable, so the built-in ones on this class's own class path are parsed once per
     * JVM: a Maven build calls the plugin once per module, a daemon or test suite many times. Only
     * this loader's are kept, so a static cache never holds another class loader alive.
     */
    private static volatile List<ParsedFile> ownBuiltIns;

    private static List<ParsedFile> ownBuiltIns() {
        List<ParsedFile> files = ownBuiltIns;
        if (files == null) {
            // One parse for threads that ask at once (the CLI reads them ahead, see
            // EgressGuard.readBuiltInRules): a second thread waits for the first's result.
            synchronized (RuleSetLoader.class) {
                files = ownBuiltIns;
                if (files == null) {
                    files = readBuiltIns(RuleSetLoader.class.getClassLoader());
                    ownBuiltIns = files;
                }
            }
        }
        return files;
    }

    private static List<ParsedFile> readBuiltIns(ClassLoader loader) {
        byte[] index = resource(loader, BUILT_IN_INDEX);
        if (index == null) {
            return List.of();
        }
        List<ParsedFile> files = new ArrayList<>();
        for (String name : builtInNames(new String(index, StandardCharsets.UTF_8))) {
            String file = "classpath:" + BUILT_IN_FOLDER + name;
            byte[] yaml = resource(loader, BUILT_IN_FOLDER + name);
            files.add(new ParsedFile(name, file, yaml == null ? null
                    : RuleFileParser.parse(file, new String(yaml, StandardCharsets.UTF_8), prepared(loader, name, yaml))));
        }
        return List.copyOf(files);
    }

    /**
     * The tree the build prepared for this very text ({@link PrepareBuiltInRules}); {@code null},
     * and the text is composed, when there is none or it was made from another text or is damaged.
     */
    private static SafeYamlReader.Composed prepared(ClassLoader loader, String name, byte[] yaml) {
        byte[] prepared = resource(loader, BUILT_IN_FOLDER + name + PREPARED_SUFFIX);
        return prepared == null ? null : PreparedYaml.read(prepared, yaml).orElse(null);
    }

    /** The rule files an index lists: one name a line; blank lines and {@code #} comments skipped. */
    static List<String> builtInNames(String index) {
        List<String> names = new ArrayList<>();
        for (String line : index.split("\r?\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    public RuleSetLoader addPaths(List<Path> paths) {
        paths.forEach(this::addPath);
        return this;
    }

    /** A rule file, or a directory whose {@code *.yaml} and {@code *.yml} files are read in name order. */
    public RuleSetLoader addPath(Path path) {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(p -> Files.isRegularFile(p) && isRuleFile(p)).sorted().toList();
            } catch (IOException e) {
                diagnostics.add(Diagnostic.error(SourceLocation.of(path.toString()), "cannot list the directory: " + e.getMessage()));
                return this;
            }
            files.forEach(this::addFile);
        } else if (Files.isRegularFile(path)) {
            addFile(path);
        } else {
            diagnostics.add(Diagnostic.error(SourceLocation.of(path.toString()), "no such rule file or directory"));
        }
        return this;
    }

    private void addFile(Path file) {
        String text;
        ConfinedFiles.Read read = files.readGiven(file, MAX_FILE_BYTES);
        if (read instanceof ConfinedFiles.Refused refused) {
            diagnostics.add(Diagnostic.error(SourceLocation.of(file.toString()), refused.problem()));
            return;
        }
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(((ConfinedFiles.Bytes) read).bytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            diagnostics.add(Diagnostic.error(SourceLocation.of(file.toString()), "not UTF-8 text"));
            return;
        }
        addText(file.toString(), text);
    }

    /** The rules in {@code text}, reported as {@code file}. */
    public RuleSetLoader addText(String file, String text) {
        return add(file, RuleFileParser.parse(file, text));
    }

    private RuleSetLoader add(String file, RuleFileParser.Parsed parsed) {
        sources.add(file);
        diagnostics.addAll(parsed.diagnostics());
        for (int i = 0; i < parsed.rules().size(); i++) {
            Rule rule = parsed.rules().get(i);
            SourceLocation at = parsed.idLocations().get(i);
            SourceLocation first = idsSeen.putIfAbsent(rule.id().toLowerCase(Locale.ROOT), at);
            if (first != null) {
                diagnostics.add(Diagnostic.error(at, "duplicate rule id '" + rule.id() + "': already defined at " + first));
            } else {
                rules.add(rule);
            }
        }
        return this;
    }

    public RuleSet load() {
        return new RuleSet(rules, diagnostics, sources);
    }

    static boolean isRuleFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    private static byte[] resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}

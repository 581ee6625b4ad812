package dev.egressguard.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * What {@code bin/egress}'s first run puts in its class-data sharing archive, whatever command that
 * run was.
 *
 * <p>The launcher's first run records the archive every later run maps
 * ({@code -XX:ArchiveClassesAtExit}), and a JVM archives only the classes it loaded. A first run of
 * {@code egress --version} or {@code egress rules list} loaded a fraction of what a verify needs;
 * every later verify then loaded the rest from the jar again, for as long as the archive lived
 * (0.58 s of CPU for a verify of the bundled example instead of 0.34 s). So the recording run
 * (the launcher tells it with {@value #RECORDING}) also loads, after its command, the classes a
 * verify and a map of the bundled example load, listed in the jar at packaging ({@value #LIST}).
 * It loads them without initialising them: no static initialiser runs, nothing is printed, and a
 * name the list has but this JVM cannot load is skipped. A run that does not record never reads
 * the list.
 */
public final class ArchivedClasses {

    /** The jar's list of class names, one per line, written at packaging. */
    public static final String LIST = "egress-guard/archive-classes.txt";

    /** The system property {@code bin/egress} sets to {@code true} on the run that records the archive. */
    public static final String RECORDING = "egress.cds.recording";

    /** More than the list's two thousand names, fewer than a damaged file could hold. */
    private static final int MAX_NAMES = 20_000;

    private ArchivedClasses() {
    }

    /** On the launcher's recording run only: loads the listed classes; returns how many it loaded. */
    static int loadWhenRecording() {
        return Boolean.getBoolean(RECORDING) ? load(ArchivedClasses.class.getClassLoader()) : 0;
    }

    /** Loads, without initialising them, the classes the list names that {@code loader} can load. */
    static int load(ClassLoader loader) {
        InputStream list = loader.getResourceAsStream(LIST);
        if (list == null) {
            return 0; // a jar built without its test classes (-Dmaven.test.skip) has no list
        }
        int loaded = 0;
        try (BufferedReader names = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            String name;
            for (int read = 0; read < MAX_NAMES && (name = names.readLine()) != null; read++) {
                if (loadQuietly(name.strip(), loader)) {
                    loaded++;
                }
            }
        } catch (IOException e) {
            // the archive holds fewer classes; the run itself is done and its result stands
        }
        return loaded;
    }

    private static boolean loadQuietly(String name, ClassLoader loader) {
        if (name.isEmpty()) {
            return false;
        }
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}

package dev.egressguard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The recording run's loading of the listed classes: quiet, without initialising them, only when recording. */
class ArchivedClassesTest {

    static volatile boolean canaryInitialised;

    /** A class whose initialiser would show that loading it ran it. */
    static final class Canary {
        static {
            canaryInitialised = true;
        }

        private Canary() {
        }
    }

    @TempDir
    Path dir;

    @Test
    void loadsTheListedClassesWithoutInitialisingThemAndSkipsWhatItCannotLoad() throws Exception {
        Path list = dir.resolve(ArchivedClasses.LIST);
        Files.createDirectories(list.getParent());
        Files.write(list, List.of("java.util.concurrent.ConcurrentSkipListMap", "", "no.such.Clazz",
                "  " + Canary.class.getName() + "  ", "not a class name", "dev.egressguard.core.EgressGuard"));

        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, getClass().getClassLoader())) {
            assertThat(ArchivedClasses.load(loader)).isEqualTo(3);
        }
        assertThat(canaryInitialised).as("loading must not run static initialisers").isFalse();
    }

    @Test
    void aLoaderWithoutTheListLoadsNothing() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, null)) {
            assertThat(ArchivedClasses.load(loader)).isZero();
        }
    }

    @Test
    void onlyTheRecordingRunLoads() {
        assertThat(System.getProperty(ArchivedClasses.RECORDING)).isNull();
        assertThat(ArchivedClasses.loadWhenRecording()).isZero();
    }
}

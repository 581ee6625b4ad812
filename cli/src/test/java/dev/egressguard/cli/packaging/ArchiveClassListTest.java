package dev.egressguard.cli.packaging;

import dev.egressguard.cli.ArchivedClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaging step that lists, in the jar, the classes a verify and a map load. */
class ArchiveClassListTest {

    @TempDir
    Path dir;

    @Test
    void aJvmClassListBecomesClassNamesWithoutDirectivesCommentsOrHiddenClasses() {
        List<String> jvmList = List.of(
                "# NOTE: Do not modify this file.",
                "#",
                "java/lang/Object",
                "dev/egressguard/cli/Main",
                "dev/egressguard/core/value/Value$Obj",
                "@lambda-proxy dev/egressguard/cli/Main run ()Ljava/lang/Runnable; ()V REF_invokeStatic x y ()V",
                "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L7_L",
                "dev/egressguard/cli/Main$$Lambda$1/0x0000000800c00a00",
                "java/lang/invoke/LambdaForm$MH/0x0000000800c01000",
                "");

        assertThat(ArchiveClassList.classNames(jvmList))
                .containsExactly("java.lang.Object", "dev.egressguard.cli.Main", "dev.egressguard.core.value.Value$Obj");
    }

    @Test
    void theListIsWrittenIntoTheJarBesideItsOtherEntriesAndReplacedWhenWrittenAgain() throws Exception {
        Path jar = dir.resolve("cli.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("dev/egressguard/cli/Main.class"));
            out.write(new byte[]{1, 2, 3});
            out.closeEntry();
        }

        ArchiveClassList.writeInto(jar, List.of("a.Old"));
        ArchiveClassList.writeInto(jar, List.of("java.lang.Object", "dev.egressguard.cli.Main"));

        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(zip.getEntry("dev/egressguard/cli/Main.class")).isNotNull();
            assertThat(new String(zip.getInputStream(zip.getEntry(ArchivedClasses.LIST)).readAllBytes(),
                    StandardCharsets.UTF_8).lines()).containsExactly("java.lang.Object", "dev.egressguard.cli.Main");
        }
    }
}

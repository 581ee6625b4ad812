package dev.egressguard.cli.packaging;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A packaging step, not a test: rewrites the class files of the shaded CLI jar that are older than
 * Java 6 as Java 8 class files with stack map frames, so that {@code bin/egress}'s class-data
 * sharing archive can hold them.
 *
 * <p>Why: picocli is compiled for Java 5, and JDK 17's class-data sharing refuses such class files
 * ("Pre JDK 6 class not supported by CDS"). So every run of the launcher loaded picocli's 176
 * classes from the jar and checked them with the old inference verifier, the largest cost of a
 * small verify's start (docs/performance.md, "Cold start"). Only the version number and the
 * frames the type-checking verifier needs change; the instructions stay as they are. A class the
 * frames cannot be computed for (one with {@code jsr}/{@code ret}, or whose supertypes are not in
 * the jar) fails the build rather than ship a class that would not verify.
 *
 * <p>It lives in the test sources so that neither it nor ASM ships in the jar; the CLI's pom runs
 * it with the test classpath (maven-antrun-plugin) right after the shade plugin made the jar, and
 * {@code OldClassFilesTest} and {@code LauncherTest} check what it does.
 */
public final class OldClassFiles {

    /** Java 6's class file version: the first that carries stack map frames and that CDS archives. */
    static final int JAVA_6 = 50;

    private OldClassFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: OldClassFiles JAR");
        }
        Path jar = Path.of(args[0]);
        int upgraded = upgradeInPlace(jar);
        System.out.println("[class-data sharing] " + upgraded + " class files older than Java 6 rewritten as Java 8 in "
                + jar.getFileName());
    }

    /** Rewrites {@code jar}'s old class files; the jar is replaced only once every one of them is rewritten. */
    static int upgradeInPlace(Path jar) throws IOException {
        Path partial = jar.resolveSibling(jar.getFileName() + ".upgrading");
        int upgraded = 0;
        try (ZipFile in = new ZipFile(jar.toFile());
             URLClassLoader supertypes = new URLClassLoader(new URL[]{jar.toUri().toURL()},
                     ClassLoader.getPlatformClassLoader());
             OutputStream file = Files.newOutputStream(partial);
             ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream stream = in.getInputStream(entry)) {
                    bytes = stream.readAllBytes();
                }
                if (entry.getName().endsWith(".class") && isOlderThanJava6(bytes)) {
                    bytes = upgrade(bytes, supertypes);
                    upgraded++;
                }
                // Same name, order and time: the jar stays as reproducible as the shade plugin made it.
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING);
        return upgraded;
    }

    static boolean isOlderThanJava6(byte[] classFile) {
        // u4 magic, u2 minor_version, u2 major_version
        int major = ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
        return major < JAVA_6;
    }

    /**
     * The same class as a Java 8 class file. Frames need the common supertype of two types, which
     * ASM finds by loading them: from {@code supertypes}, without initialising them.
     */
    static byte[] upgrade(byte[] classFile, ClassLoader supertypes) {
        ClassReader reader = new ClassReader(classFile);
        // Not ClassWriter(reader, ...): that copies unchanged methods as they are, without frames.
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return supertypes;
            }
        };
        try {
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public void visit(int version, int access, String name, String signature, String superName,
                                  String[] interfaces) {
                    super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
                }
            }, ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot rewrite " + reader.getClassName() + " for class-data sharing: "
                    + e.getMessage(), e);
        }
        return writer.toByteArray();
    }
}

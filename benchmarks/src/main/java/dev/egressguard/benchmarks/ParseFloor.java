package dev.egressguard.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.List;

/**
 * The floor as a whole process: a JVM that reads every JSON file under a directory and
 * parses it with Jackson ({@code ObjectMapper.readTree}), one after another, then exits. {@link
 * WholeProcess} times it against {@code egress verify} of the same directory.
 *
 * <p>Usage: {@code ParseFloor <dir>}
 */
public final class ParseFloor {

    private ParseFloor() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> files = EstateGenerator.jsonFiles(Path.of(args[0]));
        long nodes = Measure.parseAll(new ObjectMapper(), files);
        System.out.println(files.size() + " files, " + nodes + " top-level nodes");
    }
}

package dev.egressguard.core.report;

import java.io.IOException;
import java.io.Writer;

/** Renders a report in one format. Implementations hold their options and no state between calls. */
public interface Reporter {

    void write(Report report, Writer out) throws IOException;
}

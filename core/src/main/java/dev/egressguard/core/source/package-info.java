/**
 * Where things are written and what went wrong there: source locations, diagnostics, excerpts, confined file access, syntax-error wording.
 *
 * <p>May use: the JDK only: the lowest layer. Checked by {@code ArchitectureTest}.
 */
package dev.egressguard.core.source;

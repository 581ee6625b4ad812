package dev.egressguard.maven;

import dev.egressguard.core.report.SafeText;
import org.apache.maven.plugin.logging.Log;

/**
 * The build log as every goal of the plugin sees it: each message is escaped by
 * {@link SafeText#forTerminal} on its way to Maven's log, so that no file name, resource name or
 * rule text from a pull request can colour the log, reorder it, or forge a line that a CI runner
 * takes for a command ({@code ::error::}, {@code ##vso[}). Escaping is idempotent, so lines the
 * reporters escaped already read the same.
 */
final class EscapingLog implements Log {

    private final Log log;

    private EscapingLog(Log log) {
        this.log = log;
    }

    /** {@code log} with escaping, once: wrapping an escaping log returns it as it is. */
    static Log of(Log log) {
        return log instanceof EscapingLog ? log : new EscapingLog(log);
    }

    private static String safe(CharSequence content) {
        return content == null ? null : SafeText.forTerminal(content.toString());
    }

    @Override public boolean isDebugEnabled() { return log.isDebugEnabled(); }
    @Override public void debug(CharSequence content) { log.debug(safe(content)); }
    @Override public void debug(CharSequence content, Throwable error) { log.debug(safe(content), error); }
    @Override public void debug(Throwable error) { log.debug(error); }
    @Override public boolean isInfoEnabled() { return log.isInfoEnabled(); }
    @Override public void info(CharSequence content) { log.info(safe(content)); }
    @Override public void info(CharSequence content, Throwable error) { log.info(safe(content), error); }
    @Override public void info(Throwable error) { log.info(error); }
    @Override public boolean isWarnEnabled() { return log.isWarnEnabled(); }
    @Override public void warn(CharSequence content) { log.warn(safe(content)); }
    @Override public void warn(CharSequence content, Throwable error) { log.warn(safe(content), error); }
    @Override public void warn(Throwable error) { log.warn(error); }
    @Override public boolean isErrorEnabled() { return log.isErrorEnabled(); }
    @Override public void error(CharSequence content) { log.error(safe(content)); }
    @Override public void error(CharSequence content, Throwable error) { log.error(safe(content), error); }
    @Override public void error(Throwable error) { log.error(error); }
}

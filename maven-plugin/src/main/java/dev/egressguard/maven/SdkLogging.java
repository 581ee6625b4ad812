package dev.egressguard.maven;

import org.apache.maven.plugin.logging.Log;

import java.util.List;

/**
 * Keeps the Azure SDK's and MSAL's own log lines out of the build log unless Maven runs with
 * {@code -X}: when an audit cannot sign in they log every credential they tried (INFO lines, an
 * MSAL warning with a JSON parse error, {@code {"az.sdk.message":...}} lines), while the goal
 * already fails with one message saying what to do. They log through SLF4J, which Maven binds to
 * its simple logger; that logger reads a logger's level from system properties when the logger is
 * made, and the SDK's loggers are made only once {@code egress:audit} loads the SDK, after this.
 */
final class SdkLogging {

    static final List<String> SDK_LOGGERS = List.of("com.azure", "com.microsoft.aad.msal4j");
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.log.";

    private SdkLogging() {
    }

    static void quietUnlessDebug(Log log) {
        if (log.isDebugEnabled()) {
            return;
        }
        for (String logger : SDK_LOGGERS) {
            // A level the user gave (-Dorg.slf4j.simpleLogger.log.com.azure=info) stays theirs.
            if (System.getProperty(LEVEL_PROPERTY + logger) == null) {
                System.setProperty(LEVEL_PROPERTY + logger, "off");
            }
        }
    }
}

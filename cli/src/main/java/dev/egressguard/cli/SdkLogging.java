package dev.egressguard.cli;

/**
 * Where the Azure SDK's, MSAL's and Netty's logging goes. They log through SLF4J, which the CLI binds
 * to slf4j-simple (stderr). By default none of it shows: when an audit cannot sign in, the SDK logs
 * each credential it tried at INFO and WARNING, while the tool already says in one line what went
 * wrong and what to do. With {@code --debug} it shows: the SDK and MSAL at DEBUG, the rest at INFO.
 * slf4j-simple reads these properties when the first logger is made, so this runs before a command.
 */
final class SdkLogging {

    static final String DEFAULT_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final String LOGGER_LEVEL = "org.slf4j.simpleLogger.log.";

    private SdkLogging() {
    }

    static void configure(boolean debug) {
        if (debug) {
            System.setProperty(DEFAULT_LEVEL, "info");
            System.setProperty(LOGGER_LEVEL + "com.azure", "debug");
            System.setProperty(LOGGER_LEVEL + "com.microsoft.aad.msal4j", "debug");
        } else if (System.getProperty(DEFAULT_LEVEL) == null) {
            // A level given with -D (JAVA_TOOL_OPTIONS) is the user's choice and stays.
            System.setProperty(DEFAULT_LEVEL, "off");
        }
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    }
}

package io.huixun.app.cli;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Entry point of the {@code huixun} command; see {@link HuixunCommand} for the commands. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        routeJavaUtilLogging();
        System.exit(HuixunCommand.run(args));
    }

    /**
     * Sends java.util.logging (Lucene's "vector incubator module is not readable", HanLP's dictionary messages) through
     * SLF4J to Logback, so every log line has one format and one level setting (logback.xml, HUIXUN_LOG_LEVEL)
     * instead of JUL's two-line console format.
     */
    static void routeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}

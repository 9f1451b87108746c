package io.huixun.app;

import io.huixun.app.cli.HuixunCommand;

/** Entry point of the {@code huixun} command; see {@link HuixunCommand} for the commands. */
public final class Main {
    /** Held so that the level set below is not lost when the logger is garbage-collected. */
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

    private Main() {}

    public static void main(String[] args) {
        // Lucene reports through java.util.logging that the optional vector module is absent: not the user's concern.
        LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
        System.exit(HuixunCommand.run(args));
    }
}

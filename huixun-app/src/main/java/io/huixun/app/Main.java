package io.huixun.app;

import io.huixun.app.cli.HuixunCommand;

/** Entry point of the {@code huixun} command; see {@link HuixunCommand} for the commands. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(HuixunCommand.run(args));
    }
}

package io.huixun.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code huixun} command and the exit-code policy shared by every subcommand. */
@Command(name = "huixun", mixinStandardHelpOptions = true, version = "huixun 0.1.0",
        description = "Huixun (汇讯): a self-hosted aggregator and search engine for Chinese-language news.",
        subcommands = {ConvertCommand.class, RepairCommand.class, ExtractCommand.class, IngestCommand.class,
                SearchCommand.class, ServeCommand.class, DemoCommand.class, SourcesCommand.class, ReindexCommand.class,
                ExportCommand.class, MigrateCommand.class, UsersCommand.class, CommandLine.HelpCommand.class})
public final class HuixunCommand implements Runnable {
    public static final int OK = 0;
    public static final int BAD_INPUT = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** Runs the command line and returns the exit code; never lets a user error escape as a stack trace. */
    public static int run(String... args) {
        return run(CommandLine.defaultFactory(), args);
    }

    /** {@link #run(String...)} with the commands made by {@code factory} (tests give a command its settings). */
    static int run(CommandLine.IFactory factory, String... args) {
        return commandLine(factory).execute(args);
    }

    /**
     * The command tree with the shared policy: usage errors and failures each one line, enum values in any case, and
     * the exit codes listed in every command's help ({@link #EXIT_CODES} where a command lists none of its own).
     */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new HuixunCommand(), factory);
        cli.setExecutionExceptionHandler(HuixunCommand::handle);
        cli.setParameterExceptionHandler(HuixunCommand::usageError);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        listExitCodes(cli);
        return cli;
    }

    /** What every command's exit code means, unless it says more precisely (see ingest, extract, sources import). */
    static final java.util.Map<String, String> EXIT_CODES = exitCodes("0:success",
            "1:failure, said in one line on stderr (bad input, no installation in the folder, a store or index that"
                    + " cannot be opened)", "2:usage error (unknown option, missing or invalid value)");

    private static java.util.Map<String, String> exitCodes(String... entries) {
        java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
        for (String e : entries) {
            int colon = e.indexOf(':');
            codes.put(String.format("%3s", e.substring(0, colon)), e.substring(colon + 1));
        }
        return java.util.Collections.unmodifiableMap(codes);
    }

    private static void listExitCodes(CommandLine cli) {
        CommandLine.Model.UsageMessageSpec usage = cli.getCommandSpec().usageMessage();
        if (usage.exitCodeList().isEmpty()) {
            usage.exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
        }
        cli.getSubcommands().values().stream().distinct().forEach(HuixunCommand::listExitCodes);
    }

    /**
     * A usage error (unknown option, missing or invalid value): one line on stderr naming the command and pointing
     * at its help, exit code 2. {@code huixun search --limit -1} → {@code huixun search: --limit must be between 1
     * and 100, got -1 (see huixun search --help)}.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        String name = cli.getCommandSpec().qualifiedName();
        String message = String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ");
        cli.getErr().println(name + ": " + message + " (see " + name + " --help)");
        return USAGE;
    }

    /** Throws the usage error (exit code 2) {@code message} for {@code command} unless {@code valid}. */
    static void require(boolean valid, CommandLine.Model.CommandSpec command, String message) {
        if (!valid) {
            throw new CommandLine.ParameterException(command.commandLine(), message);
        }
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        String name = cli.getCommandSpec().qualifiedName();
        if (e instanceof UserInputException) {
            err.println(name + ": " + e.getMessage());
            return BAD_INPUT;
        }
        java.util.Optional<String> diskFull = io.huixun.ingest.DiskFull.describe(e);
        if (diskFull.isPresent()) {
            err.println(name + ": " + diskFull.get() + "; free space on that disk and run the command again (what was"
                    + " stored before is kept)");
            return BAD_INPUT;
        }
        if (isBrokenPipe(e)) {
            return OK; // the reader went away (huixun … | head): not an error of ours or theirs
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            err.println(name + ": " + e.getMessage());
            return BAD_INPUT;
        }
        err.println(name + ": internal error: " + e);
        if (System.getenv(io.huixun.app.Settings.DEBUG) != null) {
            e.printStackTrace(err);
        } else {
            err.println("(set HUIXUN_DEBUG=1 for the stack trace, and please report it)");
        }
        return BAD_INPUT;
    }

    private static boolean isBrokenPipe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException && String.valueOf(t.getMessage()).contains("Broken pipe")) {
                return true;
            }
        }
        return false;
    }
}

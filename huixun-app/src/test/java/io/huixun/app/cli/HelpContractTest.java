package io.huixun.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command's {@code --help} keeps the CLI's contract: each option and argument described, each description line
 * a whole sentence or list (no sentence cut across lines), no word, path or URL cut by the wrapping, and the exit
 * codes listed.
 */
class HelpContractTest {
    /** Every command and subcommand, depth first, without picocli's own {@code help}. */
    static List<CommandLine> commands() {
        List<CommandLine> all = new ArrayList<>();
        collect(HuixunCommand.commandLine(CommandLine.defaultFactory()), all);
        return all;
    }

    private static void collect(CommandLine cli, List<CommandLine> into) {
        into.add(cli);
        cli.getSubcommands().values().stream().distinct()
                .filter(c -> !(c.getCommand() instanceof CommandLine.HelpCommand))
                .forEach(c -> collect(c, into));
    }

    /** The command's description lines, then each option's and argument's. */
    private static List<String> descriptionLines(CommandSpec spec) {
        List<String> lines = new ArrayList<>(List.of(spec.usageMessage().description()));
        spec.args().forEach(a -> lines.addAll(List.of(a.description())));
        return lines;
    }

    @Test
    void everyOptionAndArgumentIsDescribed() {
        List<String> undescribed = new ArrayList<>();
        for (CommandLine cli : commands()) {
            CommandSpec spec = cli.getCommandSpec();
            List<ArgSpec> args = new ArrayList<>(spec.options());
            args.addAll(spec.positionalParameters());
            for (ArgSpec a : args) {
                String name = a.isOption() ? ((CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel();
                if (String.join(" ", a.description()).isBlank()) {
                    undescribed.add(spec.qualifiedName() + " " + name);
                }
            }
        }
        assertThat(undescribed).isEmpty();
    }

    @Test
    void noDescriptionLineStopsInTheMiddleOfASentence() {
        List<String> cut = new ArrayList<>();
        for (CommandLine cli : commands()) {
            CommandSpec spec = cli.getCommandSpec();
            for (String line : descriptionLines(spec)) {
                // a line ends a sentence or introduces what follows, or is one form on its own (a URL pattern)
                if (!line.strip().matches("(?s).*[.:)。]$|\\S+")) {
                    cut.add(spec.qualifiedName() + ": «" + line + "»");
                }
            }
        }
        assertThat(cut).isEmpty();
    }

    /**
     * The rendered help (picocli's 80 columns; it may break a line at '/', '?' or ':') wraps between words only:
     * every word of every description, a path such as {@code ./huixun-data} or a URL such as
     * {@code postgresql://HOST:PORT/DATABASE?user=NAME} included, shows whole.
     */
    @Test
    void helpWrapsBetweenWordsOnly() {
        List<String> cut = new ArrayList<>();
        for (CommandLine cli : commands()) {
            CommandSpec spec = cli.getCommandSpec();
            String help = cli.getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (String line : descriptionLines(spec)) {
                for (String word : line.split("\\s+")) {
                    String shown = word.replace("${DEFAULT-VALUE}", "");
                    if (!shown.isEmpty() && !word.contains("${") && !help.contains(shown)) {
                        cut.add(spec.qualifiedName() + ": «" + shown + "»");
                    }
                }
            }
        }
        assertThat(cut).isEmpty();
    }

    @Test
    void everyCommandListsItsExitCodes() {
        List<String> without = new ArrayList<>();
        for (CommandLine cli : commands()) {
            String help = cli.getUsageMessage(CommandLine.Help.Ansi.OFF);
            if (!(help.contains("Exit codes:") && help.matches("(?s).*\\n\\s+0\\s.*\\n\\s+1\\s.*\\n\\s+2\\s.*"))) {
                without.add(cli.getCommandSpec().qualifiedName());
            }
        }
        assertThat(without).isEmpty();
    }

    @Test
    void helpOfEveryCommandIsExitZeroOnStdout() {
        for (CommandLine cli : commands()) {
            List<String> words = new ArrayList<>(List.of(cli.getCommandSpec().qualifiedName().split(" ")));
            words.removeFirst(); // "huixun"
            words.add("--help");
            CliRun r = CliRun.run(words.toArray(String[]::new));
            assertThat(r.exitCode()).as(String.join(" ", words)).isZero();
            assertThat(r.stdout()).contains("Exit codes:");
            assertThat(r.stderr()).isEmpty();
        }
    }
}

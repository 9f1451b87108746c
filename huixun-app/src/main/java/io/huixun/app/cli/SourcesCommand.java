package io.huixun.app.cli;

import io.huixun.app.Installation;
import io.huixun.store.NewSource;
import io.huixun.store.Source;
import io.huixun.store.SourceAddResult;
import io.huixun.store.SourceKind;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code huixun sources add|list|remove}. */
@Command(name = "sources", mixinStandardHelpOptions = true, description = "Manage the sources that huixun serve refreshes.",
        subcommands = {SourcesCommand.Add.class, SourcesCommand.ListSources.class, SourcesCommand.Remove.class})
final class SourcesCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say add, list or remove");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a feed, sitemap or page URL.")
    static final class Add implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Parameters(index = "0", paramLabel = "URL")
        String url;

        @Option(names = "--name", description = "Display name (default: the host).")
        String name;

        @Option(names = "--every", defaultValue = "30", paramLabel = "MINUTES", description = "Base refresh interval (default 30).")
        long minutes;

        @Option(names = "--charset", description = "Charset to use instead of detection (e.g. gb18030).")
        String charset;

        @Override
        public Integer call() {
            URI uri;
            try {
                uri = new URI(url.strip());
            } catch (Exception e) {
                throw new UserInputException("not a URL: " + url);
            }
            String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new UserInputException("a source must be an http(s) URL, got " + url);
            }
            if (minutes < 1 || minutes > 7 * 24 * 60) {
                throw new UserInputException("--every must be between 1 and 10080 minutes, got " + minutes);
            }
            try (Installation installation = data.open()) {
                SourceAddResult r = installation.store().addSource(new NewSource(name != null ? name : uri.getHost(),
                        uri.toString(), SourceKind.FEED, Optional.ofNullable(charset), Duration.ofMinutes(minutes)));
                return switch (r) {
                    case SourceAddResult.Added a -> {
                        System.out.println("added source #" + a.source().id() + " " + a.source().url());
                        yield HuixunCommand.OK;
                    }
                    case SourceAddResult.AlreadyRegistered a -> {
                        System.out.println("already a source: #" + a.existing().id());
                        yield HuixunCommand.OK;
                    }
                    case SourceAddResult.Rejected x -> throw new UserInputException(x.field() + ": " + x.message());
                };
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List sources with their health.")
    static final class ListSources implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Override
        public Integer call() {
            try (Installation installation = data.open()) {
                for (Source s : installation.store().listSources()) {
                    System.out.printf("#%d  %s  %s  every %d min%s  failures %d  last ok %s%s%n", s.id(), s.name(),
                            s.url(), s.refreshInterval().toMinutes(), s.paused() ? " (paused)" : "",
                            s.health().consecutiveFailures(),
                            s.health().lastSuccess().map(Object::toString).orElse("never"),
                            s.health().lastError().map(e -> "  last error: " + e).orElse(""));
                }
                return HuixunCommand.OK;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a source (its articles stay).")
    static final class Remove implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            try (Installation installation = data.open()) {
                if (!installation.store().removeSource(id)) {
                    throw new UserInputException("no source #" + id);
                }
                System.out.println("removed source #" + id);
                return HuixunCommand.OK;
            }
        }
    }
}

package io.huixun.app.cli;

import io.huixun.app.FeedTitle;
import io.huixun.app.Installation;
import io.huixun.app.OpmlExport;
import io.huixun.fetch.FetchSettings;
import io.huixun.fetch.Fetcher;
import io.huixun.fetch.SourceUrl;
import io.huixun.source.ParseResult;
import io.huixun.source.SourceParser;
import io.huixun.source.Subscription;
import io.huixun.store.NewSource;
import io.huixun.store.Source;
import io.huixun.store.SourceAddResult;
import io.huixun.store.SourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.xml.stream.XMLStreamException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code huixun sources add|list|remove|pause|resume|import|export}. Every one opens only the store
 * ({@link Installation.Mode#STORE}), so they work while {@code huixun serve} runs on the same folder, and what they
 * change reaches it: serve's refresher leases due sources from that store.
 */
@Command(name = "sources", mixinStandardHelpOptions = true, description = "Manage the sources that huixun serve refreshes.",
        subcommands = {SourcesCommand.Add.class, SourcesCommand.ListSources.class, SourcesCommand.Remove.class,
                SourcesCommand.Pause.class, SourcesCommand.Resume.class, SourcesCommand.Import.class,
                SourcesCommand.Export.class})
final class SourcesCommand implements Runnable {
    static final long MAX_EVERY_MINUTES = 7 * 24 * 60;
    /** Deadline of the one fetch that looks up a new source's title: the user is waiting at the prompt. */
    static final Duration TITLE_LOOKUP_READ = Duration.ofSeconds(5);
    static final Duration TITLE_LOOKUP_DEADLINE = Duration.ofSeconds(10);
    static final int SHOWN_PROBLEMS = 20;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "say add, list, remove, pause, resume, import or export");
    }

    static void checkEvery(CommandLine.Model.CommandSpec spec, long minutes) {
        HuixunCommand.require(minutes >= 1 && minutes <= MAX_EVERY_MINUTES, spec,
                "--every must be a whole number of minutes from 1 to " + MAX_EVERY_MINUTES + ", got " + minutes);
    }

    static void checkId(CommandLine.Model.CommandSpec spec, long id) {
        HuixunCommand.require(id >= 1, spec, "ID must be a source number (1 or more), got " + id);
    }

    /** The http(s) URL the user typed, read by the fetcher's rules ({@link SourceUrl}); else a usage error. */
    static SourceUrl.Fetchable sourceUrl(CommandLine.Model.CommandSpec spec, String url) {
        return switch (SourceUrl.read(url)) {
            case SourceUrl.Fetchable ok -> ok;
            case SourceUrl.NotHttp no -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "a source must be an http(s) URL, got " + url);
            case SourceUrl.NotUrl no -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "not a URL: " + url);
        };
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add a feed, sitemap or page URL.",
                    "Without --name the source is named after the feed's title, read from the URL now (10 s at most), "
                            + "or after the host when it has none or cannot be read."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DataOption data;

        @Parameters(index = "0", paramLabel = "URL",
                description = "The http(s) URL of the feed, sitemap or page.")
        String url;

        @Option(names = "--name", description = "Display name (default: the feed's title, else the host).")
        String name;

        @Option(names = "--every", defaultValue = "30", paramLabel = "MINUTES",
                description = "Base refresh interval, 1 to 10080 (default 30).")
        long minutes;

        @Option(names = "--charset", description = "Charset to use instead of detection (e.g. gb18030).")
        String charset;

        /** Empty: the settings' own (tests give loopback-allowing ones). */
        private final Optional<FetchSettings> fetchSettings;

        Add() {
            this.fetchSettings = Optional.empty();
        }

        /** With these fetch settings for the title look-up (tests allow loopback addresses). */
        Add(FetchSettings fetchSettings) {
            this.fetchSettings = Optional.of(fetchSettings);
        }

        @Override
        public Integer call() {
            SourceUrl.Fetchable typed = sourceUrl(spec, url);
            URI uri = typed.uri();
            checkEvery(spec, minutes);
            HuixunCommand.require(charset == null || supported(charset), spec,
                    "--charset: unknown charset '" + charset + "' (e.g. utf-8, gb18030, big5)");
            HuixunCommand.require(name == null || !name.isBlank(), spec, "--name must not be blank");
            try (Installation installation = data.open(Installation.Mode.STORE)) {
                String shown = name;
                String note = "";
                if (shown == null) {
                    Fetcher fetcher = Fetcher.create(fetchSettings.orElseGet(() -> data.settings().fetch()).withTimeouts(TITLE_LOOKUP_READ, TITLE_LOOKUP_DEADLINE));
                    switch (FeedTitle.lookUp(fetcher, uri)) {
                        case FeedTitle.Found f -> {
                            shown = f.title();
                            note = " (the feed's title)";
                        }
                        case FeedTitle.Missing m -> {
                            shown = typed.host();
                            note = " (named after the host: " + m.reason() + ")";
                        }
                    }
                }
                SourceAddResult r = installation.store().addSource(new NewSource(shown.strip(), uri.toString(),
                        SourceKind.FEED, Optional.ofNullable(charset), Duration.ofMinutes(minutes)));
                return switch (r) {
                    case SourceAddResult.Added a -> {
                        System.out.println("added source #" + a.source().id() + " " + a.source().name() + note + " "
                                + a.source().url());
                        yield HuixunCommand.OK;
                    }
                    case SourceAddResult.AlreadyRegistered a -> {
                        System.out.println("already a source: #" + a.existing().id() + " " + a.existing().name());
                        yield HuixunCommand.OK;
                    }
                    case SourceAddResult.Rejected x -> throw new UserInputException(x.field() + ": " + x.message());
                };
            }
        }

        private static boolean supported(String charset) {
            try {
                return Charset.isSupported(charset.strip());
            } catch (IllegalArgumentException illegalName) {
                return false;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List sources with their health.")
    static final class ListSources implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Override
        public Integer call() {
            try (Installation installation = data.openExisting(Installation.Mode.STORE)) {
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

    /**
     * A subcommand about one source by its number: checks the number (0 → usage error, exit 2), opens the store and
     * runs; an unknown number is "no source #9 (see huixun sources list)", exit 1.
     */
    abstract static class OnSource implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DataOption data;

        @Parameters(index = "0", paramLabel = "ID", description = "The source's number, as huixun sources list shows it.")
        long id;

        @Override
        public final Integer call() {
            checkId(spec, id);
            try (Installation installation = data.openExisting(Installation.Mode.STORE)) {
                return run(installation);
            }
        }

        abstract int run(Installation installation);

        UserInputException unknown() {
            return new UserInputException("no source #" + id + " (see huixun sources list)");
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a source (its articles stay).")
    static final class Remove extends OnSource {
        @Override
        int run(Installation installation) {
            if (!installation.store().removeSource(id)) {
                throw unknown();
            }
            System.out.println("removed source #" + id);
            return HuixunCommand.OK;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Stop refreshing a source (kept, with its articles, until resumed).")
    static final class Pause extends OnSource {
        @Override
        int run(Installation installation) {
            return setPaused(this, installation, true);
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Refresh a paused source again.")
    static final class Resume extends OnSource {
        @Override
        int run(Installation installation) {
            return setPaused(this, installation, false);
        }
    }

    private static int setPaused(OnSource command, Installation installation, boolean paused) {
        if (!installation.store().setSourcePaused(command.id, paused)) {
            throw command.unknown();
        }
        String name = installation.store().findSource(command.id).map(Source::name).orElse("");
        System.out.println((paused ? "paused" : "resumed") + " source #" + command.id + " " + name);
        return HuixunCommand.OK;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Add every feed (an outline with an xmlUrl) of an OPML subscription list, named by its title"
                    + " (or text).", "Feeds already registered are left as they are."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every feed imported or already present", "1:the file is unreadable, or some outlines "
                    + "could not be imported", "2:usage error"})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DataOption data;

        @Parameters(index = "0", paramLabel = "FILE.opml", description = "The OPML file; '-' for standard input.")
        String file;

        @Option(names = "--every", defaultValue = "30", paramLabel = "MINUTES",
                description = "Base refresh interval of the imported sources, 1 to 10080 (default 30).")
        long minutes;

        @Override
        public Integer call() throws IOException {
            checkEvery(spec, minutes);
            byte[] bytes;
            try (InputStream in = CliStreams.open(file)) {
                bytes = in.readAllBytes();
            }
            String shownFile = CliStreams.displayName(file);
            List<Subscription> subscriptions;
            List<String> problems = new ArrayList<>();
            switch (SourceParser.opml(bytes)) {
                case ParseResult.Malformed<List<Subscription>> m ->
                        throw new UserInputException(shownFile + ": not a readable OPML file: " + m.reason());
                case ParseResult.Parsed<List<Subscription>> p -> {
                    subscriptions = p.value();
                    problems.addAll(p.warnings()); // each one an outline skipped (an xmlUrl that is not http(s))
                }
            }
            int outlines = subscriptions.size() + problems.size();
            int imported = 0;
            int present = 0;
            try (Installation installation = data.open(Installation.Mode.STORE)) {
                for (Subscription s : subscriptions) {
                    // Folders (s.folders()) have no place in the store yet: only the name and URL are kept.
                    String sourceName = s.title().isBlank() ? s.feedUrl().getHost() : s.title().strip();
                    SourceAddResult r = installation.store().addSource(new NewSource(sourceName,
                            s.feedUrl().toString(), SourceKind.FEED, Optional.empty(), Duration.ofMinutes(minutes)));
                    switch (r) {
                        case SourceAddResult.Added a -> imported++;
                        case SourceAddResult.AlreadyRegistered a -> present++;
                        case SourceAddResult.Rejected x ->
                                problems.add("\"" + sourceName + "\" " + s.feedUrl() + ": " + x.field() + ": " + x.message());
                    }
                }
            }
            System.out.println("imported " + imported + " of " + outlines + " feeds from " + shownFile + "; " + present
                    + " already present; " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
            problems.stream().limit(SHOWN_PROBLEMS).forEach(p -> System.err.println("huixun sources import: " + p));
            if (problems.size() > SHOWN_PROBLEMS) {
                System.err.println("huixun sources import: … and " + (problems.size() - SHOWN_PROBLEMS) + " more problems");
            }
            return problems.isEmpty() ? HuixunCommand.OK : HuixunCommand.BAD_INPUT;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write every source as an OPML 2.0 subscription list (UTF-8) to standard output.")
    static final class Export implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Override
        public Integer call() throws IOException, XMLStreamException {
            List<Source> sources;
            try (Installation installation = data.openExisting(Installation.Mode.STORE)) {
                sources = installation.store().listSources();
            }
            Writer out = CliStreams.stdout();
            OpmlExport.write(sources, out, ZonedDateTime.now());
            out.flush();
            return HuixunCommand.OK;
        }
    }
}

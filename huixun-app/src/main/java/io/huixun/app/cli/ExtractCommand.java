package io.huixun.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huixun.extract.ArticleExtractor;
import io.huixun.extract.ExtractOptions;
import io.huixun.extract.Extraction;
import io.huixun.extract.RawDocument;
import io.huixun.fetch.AddressPolicy;
import io.huixun.fetch.FetchResult;
import io.huixun.fetch.FetchSettings;
import io.huixun.fetch.Fetcher;
import io.huixun.model.Article;
import io.huixun.model.Dateline;
import io.huixun.model.Image;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code huixun extract FILE|URL…}: one JSON object per article on its own line (DESIGN §5): {@code input, title,
 * body, published, author, source, charset, teaser}, then {@code dateline, url, images, warnings}. A portal dump gives
 * one line per item (the lead first). Unreadable inputs are reported on stderr and the others still processed.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract articles (title, body, publish time, author, source) from HTML pages and text files.",
                "Files may be in any charset. A portal dump (.txt: a lead article, then items separated by '-' lines) "
                        + "gives one JSON line per item. '-' reads standard input. http(s) URLs are fetched politely "
                        + "(robots.txt, public addresses only unless --allow-address)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:bad input (missing file, empty or binary input, URL not fetched)",
                "2:usage error"})
final class ExtractCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Parameters(arity = "1..*", paramLabel = "FILE|URL", description = "HTML pages or text files ('-' for stdin).")
    List<String> inputs = List.of();

    @Option(names = "--now", paramLabel = "TIME", description = "Resolve relative times (3小时前, 昨天 10:30) against "
            + "this ISO-8601 time instead of the clock, e.g. 2025-04-27T12:00:00+08:00.")
    String now;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Asia/Shanghai",
            description = "Zone of times written without one (default: ${DEFAULT-VALUE}).")
    String zone;

    @Option(names = "--allow-address", paramLabel = "CIDR", description = "Also fetch from this address range "
            + "(repeatable), e.g. a LAN source at 192.168.1.20/32. By default only public addresses are fetched.")
    List<String> allowedRanges = List.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Fetcher fetcher;

    @Override
    public Integer call() throws IOException {
        ExtractOptions options = options();
        ArticleExtractor extractor = new ArticleExtractor(options);
        Writer out = CliStreams.stdout();
        int status = HuixunCommand.OK;
        for (String input : inputs) {
            try {
                Extraction result = extractor.extract(read(input));
                switch (result) {
                    case Extraction.Extracted ok -> {
                        for (Article a : ok.articles()) {
                            JSON.writeValue(out, json(input, a, ok));
                            out.write('\n');
                        }
                    }
                    case Extraction.Unreadable bad -> throw new UserInputException(
                            CliStreams.displayName(input) + ": " + bad.reason());
                }
            } catch (UserInputException e) {
                out.flush();
                System.err.println("huixun extract: " + e.getMessage());
                status = HuixunCommand.BAD_INPUT; // report, and go on with the other inputs
            }
        }
        out.flush();
        return status;
    }

    private ExtractOptions options() {
        ZoneId z;
        try {
            z = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--zone: unknown zone '" + zone + "'");
        }
        if (now == null) {
            return new ExtractOptions(ZonedDateTime.now(z), z);
        }
        try {
            return new ExtractOptions(OffsetDateTime.parse(now).atZoneSameInstant(z), z);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--now: expected an ISO-8601 time with offset such as 2025-04-27T12:00:00+08:00, got '" + now + "'");
        }
    }

    private RawDocument read(String input) {
        String lower = input.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return fetch(input);
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
            throw new UserInputException(input + ": only files and http(s) URLs can be extracted");
        }
        try (InputStream in = CliStreams.open(input)) {
            byte[] bytes = in.readNBytes(ArticleExtractor.MAX_BYTES + 1);
            return RawDocument.ofFile(CliStreams.displayName(input), bytes);
        } catch (IOException e) {
            throw new UserInputException("cannot read '" + input + "': " + e.getMessage(), e);
        }
    }

    /** Fetches through the shared fetcher (SSRF guard, robots.txt, size cap, deadline); any refusal is one line. */
    private RawDocument fetch(String url) {
        if (fetcher == null) {
            AddressPolicy policy = AddressPolicy.standard();
            try {
                if (!allowedRanges.isEmpty()) {
                    policy = policy.allowing(allowedRanges);
                }
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--allow-address: " + e.getMessage());
            }
            fetcher = Fetcher.create(FetchSettings.defaults().withAddressPolicy(policy));
        }
        FetchResult result = fetcher.fetch(url);
        return switch (result) {
            case FetchResult.Fetched f -> new RawDocument(url, f.body(), Optional.of(f.finalUrl()),
                    f.header("content-type"));
            case FetchResult.NotModified n -> throw new UserInputException(url + ": not modified");
            case FetchResult.BlockedByRobots b -> throw new UserInputException(url + ": disallowed by robots.txt ("
                    + b.reason() + ")");
            case FetchResult.BlockedAddress b -> throw new UserInputException(url + ": address not allowed ("
                    + b.reason() + "); --allow-address CIDR permits a LAN source");
            case FetchResult.InvalidUrl i -> throw new UserInputException(url + ": " + i.reason());
            case FetchResult.TooLarge t -> throw new UserInputException(url + ": larger than "
                    + t.limitBytes() + " bytes");
            case FetchResult.TimedOut t -> throw new UserInputException(url + ": timed out after " + t.after()
                    + " (" + t.phase() + ")");
            case FetchResult.HttpError h -> throw new UserInputException(url + ": HTTP " + h.status());
            case FetchResult.TooManyRedirects r -> throw new UserInputException(url + ": too many redirects");
            case FetchResult.Deferred d -> throw new UserInputException(url + ": the host asked us to wait until "
                    + d.notBefore());
            case FetchResult.Failed f -> throw new UserInputException(url + ": " + f.reason());
        };
    }

    private static Map<String, Object> json(String input, Article a, Extraction.Extracted ok) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input);
        m.put("title", a.title());
        m.put("body", a.body());
        m.put("published", a.published().map(t -> t.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .orElse(null));
        m.put("author", a.author().orElse(null));
        m.put("source", a.source().orElse(null));
        m.put("charset", ok.charset());
        m.put("teaser", a.teaser());
        m.put("dateline", a.dateline().map(Dateline::text).orElse(null));
        m.put("url", a.canonicalUrl().map(URI::toString).orElse(null));
        List<String> images = new ArrayList<>();
        for (Image i : a.images()) {
            images.add(i.url().toString());
        }
        m.put("images", images);
        List<String> warnings = new ArrayList<>();
        for (Extraction.Warning w : ok.warnings()) {
            warnings.add(w.name().toLowerCase(Locale.ROOT));
        }
        warnings.sort(null);
        m.put("warnings", warnings);
        return m;
    }
}

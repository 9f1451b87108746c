package io.huixun.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huixun.extract.ArticleExtractor;
import io.huixun.extract.DatelineParser;
import io.huixun.extract.ExtractOptions;
import io.huixun.extract.Extraction;
import io.huixun.extract.RawDocument;
import io.huixun.fetch.AddressPolicy;
import io.huixun.fetch.FetchResult;
import io.huixun.fetch.FetchSettings;
import io.huixun.fetch.Fetcher;
import io.huixun.model.Article;
import io.huixun.model.Image;
import io.huixun.source.DocumentKind;
import io.huixun.source.Enclosure;
import io.huixun.source.EntryText;
import io.huixun.source.Feed;
import io.huixun.source.FeedEntry;
import io.huixun.source.ParseResult;
import io.huixun.source.Sitemap;
import io.huixun.source.SitemapEntry;
import io.huixun.source.SourceParser;
import io.huixun.text.charset.CharsetDetector;
import io.huixun.text.time.NewsZone;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Path;
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
 * {@code huixun extract FEED|SITEMAP|URL|FILE…}: one JSON object per article on its own line (DESIGN §5):
 * {@code input, title, body, published, author, source, charset, teaser}, then {@code dateline, url, images,
 * warnings}. A portal dump gives one line per item (the lead first). A feed (RSS, RDF, Atom, JSON Feed) gives one line
 * per entry with the same first fields, then {@code link, enclosures} ({@code url, type, length, kind}), {@code image}
 * and {@code kind}; a sitemap one line per page and per child sitemap. What an input is comes from its root element
 * ({@link SourceParser#detect}), not its name. Unreadable inputs are reported on stderr and the others still processed.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract articles (title, body, publish time, author, source) from HTML pages and text files, "
                        + "and the entries of feeds (RSS, Atom, JSON Feed) and sitemaps.",
                "Files may be in any charset. A portal dump (.txt: a lead article, then items separated by '-' lines) "
                        + "gives one JSON line per item. '-' reads standard input. http(s) URLs are fetched politely "
                        + "(robots.txt, public addresses only unless --allow-address)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:bad input (missing file, empty or binary input, URL not fetched)",
                "2:usage error"})
final class ExtractCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Parameters(arity = "1..*", paramLabel = "FEED|SITEMAP|URL|FILE",
            description = "Feeds, sitemaps, HTML pages or text files, as files or http(s) URLs ('-' for stdin).")
    List<String> inputs = List.of();

    @Option(names = "--now", paramLabel = "TIME", description = "Resolve relative times (3小时前, 昨天 10:30) against "
            + "this ISO-8601 time instead of the clock, e.g. 2025-04-27T12:00:00+08:00.")
    String now;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = NewsZone.ID,
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
        AddressPolicy policy = addressPolicy(); // a bad range is a usage error even when no URL is given
        ArticleExtractor extractor = new ArticleExtractor(options);
        Writer out = CliStreams.stdout();
        return CliStreams.eachInput("extract", inputs, out, input -> {
            RawDocument document = read(input, policy);
            DocumentKind kind = SourceParser.detect(document.bytes(), document.contentType());
            if (kind.isFeed()) {
                writeFeed(out, input, document, options.defaultZone());
                return;
            }
            byte[] b = document.bytes();
            boolean gzip = b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b; // a .xml.gz sitemap
            if (kind.isSitemap() || gzip) {
                writeSitemap(out, input, document);
                return;
            }
            Extraction result = extractor.extract(document);
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
        });
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

    /** The standard policy widened by {@code --allow-address}; a value that is not a CIDR range is a usage error. */
    private AddressPolicy addressPolicy() {
        try {
            return allowedRanges.isEmpty() ? AddressPolicy.standard() : AddressPolicy.standard().allowing(allowedRanges);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--allow-address: " + e.getMessage());
        }
    }

    private RawDocument read(String input, AddressPolicy policy) {
        String lower = input.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return fetch(input, policy);
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
    private RawDocument fetch(String url, AddressPolicy policy) {
        if (fetcher == null) {
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

    /** The address relative links of a feed or sitemap resolve against: the final URL, else the file's. */
    private static URI locationOf(String input, RawDocument document) {
        return document.url().orElseGet(() -> input.equals("-") ? URI.create("file:///dev/stdin")
                : Path.of(input).toAbsolutePath().normalize().toUri());
    }

    private static Optional<Charset> charsetOf(Optional<String> contentType) {
        return contentType.flatMap(t -> {
            int i = t.toLowerCase(Locale.ROOT).indexOf("charset=");
            return i < 0 ? Optional.empty()
                    : CharsetDetector.forLabel(t.substring(i + 8).split("[;\\s]", 2)[0].replace("\"", ""));
        });
    }

    private void writeFeed(Writer out, String input, RawDocument document, ZoneId zone) throws IOException {
        ParseResult<Feed> parsed = SourceParser.feed(document.bytes(), locationOf(input, document),
                charsetOf(document.contentType()), zone);
        Feed feed = switch (parsed) {
            case ParseResult.Parsed<Feed> p -> p.value();
            case ParseResult.Malformed<Feed> bad -> throw new UserInputException(CliStreams.displayName(input)
                    + ": malformed feed: " + bad.reason());
        };
        for (FeedEntry e : feed.entries()) {
            EntryText.FeedSide side = EntryText.assess(e);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("input", input);
            m.put("title", e.title());
            m.put("body", side.text());
            m.put("published", e.published().map(ExtractCommand::iso).orElse(null));
            m.put("author", e.author().orElse(null));
            m.put("source", feed.title().isEmpty() ? null : feed.title());
            m.put("charset", feed.charset());
            m.put("teaser", side.teaser());
            m.put("link", e.url().map(URI::toString).orElse(null));
            List<Map<String, Object>> enclosures = new ArrayList<>();
            for (Enclosure x : e.enclosures()) {
                Map<String, Object> em = new LinkedHashMap<>();
                em.put("url", x.url().toString());
                em.put("type", x.mimeType().orElse(null));
                em.put("length", x.length().isPresent() ? x.length().getAsLong() : null);
                em.put("kind", x.kind().name().toLowerCase(Locale.ROOT));
                enclosures.add(em);
            }
            m.put("enclosures", enclosures);
            m.put("image", e.image().map(URI::toString).orElse(null));
            m.put("kind", "entry");
            JSON.writeValue(out, m);
            out.write('\n');
        }
    }

    private void writeSitemap(Writer out, String input, RawDocument document) throws IOException {
        URI location = locationOf(input, document);
        Sitemap sitemap = switch (SourceParser.sitemap(document.bytes(), location)) {
            case ParseResult.Parsed<Sitemap> p -> p.value();
            case ParseResult.Malformed<Sitemap> bad -> throw new UserInputException(CliStreams.displayName(input)
                    + ": malformed sitemap: " + bad.reason());
        };
        for (SitemapEntry e : sitemap.articlePages()) {
            Map<String, Object> m = sitemapLine(input, e.url());
            e.news().ifPresent(n -> {
                m.put("title", n.title());
                m.put("published", n.published().map(ExtractCommand::iso).orElse(null));
                m.put("source", n.publication().isEmpty() ? null : n.publication());
            });
            m.put("kind", "page");
            JSON.writeValue(out, m);
            out.write('\n');
        }
        for (URI child : sitemap.childSitemaps()) {
            Map<String, Object> m = sitemapLine(input, child);
            m.put("kind", "sitemap");
            JSON.writeValue(out, m);
            out.write('\n');
        }
    }

    /** A sitemap line: the page fields (a sitemap has no text, so {@code teaser} is true), then the link. */
    private static Map<String, Object> sitemapLine(String input, URI url) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input);
        m.put("title", "");
        m.put("body", "");
        m.put("published", null);
        m.put("author", null);
        m.put("source", null);
        m.put("charset", "UTF-8");
        m.put("teaser", true);
        m.put("link", url.toString());
        m.put("enclosures", List.of());
        m.put("image", null);
        return m;
    }

    private static String iso(ZonedDateTime t) {
        return t.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
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
        m.put("dateline", a.dateline().map(DatelineParser::heading).orElse(null));
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

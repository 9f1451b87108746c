package io.huixun.ingest;

import io.huixun.extract.RawDocument;
import io.huixun.source.DocumentKind;
import io.huixun.source.Feed;
import io.huixun.store.ArticleStore;
import io.huixun.store.StoreLimits;
import io.huixun.source.FeedEntry;
import io.huixun.source.ParseResult;
import io.huixun.source.SourceParser;
import io.huixun.text.charset.Utf8;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Local inputs → candidates: a folder (recursively, in name order), a JSONL file (line by line), a feed file (known by
 * its root element, wherever it starts), an OPML file (its feeds become sources), or any other document (a page, a
 * portal dump). URLs are the {@link Crawler}'s.
 *
 * <p>A JSONL file of thousands of articles is the bulk path: its lines are prepared on the {@link OrderedIngest}
 * pool and written in file order. Immutable and thread-safe (each call has its own state).
 */
final class InputRouter {
    private static final long MAX_FILE_BYTES = 64L << 20;
    /** A JSONL line longer than the store accepts for an article's text cannot hold an article it would save. */
    static final int MAX_LINE_CHARS = StoreLimits.DEFAULT.maxTextChars();

    private final DocumentReader reader;
    private final OrderedIngest.Factory bulk;
    private final ArticleStore store;

    InputRouter(DocumentReader reader, OrderedIngest.Factory bulk, ArticleStore store) {
        this.reader = reader;
        this.bulk = bulk;
        this.store = store;
    }

    IngestReport ingestPath(Path path, IngestProgress progress, ArticleSink sink) {
        if (!Files.exists(path)) {
            return IngestReport.problem(path.toString(), "no such file or folder");
        }
        return Files.isDirectory(path) ? ingestFolder(path, progress, sink)
                : ingestFile(path, progress, 0, sizeOf(path), sink);
    }

    private IngestReport ingestFolder(Path folder, IngestProgress progress, ArticleSink sink) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            return IngestReport.problem(folder.toString(), "cannot list the folder: " + e.getMessage());
        }
        long total = files.stream().mapToLong(InputRouter::sizeOf).sum();
        long done = 0;
        IngestReport report = IngestReport.EMPTY;
        for (Path file : files) {
            report = report.plus(ingestFile(file, progress, done, total, sink));
            done += sizeOf(file);
            progress.advanced(done, total, report);
        }
        return report;
    }

    private IngestReport ingestFile(Path file, IngestProgress progress, long doneBefore, long total, ArticleSink sink) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return ingestJsonl(file, progress, doneBefore, total);
        }
        long size = sizeOf(file);
        if (size > MAX_FILE_BYTES) {
            return IngestReport.problem(file.toString(), "file too large (" + size + " bytes; at most "
                    + MAX_FILE_BYTES + "; split it, or use JSONL, which is read line by line)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return IngestReport.problem(file.toString(), "cannot read: " + e.getMessage());
        }
        String uri = file.toAbsolutePath().normalize().toUri().toString();
        DocumentKind kind = SourceParser.detect(bytes, Optional.empty());
        if (kind.isFeed()) {
            return switch (SourceParser.feed(bytes, URI.create(uri))) {
                case ParseResult.Parsed<Feed> parsed -> {
                    IngestReport report = IngestReport.EMPTY;
                    for (FeedEntry entry : parsed.value().entries()) {
                        report = report.plus(sink.accept(FeedCandidates.of(entry, file.toString(), parsed.value(),
                                OptionalLong.empty())));
                    }
                    yield report;
                }
                case ParseResult.Malformed<Feed> bad -> IngestReport.problem(file.toString(),
                        "not a readable feed: " + bad.reason());
            };
        }
        if (kind == DocumentKind.OPML) {
            return OpmlSources.register(bytes, file.toString(), store);
        }
        if (kind.isSitemap()) {
            return IngestReport.problem(file.toString(), "a sitemap lists pages to fetch, it is no article: give its"
                    + " URL to huixun ingest, or add it with huixun sources add");
        }
        return reader.read(new RawDocument(file.toString(), bytes, Optional.of(URI.create(uri)), Optional.empty()),
                uri, OptionalLong.empty(), sink);
    }

    private IngestReport ingestJsonl(Path file, IngestProgress progress, long doneBefore, long total) {
        var decoder = Utf8.strictDecoder();
        OrderedIngest ordered = bulk.start();
        IngestReport problems = IngestReport.EMPTY;
        try (InputStream in = Files.newInputStream(file);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16)) {
            long bytes = doneBefore;
            int lineNo = 0;
            for (String line; (line = lines.readLine()) != null; ) {
                lineNo++;
                bytes += utf8Length(line) + 1;
                if (line.isBlank()) {
                    continue;
                }
                String origin = file + ":" + lineNo;
                if (line.length() > MAX_LINE_CHARS) {
                    problems = problems.plus(IngestReport.problem(origin, String.format("line too long: %,d"
                            + " characters, over the limit of %,d per line; not read", line.length(), MAX_LINE_CHARS)));
                    continue;
                }
                switch (JsonlItems.parse(line, origin, OptionalLong.empty())) {
                    case JsonlItems.Result.Ok ok -> ordered.submit(ok.candidate());
                    case JsonlItems.Result.Invalid bad -> problems = problems.plus(IngestReport.problem(origin,
                            bad.reason()));
                }
                if (lineNo % 200 == 0) {
                    progress.advanced(Math.min(bytes, total), total, problems.plus(ordered.report()));
                }
            }
        } catch (CharacterCodingException e) {
            problems = problems.plus(IngestReport.problem(file.toString(),
                    "not UTF-8 (JSONL must be UTF-8); stopped there"));
        } catch (IOException e) {
            problems = problems.plus(IngestReport.problem(file.toString(), "cannot read: " + e.getMessage()));
        }
        return problems.plus(ordered.finish());
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}

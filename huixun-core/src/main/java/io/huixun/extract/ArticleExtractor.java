package io.huixun.extract;

import io.huixun.model.Article;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * The extract stage: the bytes of a page or a text file to {@link Article}s.
 *
 * <p>HTML gives one article (metadata first, then the density-based main-text finder); plain text gives one
 * article, or one per item for a portal dump (a lead and its teasers, separated by {@code -} lines). Whether the
 * input is HTML is decided by the {@code Content-Type}, then by the bytes ({@code <html}, {@code <!doctype},
 * {@code <body}, … near the start), not by the file name, because saved pages are often misnamed.
 *
 * <p>Never throws for bad input: empty, binary or textless inputs give {@link Extraction.Unreadable}; a truncated
 * page, a wrong charset label or undecodable bytes give a best effort flagged with {@link Extraction.Warning}s.
 * Example: the seed dump {@code 000_05223ddfc07066bf.txt} → 7 articles, the lead (published 2025-04-26+08:00)
 * and 6 teasers. Immutable and thread-safe.
 */
public final class ArticleExtractor {
    /** Inputs beyond this are cut (and flagged truncated): no real article page needs more, and memory stays bounded. */
    public static final int MAX_BYTES = 16 << 20;
    private static final Pattern HTML_START = Pattern.compile(
            "<(?:!doctype\\s+html|html|head|body|meta|title|div|p|table|article|!--)[\\s>]", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOCUMENT_TAG = Pattern.compile("<(?:!doctype\\s+html|html|head|body)[\\s>]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMON_TAG = Pattern.compile(
            "</?(?:div|p|a|span|table|tr|td|br|img|form|ul|li|h[1-6]|script|style|meta|link|font|b|center)[\\s>/]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_END = Pattern.compile("</(?:html|body)\\s*>\\s*$", Pattern.CASE_INSENSITIVE);

    private final ExtractOptions options;

    public ArticleExtractor(ExtractOptions options) {
        this.options = options;
    }

    /** Extracts the articles of one input. */
    public Extraction extract(RawDocument input) {
        byte[] bytes = input.bytes();
        EnumSet<Extraction.Warning> warnings = EnumSet.noneOf(Extraction.Warning.class);
        if (bytes.length > MAX_BYTES) {
            bytes = java.util.Arrays.copyOf(bytes, MAX_BYTES);
            warnings.add(Extraction.Warning.TRUNCATED);
        }
        Optional<String> notText = PageDecoder.notText(bytes);
        if (notText.isPresent()) {
            return new Extraction.Unreadable(notText.get());
        }
        boolean html = isHtml(bytes, input.contentType());
        PageDecoder.Decoded decoded = PageDecoder.decode(bytes, input.contentType(), html);
        warnings.addAll(decoded.warnings());
        String text = decoded.text();
        if (html) {
            return html(text, input.url(), decoded, warnings);
        }
        List<Article> articles = new PlainTextReader(options).read(text);
        if (articles.isEmpty()) {
            return new Extraction.Unreadable("no text found");
        }
        return new Extraction.Extracted(articles, decoded.charset().name(), warnings);
    }

    /**
     * Decodes an input the way {@link #extract} does (BOM, label, {@code <meta>}, detection), for callers that keep
     * or show the text itself; empty input and binary data decode too (to whatever they decode to).
     */
    public static DecodedText decode(RawDocument input) {
        boolean html = isHtml(input.bytes(), input.contentType());
        PageDecoder.Decoded d = PageDecoder.decode(input.bytes(), input.contentType(), html);
        return new DecodedText(d.text(), d.charset().name(), d.warnings());
    }

    private Extraction html(String text, Optional<URI> url, PageDecoder.Decoded decoded,
                            EnumSet<Extraction.Warning> warnings) {
        String tail = text.length() > 2048 ? text.substring(text.length() - 2048) : text;
        if (!HTML_END.matcher(tail.strip()).find()) {
            warnings.add(Extraction.Warning.TRUNCATED);
        }
        Document doc = Jsoup.parse(text, url.map(URI::toString).orElse(""), Parser.htmlParser());
        HtmlArticleReader.Read read = new HtmlArticleReader(options).read(doc, url);
        warnings.addAll(read.warnings());
        Article a = read.article();
        if (a.title().isEmpty() && a.paragraphs().isEmpty()) {
            return new Extraction.Unreadable("no title and no text found in the page");
        }
        return new Extraction.Extracted(List.of(a), decoded.charset().name(), warnings);
    }

    private static boolean isHtml(byte[] bytes, Optional<String> contentType) {
        if (contentType.isPresent()) {
            String ct = contentType.get().toLowerCase(Locale.ROOT);
            if (ct.contains("html") || ct.contains("xml")) {
                return true;
            }
            if (ct.startsWith("text/plain")) {
                return false;
            }
        }
        // Tags are ASCII in every charset we accept, and UTF-16 pages carry a BOM: a Latin-1 view is enough to sniff.
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE || (bytes[0] & 0xFF) == 0xFF)) {
            String head = new String(bytes, 0, Math.min(bytes.length, 2048),
                    (bytes[0] & 0xFF) == 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
            return HTML_START.matcher(head).find() && head.stripLeading().startsWith("\uFEFF<");
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        if (DOCUMENT_TAG.matcher(head).find()) {
            return true; // saved pages may be wrapped (<text id=… encoding=…> in crawl dumps) but have these
        }
        // Otherwise: starts with a tag and keeps using common ones (fragments, pages saved without <html>).
        String lead = head.replace("\u00EF\u00BB\u00BF", "").stripLeading();
        if (!lead.startsWith("<")) {
            return false;
        }
        var m = COMMON_TAG.matcher(head);
        int tags = 0;
        while (m.find() && tags < 3) {
            tags++;
        }
        return tags >= 3;
    }
}

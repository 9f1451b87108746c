package io.huixun.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated fixtures (bytes flipped, cut, spliced, repeated) must never make a parser throw: each answers Parsed or
 * Malformed. Deterministic (fixed seed), 360 inputs through four parsers.
 */
class SourceParserRobustnessTest {
    private static final URI BASE = URI.create("https://news.example.cn/feed");
    private static final List<String> FIXTURES = List.of("rss2-gb2312.xml", "atom.xml", "rss1.rdf", "rss091.xml",
            "feed.json", "news-sitemap.xml", "sitemap-index.xml", "subscriptions.opml", "list-page.html");

    @Test
    void mutatedDocumentsNeverThrow() throws IOException {
        Random random = new Random(20260425L);
        int parsed = 0;
        int malformed = 0;
        for (String name : FIXTURES) {
            byte[] original = resource(name);
            for (int i = 0; i < 40; i++) {
                byte[] input = mutate(original, random);
                for (ParseResult<?> r : parseAll(input)) {
                    if (r instanceof ParseResult.Parsed<?>) {
                        parsed++;
                    } else {
                        malformed++;
                    }
                }
            }
        }
        // both outcomes occur: the mutations are neither all harmless nor all fatal
        assertThat(parsed).isPositive();
        assertThat(malformed).isPositive();
    }

    @Test
    void hostileOddities() {
        List<String> odd = List.of("\u0000\u0000\u0000", "<", "{", "[1,2,3]",
                "{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[" + "[".repeat(5000) + "]}",
                "<?xml version=\"1.0\" encoding=\"no-such-charset\"?><rss/>",
                "<rss version=\"2.0\">" + "<channel>".repeat(3000) + "</rss>",
                "\uFEFF<feed xmlns=\"http://www.w3.org/2005/Atom\"/>",
                "<!DOCTYPE [[[[", "<!--", "<?", "\u0000<\u0000r\u0000s", "<iframe", "<p>a<iframe/><iframe>b",
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content type=\"application/x\">!!notbase64"
                        + "</content><link rel=\"enclosure\" href=\"::\"/></entry></feed>");
        for (String s : odd) {
            assertThatCode(() -> parseAll(s.getBytes(StandardCharsets.UTF_8)))
                    .as(s.substring(0, Math.min(40, s.length()))).doesNotThrowAnyException();
        }
    }

    private static List<ParseResult<?>> parseAll(byte[] input) {
        assertThat(SourceParser.detect(input, java.util.Optional.of("text/html"))).isNotNull();
        assertThat(FeedText.paragraphs(new String(input, StandardCharsets.UTF_8))).isNotNull();
        ParseResult<Feed> parsedFeed = SourceParser.feed(input, BASE);
        if (parsedFeed instanceof ParseResult.Parsed<Feed> feed) {
            feed.value().entries().forEach(e -> assertThat(EntryText.choose(e, "页面正文")).isNotNull());
        }
        return List.of(parsedFeed, SourceParser.sitemap(input, BASE), SourceParser.opml(input),
                SourceParser.listPage(new String(input, StandardCharsets.UTF_8), BASE));
    }

    private static byte[] mutate(byte[] b, Random r) {
        byte[] out = b.clone();
        switch (r.nextInt(5)) {
            case 0 -> { // flip some bytes
                for (int k = 0; k < 1 + r.nextInt(8); k++) {
                    out[r.nextInt(out.length)] = (byte) r.nextInt(256);
                }
            }
            case 1 -> out = java.util.Arrays.copyOf(b, r.nextInt(b.length)); // truncate
            case 2 -> { // splice a markup character in
                int at = r.nextInt(out.length);
                out[at] = (byte) "<>&\"'{}[]:,".charAt(r.nextInt(11));
            }
            case 3 -> { // drop a span
                int from = r.nextInt(b.length);
                int to = Math.min(b.length, from + r.nextInt(200));
                byte[] cut = new byte[b.length - (to - from)];
                System.arraycopy(b, 0, cut, 0, from);
                System.arraycopy(b, to, cut, from, b.length - to);
                out = cut;
            }
            default -> { // duplicate a span
                int from = r.nextInt(b.length);
                int len = Math.min(b.length - from, r.nextInt(300));
                byte[] dup = new byte[b.length + len];
                System.arraycopy(b, 0, dup, 0, from + len);
                System.arraycopy(b, from, dup, from + len, b.length - from);
                out = dup;
            }
        }
        return out;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SourceParserRobustnessTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}

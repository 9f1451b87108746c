package io.huixun.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of one robots.txt for one crawler, evaluated per RFC 9309.
 *
 * <p>Design note: parsing and longest-match evaluation are crawler-commons'. Its gaps against RFC 9309 and Google's
 * conformance suite (robotstxt-spec-test) are closed by normalising the body before it sees it:
 * <ul>
 *   <li>a full or partial UTF-8 byte-order mark ({@code EF}, {@code EF BB}, {@code EF BB BF}) at the start is dropped
 *       (a truncated BOM must not swallow the first {@code User-agent} line);</li>
 *   <li>a {@code User-agent} value is cut to its product token, the leading run of {@code [A-Za-z_-]} (RFC 9309
 *       §2.2.1): {@code "User-agent: AB42bot"} names the crawler {@code AB}, so a crawler called {@code AB42bot}
 *       does not match it;</li>
 *   <li>crawler-commons turns a huge {@code Crawl-delay} into "disallow everything"; Crawl-delay is not part of RFC
 *       9309, so the limit is lifted and the value only reported ({@link #crawlDelay()}).</li>
 * </ul>
 * The {@code /robots.txt} URL itself is always fetchable (RFC 9309 §2.2.2: "implicitly allowed"); crawler-commons
 * answers true for it too.
 *
 * <p>Example: {@code "User-agent: *\nDisallow: /private"} → {@code isAllowed(http://h/private/x)} is false.
 * Immutable and thread-safe.
 */
public final class RobotsPolicy {
    private static final RobotsPolicy ALLOW_ALL = new RobotsPolicy(Mode.ALLOW_ALL, null);
    private static final RobotsPolicy DISALLOW_ALL = new RobotsPolicy(Mode.DISALLOW_ALL, null);

    private enum Mode { ALLOW_ALL, DISALLOW_ALL, RULES }

    private final Mode mode;
    private final BaseRobotRules rules;

    private RobotsPolicy(Mode mode, BaseRobotRules rules) {
        this.mode = mode;
        this.rules = rules;
    }

    /**
     * Parses a robots.txt body for a crawler whose product token is {@code productToken} (e.g. {@code Huixun};
     * matched case-insensitively).
     *
     * @param robotsUrl the URL the body came from (its scheme and authority scope the rules)
     */
    public static RobotsPolicy parse(URI robotsUrl, byte[] body, String productToken) {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 5);
        BaseRobotRules parsed = parser.parseContent(robotsUrl.toString(), normalise(body), "text/plain",
                List.of(productToken.toLowerCase(Locale.ROOT)));
        return new RobotsPolicy(Mode.RULES, parsed);
    }

    /** The policy when robots.txt is unavailable (RFC 9309 §2.3.1.3: a 4xx status means no restrictions). */
    public static RobotsPolicy allowAll() {
        return ALLOW_ALL;
    }

    /** The policy when robots.txt is unreachable (RFC 9309 §2.3.1.4: 5xx or network error = complete disallow). */
    public static RobotsPolicy disallowAll() {
        return DISALLOW_ALL;
    }

    /** Whether {@code url} may be crawled. {@code /robots.txt} is always allowed. */
    public boolean isAllowed(URI url) {
        if ("/robots.txt".equals(url.getRawPath())) {
            return true;
        }
        return switch (mode) {
            case ALLOW_ALL -> true;
            case DISALLOW_ALL -> false;
            case RULES -> rules.isAllowed(url.toASCIIString());
        };
    }

    /** The Crawl-delay the group asked for, if any (non-standard; used as a floor on the per-host interval). */
    public Optional<Duration> crawlDelay() {
        if (mode != Mode.RULES || rules.getCrawlDelay() == BaseRobotRules.UNSET_CRAWL_DELAY) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.max(0, rules.getCrawlDelay())));
    }

    /** Sitemap URLs the file lists (any group), as written. */
    public List<String> sitemaps() {
        return mode == Mode.RULES ? List.copyOf(rules.getSitemaps()) : List.of();
    }

    /** Drops a leading (partial) UTF-8 BOM and cuts each User-agent value to its product token. */
    static byte[] normalise(byte[] body) {
        int start = 0;
        int[] bom = {0xEF, 0xBB, 0xBF};
        while (start < 3 && start < body.length && (body[start] & 0xFF) == bom[start]) {
            start++;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        int i = start;
        while (i < body.length) {
            int end = i;
            while (end < body.length && body[end] != '\n' && body[end] != '\r') {
                end++;
            }
            writeLine(out, body, i, end);
            // keep the line terminator(s) as they were
            int next = end;
            while (next < body.length && (body[next] == '\n' || body[next] == '\r')) {
                next++;
            }
            out.write(body, end, next - end);
            i = next;
        }
        return out.toByteArray();
    }

    private static void writeLine(ByteArrayOutputStream out, byte[] b, int from, int to) {
        int k = from;
        while (k < to && (b[k] == ' ' || b[k] == '\t')) {
            k++;
        }
        String key = "user-agent";
        int keyEnd = k + key.length();
        boolean isUserAgent = keyEnd <= to
                && new String(b, k, key.length(), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .toLowerCase(Locale.ROOT).equals(key);
        if (isUserAgent) {
            int colon = keyEnd;
            while (colon < to && (b[colon] == ' ' || b[colon] == '\t')) {
                colon++;
            }
            if (colon < to && b[colon] == ':') {
                int v = colon + 1;
                while (v < to && (b[v] == ' ' || b[v] == '\t')) {
                    v++;
                }
                int tokenEnd = v;
                if (tokenEnd < to && b[tokenEnd] == '*') {
                    tokenEnd++;
                } else {
                    while (tokenEnd < to && isTokenByte(b[tokenEnd])) {
                        tokenEnd++;
                    }
                }
                if (tokenEnd > v) {
                    out.write(b, from, tokenEnd - from);
                    return;
                }
            }
        }
        out.write(b, from, to - from);
    }

    private static boolean isTokenByte(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
    }
}

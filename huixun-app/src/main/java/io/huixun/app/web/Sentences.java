package io.huixun.app.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences the lower layers write in English — a source's last fetch error, a search query's problem — shown in the
 * reader's language. A source's last error, as stored, in the reader's language: The store keeps the fetcher's English sentence
 * ({@code FetchResult.describe()}, e.g. "connection refused by 203.0.113.5:443"); the Chinese interfaces show the
 * same sentence in Chinese ("连接被拒绝：203.0.113.5:443"), details (addresses, statuses, durations) kept as they are.
 * A sentence no rule knows is shown as stored. Errors recorded by older versions as a Java record's text
 * ({@code Failed[requestedUrl=…, reason=connection refused …]}) are reduced to their reason first, so a record's
 * toString never reaches the page. Stateless and thread-safe.
 */
final class Sentences {
    private Sentences() {}

    private record Rule(Pattern english, String chinese) {}

    /** Most specific first; {@code $1}… are the English sentence's groups. */
    private static final List<Rule> RULES = List.of(
            rule("HTTP (\\d{3})(?: ([^;]*))?; the server asks to wait until (.+)", "服务器返回 HTTP $1 $2，要求等到 $3 再来"),
            rule("HTTP (\\d{3})(?: (.*))?", "服务器返回 HTTP $1 $2"),
            rule("connection refused by (.+)", "连接被拒绝：$1"),
            rule("could not connect to (\\S+) \\((.*)\\)", "无法连接 $1（$2）"),
            rule("unknown host (.+)", "找不到主机：$1"),
            rule("timed out connecting \\((.*), after (.+)\\)", "连接超时（$2）"),
            rule("timed out waiting for the response headers \\((.*), after (.+)\\)", "等待响应超时（$2）"),
            rule("timed out reading the body \\((.*), after (.+)\\)", "读取正文超时（$2）"),
            rule("robots\\.txt forbids it \\((.*)\\)", "robots.txt 不允许抓取（$1）"),
            rule("robots\\.txt unavailable \\((.*)\\); retrying after (.+)", "无法读取 robots.txt（$1），$2 后重试"),
            rule("robots\\.txt unavailable \\((.*)\\)", "无法读取 robots.txt（$1）"),
            rule("blocked address: (\\S+) resolves to a blocked address: (.+)", "地址被安全规则拦截：$1 指向禁止访问的地址（$2）"),
            rule("blocked address: (.+)", "地址被安全规则拦截：$1"),
            rule("invalid URL: (.+)", "网址无效：$1"),
            rule("response larger than the (.+) limit", "响应超过 $1 的上限"),
            rule("too many redirects \\((\\d+), last (.+)\\)", "重定向次数过多（$1 次，最后到 $2）"),
            rule("the host asked us to wait until (.+)", "网站要求等到 $1 再来"),
            rule("not a readable feed: (.+)", "不是可读的订阅源：$1"),
            rule("not a feed: (.+)", "不是订阅源：$1"),
            rule("malformed response(?: body)? \\((.*)\\)", "响应格式有误（$1）"),
            rule("the connection closed before the body was complete \\((\\d+) bytes received\\)",
                    "正文未传完连接就断开了（已收到 $1 字节）"),
            rule("connection to (\\S+) failed while (.+) \\((.*)\\)", "与 $1 的连接中断（$3）"),
            rule("fetching is not enabled here", "此处未启用抓取"),
            rule("refresh failed: (.+)", "刷新失败：$1"),
            rule("the fetch failed", "抓取失败"));

    /** The problems {@code QueryParser} and the search back-ends report for a query that cannot run. */
    private static final List<Rule> QUERY_RULES = List.of(
            rule("no query given", "没有输入搜索词"),
            rule("query is (\\d+) characters long; the limit is (\\d+)", "搜索词有 $1 个字符，最多 $2 个"),
            rule("nothing searchable in '(.*)': wildcards and regular expressions are not supported; type words or \"a phrase\"",
                    "“$1”里没有可搜索的内容：不支持通配符和正则表达式，请输入词语或用引号括起的短语"),
            rule("'(\\w+):' needs a date, e\\.g\\. (\\S+)", "“$1:”后面需要日期，例如 $2"),
            rule("unknown field '(.+?):' in '(.*)'; known fields: (.*) \\(put text with a colon in quotes to search for it\\)",
                    "“$2”中的字段“$1:”不存在；可用的字段：$3（要搜索带冒号的文字，请加引号）"),
            rule("'(\\w+):' needs a value, e\\.g\\. (\\S+)", "“$1:”后面需要填写内容，例如 $2"),
            rule("query has more than (\\d+) words, phrases and filters", "搜索词、短语和筛选条件超过 $1 个"),
            rule("query nests brackets or negations more than (\\d+) deep", "括号或否定嵌套超过 $1 层"),
            rule("'(.+)' is not a real date \\((.*)\\)", "“$1”不是真实存在的日期"),
            rule("'(\\w+):' expects a date like 2024-05-01, 2024-05 or 2024, got '(.*)'",
                    "“$1:”需要 2024-05-01、2024-05 或 2024 这样的日期，收到的是“$2”"),
            rule("query is too complex: it expands to more than (\\d+) terms after segmentation; use fewer or shorter words",
                    "搜索词太复杂：分词后超过 $1 个词项，请减少或缩短词语"),
            rule("page must be 1 or more, got (.*)", "页码须为 1 或以上，收到的是 $1"));

    private static final Pattern RECORD = Pattern.compile("^[A-Z][A-Za-z]+\\[requestedUrl=.*\\]$", Pattern.DOTALL);
    private static final Pattern RECORD_REASON = Pattern.compile("(?:reason|phase)=([^,\\]]+)");
    private static final Pattern RECORD_STATUS = Pattern.compile("status=(\\d{3})");

    private static Rule rule(String english, String chinese) {
        return new Rule(Pattern.compile(english, Pattern.DOTALL), chinese);
    }

    /** {@code stored} for a reader of {@code lang}: "HTTP 404 Not Found" → "服务器返回 HTTP 404 Not Found". */
    static String fetchError(String stored, Lang lang) {
        return translate(readable(stored.strip()), lang, RULES);
    }

    /** A query's problem for a reader of {@code lang}: "no query given" → "没有输入搜索词". */
    static String queryProblem(String message, Lang lang) {
        return translate(message.strip(), lang, QUERY_RULES);
    }

    private static String translate(String sentence, Lang lang, List<Rule> rules) {
        if (lang == Lang.EN) {
            return sentence;
        }
        for (Rule r : rules) {
            Matcher m = r.english().matcher(sentence);
            if (m.matches()) {
                return fill(r.chinese(), m).replaceAll("\\s+（", "（").replaceAll(" +，", "，").strip();
            }
        }
        return sentence;
    }

    /** The reason inside a record's text written by an older version, else the text itself. */
    static String readable(String stored) {
        if (!RECORD.matcher(stored).matches()) {
            return stored;
        }
        Matcher reason = RECORD_REASON.matcher(stored);
        if (reason.find()) {
            return reason.group(1).strip();
        }
        Matcher status = RECORD_STATUS.matcher(stored);
        return status.find() ? "HTTP " + status.group(1) : "the fetch failed";
    }

    private static String fill(String template, Matcher m) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
                String g = m.group(template.charAt(i + 1) - '0');
                out.append(g == null ? "" : g.strip());
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

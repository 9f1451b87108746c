package io.huixun.source;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Feed text versus page text: the pure decisions the crawler takes for a feed entry whose page it fetched.
 *
 * <ol>
 *   <li>{@link #assess}: is the entry's own text the whole article, or only a summary/teaser? Content
 *       (content:encoded, atom:content, content_html) with several paragraphs, or one long one, is full; a
 *       description alone is a summary unless it plainly holds a whole article (3+ paragraphs, 300+ characters);
 *       anything cut with {@code ...}, {@code …}, 阅读全文, 查看全文, 更多, "read more" is a summary.</li>
 *   <li>{@link #choose}: keep the page's text only when it is a better version of the same article: not a script
 *       shell ("请启用JavaScript"), not almost empty, not far shorter than the feed's, related to the entry's title
 *       or text (shared character bigrams), and longer while containing most of the feed's text, or expanding a
 *       teaser.</li>
 *   <li>{@link #merge}: date, author and source from the page, each taken from the feed when the page lacks it.</li>
 * </ol>
 *
 * <p>Example: a feed description "国务院常务会议今天召开，部署……" (teaser) and a 1 200-character page that
 * contains it → {@link UsePage} with {@link Reason#PAGE_EXPANDS_TEASER}; the same feed entry and a page whose body
 * is "请启用JavaScript以继续浏览" → {@link UseFeed} with {@link Reason#PAGE_IS_SCRIPT_SHELL}, teaser kept true.
 * Stateless, thread-safe.
 */
public final class EntryText {
    /** Below this many letters a page body is a stub whatever it says. */
    static final int STUB_CHARS = 40;
    /** A page under this fraction of the feed's length is a worse version. */
    static final double FAR_SHORTER = 0.7;
    /** The share of the feed's bigrams the page must contain to count as "the same text". */
    static final double CONTAINS = 0.6;
    private static final Pattern CUT = Pattern.compile(
            "(?i)(?:\\.{3}|…|阅读全文|查看全文|全文阅读|阅读更多|查看更多|更多|显示全部|展开全文|点击查看|详情|"
                    + "read more|continue reading|(?<![a-z])more|\\[\\s*(?:…|\\.\\.\\.)\\s*])[\\s>»›→】\\]）)]*$");
    private static final Pattern SCRIPT_SHELL = Pattern.compile(
            "(?i)(?:请|需要|必须)?(?:启用|开启|打开|允许)\\s*javascript|javascript\\s*(?:已|被)?(?:禁用|关闭)|"
                    + "enable\\s+javascript|javascript\\s+(?:is\\s+)?(?:disabled|required)|turn\\s+on\\s+javascript|"
                    + "您的浏览器(?:不支持|版本过低)|browser\\s+(?:is\\s+)?not\\s+supported|请升级(?:您的)?浏览器");

    private EntryText() {}

    /** How much of the article a feed entry carries. */
    public enum Extent {
        /** The entry's text is the whole article. */
        FULL,
        /** A summary or teaser. */
        SUMMARY,
        /** No text at all. */
        NONE
    }

    /**
     * The feed's own text for an entry.
     *
     * @param text    the paragraphs, one per line (from the content when present, else the description/summary)
     * @param extent  whether it is the whole article
     * @param reason  why, one phrase
     */
    public record FeedSide(String text, Extent extent, String reason) {
        public FeedSide {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(extent, "extent");
            Objects.requireNonNull(reason, "reason");
        }

        /** Whether the text is only a teaser (or absent). */
        public boolean teaser() {
            return extent != Extent.FULL;
        }
    }

    /** Why a text was kept. */
    public enum Reason {
        /** The page is longer and contains most of the feed's full text. */
        PAGE_LONGER_CONTAINS_FEED("the page is longer and contains the feed's text"),
        /** The feed had only a teaser and the page is a longer text about the same article. */
        PAGE_EXPANDS_TEASER("the feed had only a teaser and the page has the longer article"),
        /** The feed had no text; the page matches the entry's title. */
        FEED_HAS_NO_TEXT("the feed had no text and the page matches the title"),
        /** The page asks for JavaScript or a newer browser: a shell, not the article. */
        PAGE_IS_SCRIPT_SHELL("the page is a JavaScript shell"),
        /** The page's body is (almost) empty. */
        PAGE_EMPTY("the page's body is almost empty"),
        /** The page's body is far shorter than the feed's text. */
        PAGE_FAR_SHORTER("the page's body is far shorter than the feed's text"),
        /** The page's body shares almost nothing with the entry's title and text. */
        PAGE_UNRELATED("the page's body is unrelated to the entry"),
        /** The feed already has the whole article and the page adds nothing. */
        FEED_IS_COMPLETE("the feed has the whole article and the page is not a better version");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        /** One phrase for logs and reports. */
        public String description() {
            return description;
        }
    }

    /** Which text to keep for an entry. */
    public sealed interface Choice permits UsePage, UseFeed {
        /** The text to keep, one paragraph per line. */
        String text();

        /** Whether the kept text is only a teaser. */
        boolean teaser();

        /** Why. */
        Reason reason();
    }

    /** Keep the page's text. */
    public record UsePage(String text, Reason reason) implements Choice {
        public UsePage {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean teaser() {
            return false;
        }
    }

    /** Keep the feed's text; {@code teaser} when it is only a summary. */
    public record UseFeed(String text, boolean teaser, Reason reason) implements Choice {
        public UseFeed {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Date, author and source after the merge; {@code fromFeed} names the fields ({@code published}, {@code author},
     * {@code source}) that came from the feed.
     */
    public record Fields(Optional<ZonedDateTime> published, Optional<String> author, Optional<String> source,
                         List<String> fromFeed) {
        public Fields {
            fromFeed = List.copyOf(fromFeed);
        }
    }

    /** (a) The entry's own text and whether it is the whole article. */
    public static FeedSide assess(FeedEntry entry) {
        List<String> content = entry.contentHtml().map(FeedText::paragraphs).orElse(List.of());
        if (!content.isEmpty()) {
            String text = String.join("\n", content);
            if (isCut(content)) {
                return new FeedSide(text, Extent.SUMMARY, "the content is cut off");
            }
            int letters = letters(text);
            if (content.size() >= 2 && letters >= 80 || letters >= 500) {
                return new FeedSide(text, Extent.FULL, "the feed gives the content");
            }
            return new FeedSide(text, Extent.SUMMARY, "the content is only " + letters + " characters");
        }
        List<String> summary = entry.summaryHtml().map(FeedText::paragraphs).orElse(List.of());
        if (summary.isEmpty() && !entry.summary().isBlank()) {
            summary = List.of(entry.summary().strip());
        }
        if (summary.isEmpty()) {
            return new FeedSide("", Extent.NONE, "the entry has no text");
        }
        String text = String.join("\n", summary);
        if (isCut(summary)) {
            return new FeedSide(text, Extent.SUMMARY, "the description is cut off");
        }
        if (summary.size() >= 3 && letters(text) >= 300) {
            return new FeedSide(text, Extent.FULL, "the description holds a whole article");
        }
        return new FeedSide(text, Extent.SUMMARY, "only a description");
    }

    /** (b) {@link #choose(FeedSide, String, String)} for an entry. */
    public static Choice choose(FeedEntry entry, String pageText) {
        return choose(assess(entry), entry.title(), pageText);
    }

    /**
     * (b) Which text to keep: the page's only when it is a better version of the entry's article.
     *
     * @param feed        the feed's side ({@link #assess})
     * @param entryTitle  the entry's title, used to tell a related page from an unrelated one
     * @param pageText    the body extracted from the linked page, one paragraph per line
     */
    public static Choice choose(FeedSide feed, String entryTitle, String pageText) {
        String page = pageText == null ? "" : pageText.strip();
        int pageLetters = letters(page);
        int feedLetters = letters(feed.text());
        if (pageLetters < 500 && SCRIPT_SHELL.matcher(page).find()) {
            return keepFeed(feed, Reason.PAGE_IS_SCRIPT_SHELL);
        }
        if (pageLetters < STUB_CHARS) {
            return keepFeed(feed, Reason.PAGE_EMPTY);
        }
        if (pageLetters < feedLetters * FAR_SHORTER) {
            return keepFeed(feed, Reason.PAGE_FAR_SHORTER);
        }
        Set<String> pageGrams = bigrams(page);
        double textShare = share(bigrams(feed.text()), pageGrams);
        Set<String> titleGrams = bigrams(entryTitle == null ? "" : entryTitle);
        double titleShare = share(titleGrams, pageGrams);
        boolean titleKnown = titleGrams.size() >= 2;
        if (feed.extent() == Extent.NONE) {
            if (titleKnown && titleShare < 0.3) {
                return keepFeed(feed, Reason.PAGE_UNRELATED);
            }
            return new UsePage(page, Reason.FEED_HAS_NO_TEXT);
        }
        if (textShare < 0.2 && (!titleKnown || titleShare < 0.5)) {
            return keepFeed(feed, Reason.PAGE_UNRELATED);
        }
        if (feed.extent() == Extent.FULL) {
            if (pageLetters > feedLetters * 1.1 && textShare >= CONTAINS) {
                return new UsePage(page, Reason.PAGE_LONGER_CONTAINS_FEED);
            }
            return keepFeed(feed, Reason.FEED_IS_COMPLETE);
        }
        if (pageLetters > feedLetters && (textShare >= 0.3 || titleKnown && titleShare >= 0.5)) {
            return new UsePage(page, Reason.PAGE_EXPANDS_TEASER);
        }
        return keepFeed(feed, Reason.PAGE_UNRELATED);
    }

    /**
     * (c) Date, author and source: the page's, each replaced by the feed's when the page lacks it. A page date
     * at midnight (a date printed without time) yields to a feed time on the same day.
     *
     * @param feedSource  the feed's title, the source name when the page names none
     */
    public static Fields merge(FeedEntry entry, String feedSource, Optional<ZonedDateTime> pagePublished,
                               Optional<String> pageAuthor, Optional<String> pageSource) {
        List<String> fromFeed = new ArrayList<>();
        Optional<ZonedDateTime> published = pagePublished;
        if (entry.published().isPresent() && (published.isEmpty() || dateOnlySameDay(published.get(),
                entry.published().get()))) {
            published = entry.published();
            fromFeed.add("published");
        }
        Optional<String> author = pageAuthor.filter(s -> !s.isBlank());
        if (author.isEmpty() && entry.author().isPresent()) {
            author = entry.author();
            fromFeed.add("author");
        }
        Optional<String> source = pageSource.filter(s -> !s.isBlank());
        if (source.isEmpty() && feedSource != null && !feedSource.isBlank()) {
            source = Optional.of(feedSource.strip());
            fromFeed.add("source");
        }
        return new Fields(published, author, source, fromFeed);
    }

    private static boolean dateOnlySameDay(ZonedDateTime page, ZonedDateTime feed) {
        return page.toLocalTime().equals(LocalTime.MIDNIGHT) && !feed.toLocalTime().equals(LocalTime.MIDNIGHT)
                && page.toLocalDate().equals(feed.withZoneSameInstant(page.getZone()).toLocalDate());
    }

    private static UseFeed keepFeed(FeedSide feed, Reason reason) {
        return new UseFeed(feed.text(), feed.teaser(), reason);
    }

    /** The last paragraph ends with an ellipsis or a "read more" link text. */
    static boolean isCut(List<String> paragraphs) {
        String last = paragraphs.get(paragraphs.size() - 1).strip();
        return CUT.matcher(last).find() && !last.endsWith("。") && !last.endsWith("！") && !last.endsWith("？");
    }

    /** Letters and digits (Han characters count one each), ignoring spaces and punctuation. */
    static int letters(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                n++;
            }
            i += Character.charCount(cp);
        }
        return n;
    }

    /**
     * Character bigrams over letters and digits, case folded, punctuation and spaces skipped: the same measure for
     * Chinese and Latin text. Example: {@code "国务院，会议"} → {国务, 务院, 院会, 会议}.
     */
    /** Folds traditional to simplified first, so a traditional feed is compared fairly with a simplified page. */
    private static final io.huixun.text.convert.ChineseConverter T2S = io.huixun.text.convert.ChineseConverter.of(
            io.huixun.text.convert.ConversionConfig.T2S);

    static Set<String> bigrams(String s) {
        Set<String> out = new HashSet<>();
        int prev = -1;
        String lower = T2S.convert(s).toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetterOrDigit(cp)) {
                continue;
            }
            if (prev >= 0) {
                out.add(new String(Character.toChars(prev)) + new String(Character.toChars(cp)));
            }
            prev = cp;
        }
        return out;
    }

    private static double share(Set<String> part, Set<String> whole) {
        if (part.isEmpty()) {
            return 0;
        }
        int hit = 0;
        for (String g : part) {
            if (whole.contains(g)) {
                hit++;
            }
        }
        return (double) hit / part.size();
    }
}

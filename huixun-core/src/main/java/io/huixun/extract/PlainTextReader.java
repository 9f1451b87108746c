package io.huixun.extract;

import io.huixun.model.Article;
import io.huixun.model.Dateline;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Plain text to articles: a single article (title line, then paragraphs), or a portal dump split into its items.
 *
 * <p>A portal dump, like the project's seed file, is a lead article followed by teaser items, each item separated by
 * a line holding only a dash (or a run of {@code -—–=*_~}); an item is a title line and an excerpt cut with
 * {@code ...}. Example:
 * <pre>
 * 中國—中亞外長舉行第六次會晤        ← lead title
 * 當(dāng)?...2025年4月26日,...   ← lead body
 * -
 * 交流互鑒 科技賦能!...               ← item title
 * 4月25日,...約300人,...             ← excerpt → teaser = true
 * </pre>
 * Items are not assumed to be teasers: each is judged by {@link Teasers}. A yearless date in an item
 * ({@code 4月27日}) is read relative to the lead's date when the lead has one, since a dump is one moment's page.
 * Stateless and thread-safe.
 */
final class PlainTextReader {
    private static final Pattern SEPARATOR = Pattern.compile("^\\s*[-—–=*_~·]{1,80}\\s*$");
    private static final int MAX_TITLE_CHARS = 80;

    private final ExtractOptions options;

    PlainTextReader(ExtractOptions options) {
        this.options = options;
    }

    List<Article> read(String text) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : text.split("\\R", -1)) {
            if (SEPARATOR.matcher(line).matches()) {
                chunks.add(current);
                current = new ArrayList<>();
            } else {
                String l = MainTextFinder.normalise(line);
                if (!l.isEmpty()) {
                    current.add(l);
                }
            }
        }
        chunks.add(current);
        chunks.removeIf(List::isEmpty);
        List<Article> out = new ArrayList<>();
        ExtractOptions itemOptions = options;
        for (int i = 0; i < chunks.size(); i++) {
            Article a = article(chunks.get(i), i == 0 ? options : itemOptions);
            if (i == 0 && a.published().isPresent()) {
                ZonedDateTime lead = a.published().get();
                // Items of a dump were listed beside the lead: resolve their yearless dates around its day.
                itemOptions = new ExtractOptions(lead.plusDays(1), options.defaultZone());
            }
            out.add(a);
        }
        return out;
    }

    private Article article(List<String> lines, ExtractOptions opts) {
        String first = lines.get(0);
        boolean hasTitle = lines.size() > 1 && TextBlock.nonSpace(first) <= MAX_TITLE_CHARS
                && !first.endsWith("。");
        String title = hasTitle ? first : "";
        List<String> paragraphs = new ArrayList<>(hasTitle ? lines.subList(1, lines.size()) : lines);
        String head = String.join("\n", paragraphs.subList(0, Math.min(2, paragraphs.size())));
        Optional<Dateline> dateline = DatelineParser.filed(head, opts.today());
        Optional<ZonedDateTime> published = time(title + "\n" + head, opts);
        Optional<String> author = dateline.flatMap(DatelineParser::credit)
                .or(() -> paragraphs.stream().limit(2).filter(p -> p.length() <= 60)
                        .map(BylineParser::author).flatMap(Optional::stream).findFirst());
        Optional<String> source = dateline.flatMap(Dateline::agency).filter(a -> !a.equals("本报"))
                .or(() -> paragraphs.isEmpty() ? Optional.empty() : BylineParser.source(paragraphs.get(0)));
        return new Article(title, paragraphs, published, author, source, dateline, Optional.empty(), List.of(),
                Teasers.isTeaser(paragraphs));
    }

    /** The first full date in the title or opening lines; a relative or yearless one only if nothing better. */
    private static Optional<ZonedDateTime> time(String text, ExtractOptions opts) {
        List<TimeMention> mentions = PublishTimeParser.findAll(text, opts);
        return mentions.stream().filter(TimeMention::explicitYear).findFirst()
                .or(() -> mentions.stream().findFirst())
                .map(TimeMention::time);
    }
}

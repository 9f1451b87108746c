package io.huixun.extract;

import io.huixun.model.Article;
import io.huixun.model.Dateline;
import io.huixun.model.Image;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One HTML page to one {@link Article}: structured metadata first (JSON-LD, OpenGraph, {@code <meta>}), then the
 * {@link MainTextFinder} for the body and the text around it for whatever metadata did not say.
 *
 * <p>Title: a heading that the {@code <title>} or {@code og:title} contains (so {@code 标题_频道_网站} yields the
 * heading), else JSON-LD/OpenGraph, else the nearest heading before the body, else the first part of {@code <title>}.
 * Publish time: metadata, else the best {@link TimeMention} of the page, scored by precision, a label before it
 * ({@code 发布时间：}), and nearness to the title and body; a link or a copyright line counts against it.
 * Example: {@code <h1>法典草案提请审议</h1><div>2025-04-27 09:15 来源：新华社</div><div class=content><p>…</p></div>}
 * → title 法典草案提请审议, published 2025-04-27T09:15+08:00, source 新华社, body the paragraphs only.
 * Holds only its options: thread-safe; {@link #read} changes the document it is given (removes scripts and the like).
 */
final class HtmlArticleReader {
    private static final Pattern TITLE_SEPARATORS = Pattern.compile("\\s*(?:[_|｜]|\\s[-—–]\\s|--|——)\\s*");
    private static final Pattern DATE_LABEL = Pattern.compile(
            "(?:发布|发表|更新|时间|日期|发稿|Posted|posted|published|Published|发表于|发布于)\\s*[:：]?\\s*$");
    /** A channel's media-type label before a headline ({@code [视频]韩正会见…}): a tag, not part of the title. */
    private static final Pattern MEDIA_LABEL = Pattern.compile(
            "^\\s*[\\[【](?:视频|組圖|组图|图|圖|图文|多图|高清|直播|音频|快讯|独家)[\\]】]\\s*(?=\\S)");
    private static final Pattern DATE_LABEL_ANYWHERE = Pattern.compile(
            "发布|发表|更新|时间|日期|发稿|来源|作者|编辑|阅读|浏览|点击|星期|周[一二三四五六日]|(?i:posted|published|updated)");
    private static final Pattern WEAK_DATE_LABEL = Pattern.compile("(?:由|by)\\s*\\S{1,16}?\\s*(?:于|於|at|on)\\s*$");
    private static final Pattern READ_COUNT = Pattern.compile("阅读|點擊|点击|浏览|瀏覽|人气|次数|评论");
    private static final Pattern COPYRIGHT = Pattern.compile("(?i)copyright|版权|©|ICP|备案|all rights");
    private static final Pattern META_LINE_HINT = Pattern.compile(
            "来源|作者|编辑|发布|发表|时间|日期|记者|点击|浏览|阅读|字号|\\d{4}[-/.年]");

    private final ExtractOptions options;

    HtmlArticleReader(ExtractOptions options) {
        this.options = options;
    }

    record Read(Article article, Set<Extraction.Warning> warnings) {}

    Read read(Document doc, Optional<URI> pageUrl) {
        EnumSet<Extraction.Warning> warnings = EnumSet.noneOf(Extraction.Warning.class);
        Metadata meta = Metadata.of(doc, options);
        // the picture the page offers for sharing: a lead image when the text itself has none
        Optional<String> shareImage = Metadata.meta(doc, "og:image", "twitter:image", "twitter:image:src");
        // Not doc.title(): that looks only in <head>, and pages saved inside a wrapper have <title> in the body.
        Element titleElement = doc.selectFirst("title");
        String pageTitle = titleElement == null ? "" : MainTextFinder.normalise(titleElement.text());
        clean(doc);
        Element root = doc.body() != null ? doc.body() : doc;
        MainTextFinder.Found found = new MainTextFinder().find(root, "");
        List<TextBlock> all = found.allBlocks();
        List<TextBlock> body = new ArrayList<>(found.body());
        int bodyStart = body.isEmpty() ? all.size() : body.get(0).index();

        String title = MEDIA_LABEL.matcher(chooseTitle(meta, pageTitle, all, bodyStart)).replaceFirst("");
        String normTitle = squash(title);
        body.removeIf(b -> !normTitle.isEmpty() && squash(b.text()).equals(normTitle));
        // Title found inside the container: the body starts after it.
        List<TextBlock> header = new ArrayList<>();
        int titleIndex = titleIndex(all, normTitle, bodyStart);
        if (titleIndex >= 0) {
            int ti = titleIndex;
            body.removeIf(b -> b.index() < ti);
        }
        List<TextBlock> trailer = new ArrayList<>();
        moveMetaLines(body, header, trailer);
        int from = titleIndex >= 0 ? titleIndex + 1 : Math.max(0, bodyStart - 8);
        int to = body.isEmpty() ? Math.min(all.size(), from + 8) : body.get(0).index();
        for (int i = from; i < to && i < all.size(); i++) {
            if (i - from < 12) {
                header.add(all.get(i));
            }
        }
        List<String> paragraphs = new ArrayList<>();
        for (TextBlock b : body) {
            paragraphs.add(b.text());
        }
        if (paragraphs.isEmpty()) {
            warnings.add(Extraction.Warning.NO_MAIN_TEXT);
        }
        if (title.isEmpty()) {
            warnings.add(Extraction.Warning.NO_TITLE);
        }
        String bodyText = String.join("\n", paragraphs);
        Optional<Dateline> dateline = DatelineParser.filed(bodyText, options.today());

        int textStart = body.isEmpty() ? bodyStart : body.get(0).index();
        Optional<ZonedDateTime> pagePublished = meta.published.isPresent() ? meta.published
                : chooseTime(all, header, trailer, body, titleIndex, textStart);
        Optional<ZonedDateTime> published = textOwnDate(header, trailer, body)
                .filter(own -> pagePublished.isEmpty() || own.toLocalDate().isBefore(
                        pagePublished.get().withZoneSameInstant(own.getZone()).toLocalDate()))
                .or(() -> pagePublished);
        Optional<String> author = meta.author
                .or(() -> firstOf(header, BylineParser::author))
                .or(() -> dateline.flatMap(DatelineParser::credit))
                .or(() -> body.isEmpty() ? Optional.empty()
                        : BylineParser.closingCredit(body.get(body.size() - 1).text()))
                .or(() -> edgeLines(body).stream().map(b -> BylineParser.author(b.text()))
                        .flatMap(Optional::stream).findFirst());
        Optional<String> source = firstOf(header, BylineParser::source)
                .or(() -> dateline.flatMap(Dateline::agency).filter(a -> !a.equals("本报")))
                .or(() -> body.isEmpty() ? Optional.empty() : BylineParser.source(body.get(0).text()))
                .or(() -> meta.source)
                .or(() -> meta.siteName);
        Optional<URI> canonical = meta.canonical.or(() -> pageUrl);
        List<Image> images = images(found.containers(), pageUrl);
        if (images.isEmpty() && shareImage.isPresent()) {
            images = shareImage(shareImage.get(), pageUrl);
        }
        boolean teaser = Teasers.isTeaser(paragraphs);
        Article article = new Article(title, paragraphs, published, author, source, dateline, canonical, images,
                teaser);
        return new Read(article, warnings);
    }

    /** Moves short date/source/author lines at the start or end of the body into the header. */
    private void moveMetaLines(List<TextBlock> body, List<TextBlock> header, List<TextBlock> trailer) {
        // The byline zone: the short lines that open the body (authors, "2003-7-24 钱江晚报", 来源：…); meta lines
        // there go to the header, other short lines stay. It ends at the first line of prose.
        for (int k = 0; k < Math.min(6, body.size()); k++) {
            TextBlock b = body.get(k);
            if (isMetaLine(b)) {
                header.add(b);
                body.remove(k);
                k--;
            } else if (b.chars() > 40 || b.punctuation() > 2) {
                break;
            }
        }
        for (int k = 0; k < 3 && !body.isEmpty(); k++) {
            TextBlock b = body.get(body.size() - 1);
            if (isMetaLine(b)) {
                trailer.add(b);
                body.remove(body.size() - 1);
            } else {
                break;
            }
        }
    }

    private boolean isMetaLine(TextBlock b) {
        if (b.chars() > 80 || b.punctuation() > 3) {
            return false;
        }
        Optional<String> dateline = DatelineParser.filed(b.text(), options.today()).map(DatelineParser::heading);
        if (dateline.isPresent() && b.text().length() - b.text().indexOf(dateline.get())
                - dateline.get().length() > 12) {
            return false; // "新华社北京4月27日电 记者从…获悉，…": the lead paragraph, not a byline
        }
        String t = KeywordFold.fold(b.text());
        if (!META_LINE_HINT.matcher(t).find()) {
            return false;
        }
        return BylineParser.source(b.text()).isPresent() || BylineParser.author(b.text()).isPresent()
                || PublishTimeParser.findAll(b.text(), options).stream()
                .anyMatch(TimeMention::explicitYear);
    }

    private static List<TextBlock> edgeLines(List<TextBlock> body) {
        List<TextBlock> out = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            if ((i < 2 || i >= body.size() - 3) && body.get(i).chars() <= 60) {
                out.add(body.get(i));
            }
        }
        return out;
    }

    private static <T> Optional<T> firstOf(List<TextBlock> blocks, java.util.function.Function<String, Optional<T>> f) {
        for (TextBlock b : blocks) {
            if (b.chars() <= 200) {
                Optional<T> v = f.apply(b.text());
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        return Optional.empty();
    }

    private String chooseTitle(Metadata meta, String pageTitle, List<TextBlock> all, int bodyStart) {
        String docTitle = squash(pageTitle);
        String og = meta.title.map(HtmlArticleReader::squash).orElse("");
        TextBlock bestHeading = null;
        int bestDistance = Integer.MAX_VALUE;
        for (TextBlock b : all) {
            if (b.index() > bodyStart + 3 || b.chars() > 80) {
                continue;
            }
            String h = squash(b.text());
            if (h.length() < 2 || h.length() > 80 || (h.length() < 4 && !docTitle.startsWith(h))) {
                continue;
            }
            boolean named = (docTitle.contains(h) && h.length() * 3 >= Math.min(docTitle.length(), 30))
                    || (!og.isEmpty() && (og.contains(h) || h.contains(og)));
            if (!b.heading() && !looksLikeTitleClass(b.owner())) {
                // any short line can be the headline when the <title> starts with it (old table layouts)
                named = b.linkDensity() < 0.3 && docTitle.startsWith(h) && h.length() * 2 >= docTitle.length() / 2;
            }
            if (!named) {
                continue;
            }
            int distance = Math.abs(bodyStart - b.index());
            if (distance < bestDistance) {
                bestDistance = distance;
                bestHeading = b;
            }
        }
        if (bestHeading != null) {
            return bestHeading.text();
        }
        if (meta.title.isPresent()) {
            return firstPart(meta.title.get());
        }
        for (int i = Math.min(bodyStart, all.size()) - 1; i >= 0 && i >= bodyStart - 15; i--) {
            TextBlock b = all.get(i);
            if (b.heading() && b.chars() >= 4 && b.linkDensity() < 0.5) {
                return b.text();
            }
        }
        return firstPart(pageTitle);
    }

    private static boolean looksLikeTitleClass(Element e) {
        String c = (e.className() + " " + e.id()).toLowerCase(java.util.Locale.ROOT);
        return c.contains("title") || c.contains("headline") || c.contains("biaoti");
    }

    private static String firstPart(String title) {
        String[] parts = TITLE_SEPARATORS.split(title.strip());
        for (String p : parts) {
            if (TextBlock.nonSpace(p) >= 2) {
                return MainTextFinder.normalise(p);
            }
        }
        return MainTextFinder.normalise(title);
    }

    private static int titleIndex(List<TextBlock> all, String normTitle, int bodyStart) {
        if (normTitle.isEmpty()) {
            return -1;
        }
        int best = -1;
        for (TextBlock b : all) {
            if (b.index() > bodyStart + 3) {
                break;
            }
            if (squash(b.text()).equals(normTitle)) {
                best = b.index();
            }
        }
        return best;
    }

    /**
     * The date a text carries as its own, which the page's posting date may follow by days or years: a line that is
     * only a date, or a date and a source, at the head of the text (a reprint's original date: {@code 2003-7-24
     * 钱江晚报}; a report's {@code 2003年5月}), or a date alone on the last line after a short signature line (an
     * official document's 落款: {@code 吉林省人民政府} / {@code 2022年1月27日}). Lines with a label (发布时间：…) are
     * the page's own date and are left to {@link #chooseTime}.
     */
    private Optional<ZonedDateTime> textOwnDate(List<TextBlock> header, List<TextBlock> trailer,
                                                List<TextBlock> body) {
        if (body.isEmpty()) {
            return Optional.empty();
        }
        int first = body.get(0).index();
        List<TextBlock> lead = new ArrayList<>();
        header.stream().filter(b -> b.index() > first && b.index() <= first + 6).forEach(lead::add); // moved out of the text
        // the text's head: the short lines (headline, bylines, date) before its first prose paragraph
        for (int i = 0; i < body.size() && i < 8; i++) {
            TextBlock b = body.get(i);
            lead.add(b);
            if (b.chars() > 40 || b.text().contains("。")) {
                break;
            }
        }
        lead.sort(java.util.Comparator.comparingInt(TextBlock::index));
        for (TextBlock b : lead) {
            Optional<ZonedDateTime> d = bareDate(b.text(), 12);
            if (d.isPresent()) {
                return d;
            }
        }
        List<TextBlock> end = new ArrayList<>(body.subList(Math.max(0, body.size() - 2), body.size()));
        trailer.stream().filter(b -> b.index() > body.get(body.size() - 1).index()).limit(1).forEach(end::add);
        end.sort(java.util.Comparator.comparingInt(TextBlock::index));
        if (body.size() >= 3 && end.size() >= 2) {
            TextBlock last = end.get(end.size() - 1);
            TextBlock signature = end.get(end.size() - 2);
            if (signature.chars() <= 20 && signature.punctuation() == 0) {
                return bareDate(last.text(), 0);
            }
        }
        return Optional.empty();
    }

    /** The date of a line that holds an explicit-year date and at most {@code rest} other letters (a source's name). */
    private Optional<ZonedDateTime> bareDate(String line, int rest) {
        String t = line.strip();
        if (t.length() > 40 || DATE_LABEL_ANYWHERE.matcher(KeywordFold.fold(t)).find()) {
            return Optional.empty();
        }
        List<TimeMention> mentions = PublishTimeParser.findAll(t, options);
        if (mentions.size() != 1 || !mentions.get(0).explicitYear()) {
            return Optional.empty();
        }
        TimeMention m = mentions.get(0);
        String other = (t.substring(0, m.start()) + t.substring(m.end())).replaceAll("[\\s\\p{P}]", "");
        return other.codePointCount(0, other.length()) <= rest && other.codePoints().noneMatch(Character::isDigit)
                ? Optional.of(m.time()) : Optional.empty();
    }

    private Optional<ZonedDateTime> chooseTime(List<TextBlock> all, List<TextBlock> header, List<TextBlock> trailer,
                                               List<TextBlock> body, int titleIndex, int bodyStart) {
        int bodyEnd = body.isEmpty() ? bodyStart : body.get(body.size() - 1).index();
        double bestScore = Double.NEGATIVE_INFINITY;
        Optional<ZonedDateTime> best = Optional.empty();
        for (TextBlock b : all) {
            if (b.chars() > 400) {
                continue; // dates in long prose are about events, not the page
            }
            List<TimeMention> mentions = PublishTimeParser.findAll(b.text(), options);
            for (TimeMention m : mentions) {
                if (!m.explicitYear() && m.precision() != TimeMention.Precision.MINUTE) {
                    continue;
                }
                double s = switch (m.precision()) {
                    case MINUTE -> 2;
                    case DAY -> 1;
                    case MONTH -> 0;
                };
                String before = KeywordFold.fold(b.text().substring(Math.max(0, m.start() - 12), m.start()));
                if (DATE_LABEL.matcher(before).find()) {
                    s += 2.5;
                } else if (WEAK_DATE_LABEL.matcher(before).find()) {
                    s += 1.5; // 本贴由大卫于2005年8月12日16:12:21在… (posted by … at)
                }
                if (header.contains(b)) {
                    s += 4;
                } else if (trailer.contains(b)) {
                    s += 1.5; // "posted at" under a blog post, but also "collected on" notes
                }
                int i = b.index();
                // Nearness, in blocks: the page's own time sits by the title, just before the body or (blogs,
                // forums) just after it; dates further away belong to lists, calendars and other articles.
                if (titleIndex >= 0 && i > titleIndex && i <= bodyStart) {
                    s += 2;
                } else if (titleIndex >= 0 && i < titleIndex && i >= titleIndex - 2) {
                    s += 1; // forum and table layouts print "date author" just above the headline
                }
                if (i <= bodyStart) {
                    s += 3 * Math.exp(-(bodyStart - i) / 5.0);
                } else if (i <= bodyEnd) {
                    s += 0; // inside the text: dates of events, not of the page
                } else {
                    s += 2 * Math.exp(-(i - bodyEnd) / 4.0);
                }
                s -= 5 * b.linkDensity(); // lists of other articles carry their dates beside links
                if (b.chars() <= 80 && META_LINE_HINT.matcher(KeywordFold.fold(b.text())).find()
                        && (BylineParser.source(b.text()).isPresent() || BylineParser.author(b.text()).isPresent())) {
                    s += 2; // a byline: 2005-04-27 14:32 来源：千龙新闻网
                } else if (b.chars() <= 40 && READ_COUNT.matcher(b.text()).find()) {
                    s += 1.5; // 2004-12-10 阅读10544次
                }
                if (COPYRIGHT.matcher(b.text()).find()) {
                    s -= 5;
                }
                if (!m.explicitYear()) {
                    s -= 1; // "2月2日中午11时50分" in old pages: the year is a guess
                }
                if (m.time().isAfter(options.now().plusDays(2))) {
                    s -= 10; // the future: a calendar, an event, a typo
                }
                if (b.chars() > 120) {
                    s -= 2;
                }
                if (s > bestScore) {
                    bestScore = s;
                    best = Optional.of(m.time());
                }
            }
        }
        return bestScore >= 1 ? best : Optional.empty();
    }

    /** The page's og:image as the one image, resolved against the page; none when it does not parse. */
    private static List<Image> shareImage(String src, Optional<URI> pageUrl) {
        try {
            URI u = new URI(src.strip().replace(" ", "%20"));
            if (pageUrl.isPresent() && !u.isAbsolute()) {
                u = pageUrl.get().resolve(u);
            }
            return List.of(new Image(u, ""));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return List.of();
        }
    }

    private static List<Image> images(List<Element> containers, Optional<URI> pageUrl) {
        List<Image> out = new ArrayList<>();
        for (Element c : containers) {
            for (Element img : c.select("img")) {
                String src = img.attr("data-src");
                if (src.isBlank()) {
                    src = img.attr("data-original");
                }
                if (src.isBlank()) {
                    src = img.attr("src");
                }
                if (src.isBlank() || src.startsWith("data:")) {
                    continue;
                }
                try {
                    URI u = new URI(src.strip().replace(" ", "%20"));
                    if (pageUrl.isPresent() && !u.isAbsolute()) {
                        u = pageUrl.get().resolve(u);
                    }
                    out.add(new Image(u, img.attr("alt").strip()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // a broken src is not an image we can point to; skip it
                }
                if (out.size() >= 50) {
                    return out;
                }
            }
        }
        return out;
    }

    /** Removes what never carries article text: scripts, styles, forms' controls, hidden elements, comments. */
    static void clean(Document doc) {
        doc.select("script, style, noscript, template, svg, iframe, object, embed, select, textarea, button, input, "
                + "canvas, link, meta, title").remove();
        // Hidden menus and pop-ups go; but an unclosed hidden <div> in tag soup can swallow the rest of the page,
        // and collapsed "read more" text is still the article: keep hidden elements that hold much text.
        for (Element hidden : doc.select("[hidden], [style*=display:none], [style*=display: none], "
                + "[style*=visibility:hidden], [style*=visibility: hidden]")) {
            if (TextBlock.nonSpace(hidden.text()) < 300) {
                hidden.remove();
            }
        }
        List<org.jsoup.nodes.Node> comments = new ArrayList<>();
        doc.traverse((node, depth) -> {
            if (node instanceof org.jsoup.nodes.Comment) {
                comments.add(node);
            }
        });
        comments.forEach(org.jsoup.nodes.Node::remove);
    }

    static String squash(String s) {
        return s.replaceAll("[\\s\\u00A0\\u3000]+", "");
    }

    /** What a page says about itself in JSON-LD, OpenGraph and {@code <meta>}. */
    private record Metadata(Optional<String> title, Optional<ZonedDateTime> published, Optional<String> author,
                            Optional<String> source, Optional<String> siteName, Optional<URI> canonical) {

        static Metadata of(Document doc, ExtractOptions options) {
            Optional<String> title = Optional.empty();
            Optional<ZonedDateTime> published = Optional.empty();
            Optional<String> author = Optional.empty();
            Optional<String> publisher = Optional.empty();
            Optional<URI> canonical = Optional.empty();
            for (Element script : doc.select("script[type=application/ld+json]")) {
                Optional<Object> json = JsonLdReader.parse(script.data());
                if (json.isEmpty()) {
                    continue;
                }
                for (Map<String, Object> o : JsonLdReader.objects(json.get())) {
                    if (!JsonLdReader.isArticle(o)) {
                        continue;
                    }
                    title = title.or(() -> JsonLdReader.text(o, "headline"));
                    if (published.isEmpty()) {
                        published = JsonLdReader.text(o, "datePublished")
                                .or(() -> JsonLdReader.text(o, "dateCreated"))
                                .flatMap(v -> PublishTimeParser.parseValue(v, options));
                    }
                    author = author.or(() -> JsonLdReader.text(o, "author").filter(HtmlArticleReader::plausibleName));
                    publisher = publisher.or(() -> JsonLdReader.text(o, "publisher"));
                    canonical = canonical.or(() -> JsonLdReader.text(o, "url").flatMap(HtmlArticleReader::uri));
                }
            }
            title = title.or(() -> meta(doc, "og:title", "twitter:title", "ArticleTitle", "title"));
            if (published.isEmpty()) {
                published = meta(doc, "article:published_time", "og:release_date", "publishdate", "PubDate",
                        "pubdate", "publish_date", "publishDate", "publication_date", "OriginalPublicationDate",
                        "sailthru.date", "parsely-pub-date", "dc.date.issued", "DC.date.issued", "dc.date",
                        "DC.Date", "datePublished", "weibo:article:create_at", "article:published",
                        "bytedance:published_time", "firstpublishedtime", "lastmodifiedtime")
                        .flatMap(v -> PublishTimeParser.parseValue(v, options));
            }
            if (published.isEmpty()) {
                for (Element e : doc.select("[itemprop=datePublished], time[datetime], time[pubdate]")) {
                    String v = e.hasAttr("content") ? e.attr("content")
                            : e.hasAttr("datetime") ? e.attr("datetime") : e.text();
                    published = PublishTimeParser.parseValue(v, options);
                    if (published.isPresent()) {
                        break;
                    }
                }
            }
            author = author.or(() -> meta(doc, "author", "article:author", "Author", "dc.creator")
                    .filter(HtmlArticleReader::plausibleName));
            // Some sites put the printed line in the tag ("来源：人民网-文化频道 原创稿"): read it as a line.
            Optional<String> source = meta(doc, "source", "ContentSource", "mediaid", "article:source")
                    .map(v -> BylineParser.source(v).orElse(v.strip()))
                    .filter(v -> v.length() <= 30 && !v.matches("\\d+"));
            Optional<String> pub = publisher;
            Optional<String> site = meta(doc, "og:site_name", "SiteName", "sitename", "application-name")
                    .or(() -> pub);
            Element link = doc.selectFirst("link[rel=canonical][href]");
            if (link != null) {
                canonical = uri(link.absUrl("href").isEmpty() ? link.attr("href") : link.absUrl("href"));
            }
            Optional<URI> c = canonical;
            canonical = c.or(() -> meta(doc, "og:url").flatMap(HtmlArticleReader::uri));
            return new Metadata(title, published, author, source, site, canonical);
        }

        private static Optional<String> meta(Document doc, String... names) {
            for (String name : names) {
                for (Element e : doc.select("meta[content]")) {
                    String key = e.hasAttr("property") ? e.attr("property")
                            : e.hasAttr("name") ? e.attr("name") : e.attr("itemprop");
                    if (key.equalsIgnoreCase(name) && !e.attr("content").isBlank()) {
                        return Optional.of(e.attr("content").strip());
                    }
                }
            }
            return Optional.empty();
        }
    }

    static boolean plausibleName(String s) {
        String t = s.strip();
        return !t.isEmpty() && t.length() <= 40 && t.codePoints().anyMatch(Character::isLetter) && !t.contains("http") && !t.contains(".com") && !t.contains("www.")
                && !t.equals("未知") && !t.equalsIgnoreCase("admin");
    }

    static Optional<URI> uri(String s) {
        try {
            URI u = new URI(s.strip());
            return u.isAbsolute() && (u.getScheme().equals("http") || u.getScheme().equals("https"))
                    ? Optional.of(u) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}

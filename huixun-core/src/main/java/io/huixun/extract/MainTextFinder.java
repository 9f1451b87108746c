package io.huixun.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the main text of a page by the density of Chinese prose.
 *
 * <p>Design. The page is cut into {@link TextBlock}s at block boundaries. Each block that reads like prose scores
 * {@code (1 + full-width punctuation + min(chars/40, 5)) × (1 − link density)²}; the score goes to the block's
 * container (full), its parent (half) and grandparent (a quarter), as Readability does with commas — but counting
 * {@code ，。；：！？、“”}, because Chinese prose has no commas to count and navigation has no full-width punctuation.
 * Containers whose class or id says comment/footer/sidebar/share/related lose, those saying content/article/正文
 * gain. The best container wins; siblings scoring at least a fifth of it join (articles split over several divs).
 * The body is then the blocks inside the chosen containers that are not link lists, not the title, and not
 * boilerplate lines ({@code 责任编辑：}, {@code 分享到}, {@code 上一篇}).
 *
 * <p>Example: {@code <div id=nav><a>首页</a><a>新闻</a></div><div class=content><p>新华社北京4月27日电，……。</p>
 * <p>……。</p></div>} → the two paragraphs of {@code div.content}. Not thread-safe per instance; make one per page.
 */
final class MainTextFinder {
    static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "body", "center", "dd",
            "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
            "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody",
            "thead", "tfoot", "td", "th", "tr", "ul", "caption", "summary", "html", "option", "iframe", "title");
    private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre",
            "blockquote", "dd", "dt", "figcaption", "caption", "center");
    private static final Pattern NEGATIVE = Pattern.compile(
            "comment|footer|foot\\b|sidebar|side-|side_|aside|nav|menu|share|recommend|related|relate|hot|rank|"
                    + "copyright|breadcrumb|crumb|banner|login|reply|pinglun|links?\\b|friend|tags?\\b|toolbar|"
                    + "widget|popular|advert|\\bad\\b|\\bads\\b|guanggao|xgxw|tuijian|more|bottom|top\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "article|content|main|text|post|detail|entry|story|body|zhengwen|\\bzw\\b|cont\\b|news_?txt|"
                    + "TRS_Editor|artibody|endtext|\\bcon\\b|blog_?text|read",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FURNITURE = Pattern.compile(
            "comment|reply|share|related|relate|recommend|copyright|pinglun|feedback|footer|sidebar|breadcrumb|"
                    + "tuijian|xgxw|xiangguan|\\bad\\b|advert|guanggao|toolbar|pager",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE_STRONG = Pattern.compile(
            "article|content|main|zhengwen|artibody|post-?body|entry-?content", Pattern.CASE_INSENSITIVE);
    /** Short lines that are page furniture, not text, wherever they sit. */
    private static final Pattern BOILERPLATE = Pattern.compile(
            "^(?:责任编辑|责编|编辑|校对|审核|监制|制作|值班编辑|主编|签发)\\s*[:：].{0,30}$"
                    + "|^[【\\[]?(?:纠错|打印|关闭|关闭窗口|返回|返回顶部|收藏|分享|分享到|字号|大中小|大 中 小|推荐|举报|评论)[】\\]]?.{0,20}$"
                    + "|^(?:上一篇|下一篇|上一页|下一页|相关新闻|相关阅读|相关链接|延伸阅读|热点推荐|猜你喜欢|扫一扫|点击进入|更多>+|更多).{0,40}$"
                    + "|^(?:版权所有|Copyright|©).{0,120}$"
                    + "|^(?:\\(|（)?(?:完|完)(?:\\)|）)?$");

    private final List<TextBlock> blocks = new ArrayList<>();
    private final Map<Element, Double> scores = new IdentityHashMap<>();
    /** Undecayed sum of block scores over each element's whole subtree. */
    private final Map<Element, Double> prose = new IdentityHashMap<>();

    /** The main text of {@code root}'s page. */
    record Found(List<TextBlock> allBlocks, List<Element> containers, List<TextBlock> body) {}

    Found find(Element root, String title) {
        cut(root);
        for (TextBlock b : blocks) {
            if (b.heading() || b.chars() < 8 || b.linkDensity() > 0.5) {
                continue;
            }
            double clauses = b.clausePunctuation();
            double s = (1 + clauses + 0.3 * (b.punctuation() - clauses) + Math.min(b.chars() / 40.0, 5))
                    * square(1 - b.linkDensity());
            if (clauses == 0 && b.chars() < 60) {
                s *= 0.3; // labels, captions, menus and list entries carry no commas or full stops; prose does
            }
            Element container = PARAGRAPH_TAGS.contains(b.owner().normalName()) && b.owner().parent() != null
                    ? b.owner().parent() : b.owner();
            double share = 1;
            for (Element e = container; e != null && share >= 0.25; e = e.parent(), share /= 2) {
                scores.merge(e, s * share, Double::sum);
            }
            for (Element e = container; e != null; e = e.parent()) {
                prose.merge(e, s, Double::sum);
            }
        }
        Map<Element, int[]> linkStats = linkStats();
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double s = finalScore(e.getKey(), e.getValue(), linkStats);
            if (s > bestScore) {
                bestScore = s;
                best = e.getKey();
            }
        }
        if (best == null) {
            return new Found(blocks, List.of(), List.of());
        }
        best = firstOfNumberedPosts(best, linkStats);
        bestScore = finalScore(best, scores.getOrDefault(best, 0.0), linkStats);
        // An only child is its parent's text wrapper: widen to the parent so that its siblings can join.
        while (best.parent() != null && best.parent().childrenSize() == 1
                && !best.parent().normalName().equals("body") && !best.parent().normalName().equals("html")) {
            best = best.parent();
            bestScore = Math.max(bestScore, finalScore(best, scores.getOrDefault(best, 0.0), linkStats));
        }
        List<Element> containers = new ArrayList<>();
        Element parent = best.parent();
        if (parent != null) {
            for (Element sibling : parent.children()) {
                Double raw = scores.get(sibling);
                if (sibling == best || (raw != null
                        && finalScore(sibling, raw, linkStats) >= Math.max(3, bestScore * 0.2))) {
                    containers.add(sibling);
                }
            }
        } else {
            containers.add(best);
        }
        addStandfirst(root, containers);
        return new Found(blocks, containers, body(containers, title));
    }

    /**
     * Encyclopedias and magazines put the article's summary (its standfirst) in a box of its own above the text,
     * outside the container the density finds; a prose-bearing element marked summary/lead/abstract that comes
     * before the first container joins it.
     */
    private void addStandfirst(Element root, List<Element> containers) {
        if (containers.isEmpty()) {
            return;
        }
        Element first = containers.get(0);
        for (Element e : root.select("[class~=(?i)(summary|standfirst|abstract|lead|intro|daoyu|zhaiyao)]")) {
            if (prose.getOrDefault(e, 0.0) < 10 || insideAny(e, containers) || insideAny(first, List.of(e))
                    || e.siblingIndex() < 0) {
                continue;
            }
            if (precedes(e, first)) {
                containers.add(0, e);
                return;
            }
        }
    }

    /** True when {@code a} starts before {@code b} in document order. */
    private boolean precedes(Element a, Element b) {
        int ia = -1;
        int ib = -1;
        for (TextBlock t : blocks) {
            if (ia < 0 && insideAny(t.owner(), List.of(a))) {
                ia = t.index();
            }
            if (ib < 0 && insideAny(t.owner(), List.of(b))) {
                ib = t.index();
            }
        }
        return ia >= 0 && ib >= 0 && ia < ib;
    }

    /**
     * A page that lists several full posts (a blog's front page, a forum archive) is about its first post, the
     * newest or the opening one, even when a later post is longer. Posts show as siblings of one shape with
     * numbered ids ({@code <tr id=p12128>}, {@code <tr id=p10317>}…) that each hold prose. Returns the best container
     * inside the first such post, or {@code best} when the page is not such a list.
     */
    private Element firstOfNumberedPosts(Element best, Map<Element, int[]> linkStats) {
        Element unit = best;
        for (int depth = 0; depth < 12 && unit != null; depth++, unit = unit.parent()) {
            String shape = numberedShape(unit);
            if (shape.isEmpty()) {
                continue;
            }
            // Posts need not be siblings (each may sit in its own table): look for the shape across the page.
            Element first = null;
            int posts = 0;
            for (Element candidate : best.ownerDocument().select("[id]")) {
                if (shape.equals(numberedShape(candidate)) && prose.getOrDefault(candidate, 0.0) >= 10) {
                    posts++;
                    if (first == null) {
                        first = candidate;
                    }
                }
            }
            if (posts < 2 || first == unit || first == null) {
                return best;
            }
            Element inside = best;
            double insideScore = 0;
            for (Map.Entry<Element, Double> e : scores.entrySet()) {
                if (insideAny(e.getKey(), List.of(first))) {
                    double sc = finalScore(e.getKey(), e.getValue(), linkStats);
                    if (sc > insideScore) {
                        insideScore = sc;
                        inside = e.getKey();
                    }
                }
            }
            return inside;
        }
        return best;
    }

    /** Tag, class and the id with its number blanked ({@code tr||p#}); empty unless the id carries a number. */
    private static String numberedShape(Element e) {
        String id = e.id();
        if (id.isEmpty() || !id.matches(".*\\d.*")) {
            return "";
        }
        return e.normalName() + "|" + e.className() + "|" + id.replaceAll("\\d+", "#");
    }

    private double finalScore(Element e, double raw, Map<Element, int[]> linkStats) {
        int[] st = linkStats.get(e);
        double linkDensity = st == null || st[0] == 0 ? 0 : (double) st[1] / st[0];
        double s = raw * (1 - linkDensity);
        String cls = e.className() + " " + e.id();
        if (!cls.isBlank()) {
            if (NEGATIVE.matcher(cls).find() && !POSITIVE.matcher(cls).find()) {
                s *= 0.5;
            } else if (POSITIVE.matcher(cls).find()) {
                s *= 1.25;
            }
        }
        if (e.normalName().equals("body") || e.normalName().equals("html")) {
            s *= 0.7; // the whole page is a last resort, not a container
        }
        return s;
    }

    /** For every element with text: {non-space chars, link chars} of its whole subtree. */
    private Map<Element, int[]> linkStats() {
        Map<Element, int[]> stats = new IdentityHashMap<>();
        for (TextBlock b : blocks) {
            for (Element e = b.owner(); e != null; e = e.parent()) {
                int[] st = stats.computeIfAbsent(e, k -> new int[2]);
                st[0] += b.chars();
                st[1] += b.linkChars();
            }
        }
        return stats;
    }

    private List<TextBlock> body(List<Element> containers, String title) {
        List<TextBlock> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        String normTitle = title.replaceAll("\\s+", "");
        for (TextBlock b : blocks) {
            if (!insideAny(b.owner(), containers) || insideFurniture(b.owner(), containers)) {
                continue;
            }
            String t = b.text();
            if (b.chars() >= 10 && !seen.add(t)) {
                continue; // pages that carry the text twice (print copy, mobile copy) give it once
            }
            if (b.linkDensity() > 0.5 && b.chars() < 200) {
                continue;
            }
            if (!normTitle.isEmpty() && t.replaceAll("\\s+", "").equals(normTitle)) {
                continue;
            }
            if (b.chars() <= 60 && BOILERPLATE.matcher(t.strip()).find()) {
                continue;
            }
            out.add(b);
        }
        return out;
    }

    /**
     * True when an element between the block and its container is marked as comments, sharing, related links and
     * the like: containers often hold the article and its comment thread together.
     */
    private static boolean insideFurniture(Element e, List<Element> containers) {
        for (Element x = e; x != null; x = x.parent()) {
            for (Element c : containers) {
                if (x == c) {
                    return false;
                }
            }
            String cls = x.className() + " " + x.id();
            if (!cls.isBlank() && FURNITURE.matcher(cls).find() && !POSITIVE_STRONG.matcher(cls).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideAny(Element e, List<Element> containers) {
        for (Element x = e; x != null; x = x.parent()) {
            for (Element c : containers) {
                if (x == c) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double square(double x) {
        return x * x;
    }

    /** Cuts the page into blocks; text in {@code <pre>} is cut at its line breaks. */
    private void cut(Element root) {
        root.traverse(new NodeVisitor() {
            private final StringBuilder text = new StringBuilder();
            private final List<Element> owners = new ArrayList<>();
            private final List<Boolean> linkKinds = new ArrayList<>();
            private int linkChars;
            private int linkDepth;
            private int headingDepth;
            private int preDepth;
            private boolean heading;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode tn) {
                    String s = tn.getWholeText();
                    if (preDepth > 0 && s.indexOf('\n') >= 0) {
                        String[] lines = s.split("\n", -1);
                        for (int i = 0; i < lines.length; i++) {
                            if (i > 0) {
                                flush();
                            }
                            append(lines[i]);
                        }
                    } else {
                        append(s);
                    }
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("br") || BLOCK_TAGS.contains(tag)) {
                        flush();
                    }
                    if (BLOCK_TAGS.contains(tag)) {
                        owners.add(e);
                    }
                    if (tag.equals("a")) {
                        boolean counts = isNavigationLink(e);
                        linkKinds.add(counts);
                        if (counts) {
                            linkDepth++;
                        }
                    }
                    if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
                        headingDepth++;
                    }
                    if (tag.equals("pre") || tag.equals("textarea")) {
                        preDepth++;
                    }
                }
            }

            private void append(String s) {
                if (s.isEmpty()) {
                    return;
                }
                text.append(s);
                if (linkDepth > 0) {
                    linkChars += TextBlock.nonSpace(s);
                }
                if (headingDepth > 0 && TextBlock.nonSpace(s) > 0) {
                    heading = true;
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (BLOCK_TAGS.contains(tag)) {
                        flush();
                        if (!owners.isEmpty() && owners.get(owners.size() - 1) == e) {
                            owners.remove(owners.size() - 1);
                        }
                    }
                    if (tag.equals("a") && !linkKinds.isEmpty() && linkKinds.remove(linkKinds.size() - 1)) {
                        linkDepth--;
                    }
                    if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
                        headingDepth--;
                    }
                    if (tag.equals("pre") || tag.equals("textarea")) {
                        preDepth--;
                    }
                }
            }

            private void flush() {
                String t = normalise(text);
                if (!t.isEmpty() && !owners.isEmpty()) {
                    blocks.add(new TextBlock(t, owners.get(owners.size() - 1), linkChars, heading, blocks.size()));
                }
                text.setLength(0);
                linkChars = 0;
                heading = false;
            }
        });
    }

    /**
     * A link as readers see one. An {@code <a>} that holds paragraphs of prose is not: tag soup with an unclosed
     * {@code <A>} makes the parser wrap the rest of a page in it, and counting that as link text hides the article.
     */
    private static boolean isNavigationLink(Element a) {
        int chars = 0;
        for (TextNode t : a.textNodes()) {
            chars += TextBlock.nonSpace(t.getWholeText());
        }
        if (chars > 150) {
            return false;
        }
        return a.childrenSize() == 0 || TextBlock.nonSpace(a.text()) <= 300;
    }

    /** Collapses whitespace runs to one space, drops spaces next to Han characters' full-width neighbours' edges. */
    static String normalise(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000' || c == '\u200B' || c == '\uFEFF') {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }
}

package io.huixun.nlp;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.common.Term;
import java.util.List;
import java.util.Set;

/**
 * Turns the recognisers' tagged terms into name spans with the right boundaries. HanLP tags each term on its own,
 * so a name often comes in pieces or glued to its neighbours; this class decides, at one occurrence, where a name
 * starts and ends, looking only at the neighbouring terms (bounded work per term):
 * <ul>
 *   <li>Pieces that make one organisation are joined: {@code 杭州/ns 云栖/nr 软件有限公司/nt} →
 *       杭州云栖软件有限公司; {@code 住房/n 和 城乡/n 建设部/nis} → 住房和城乡建设部 (the X和Y部 shape of ministries);
 *       {@code 丰田/ntc 汽车} → 丰田汽车; {@code 华北/ns 电力 大学/nis} → 华北电力大学.</li>
 *   <li>A name that is, at this occurrence, a piece of a longer word or name is not a name here: {@code 索马|里兰}
 *       (one transliteration), {@code 黄河|韬/ng} (a bound character), {@code 商务部|门} (部门 is the word),
 *       {@code 中国-|东盟商务理事会}, {@code 副市长王|丽江} (a given name after a title and a surname),
 *       {@code 民族区域自治|制度} (a system named after a body).</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class NameSpans {
    private NameSpans() {}

    /** A candidate name: terms [start, end) of the term list, its text and kind (P person, L place, O organisation). */
    record Span(int start, int end, String word, char kind) {}

    /** Trade words that follow a company's short name inside its full name: 丰田 + 汽车, 宝马 + 集团. */
    private static final Set<String> TRADES = Set.of("汽车", "集团", "公司", "银行", "科技", "电子", "控股", "证券",
            "保险", "航空", "制药", "药业", "电器", "电气", "能源", "石油", "化工", "钢铁", "地产", "传媒", "通信", "网络");
    /** Nouns naming a system or doctrine after a body: 议会制度 names the system, not the body. */
    private static final Set<String> SYSTEM_WORDS = Set.of("制度", "体制", "机制", "体系", "模式", "精神", "思想", "理论");

    /** The name span that starts at term {@code i}, or null when term {@code i} starts no name. */
    static Span at(List<Term> terms, int i) {
        Term t = terms.get(i);
        String n = t.nature.toString();
        // pieces of one organisation: names or places, then an organisation the dictionary does not know whole
        int j = i;
        while (j < terms.size() && j - i < 3 && modifierOfOrganisation(terms, j)) {
            j++;
        }
        if (j > i && j < terms.size() && organisationTerm(terms.get(j)) && !NamePlausibility.known(terms.get(j).word, "nt")) {
            return span(terms, i, j + 1, 'O');
        }
        // a place, up to two plain nouns and an institution suffix: 华北 电力 大学
        if (n.startsWith("ns")) {
            for (int k = i + 1; k < Math.min(terms.size(), i + 4); k++) {
                String nk = terms.get(k).nature.toString();
                if (nk.equals("nis") && k > i + 1) {
                    return span(terms, i, k + 1, 'O');
                }
                if (!(nk.equals("n") || nk.equals("vn")) || terms.get(k).word.length() < 2) {
                    break;
                }
            }
        }
        // X和Y部: two fields joined by 和 before one ministry's head (住房和城乡建设部, 人力资源和社会保障部)
        int and = i;
        while (and < terms.size() && and - i < 2 && plainNoun(terms.get(and))) {
            and++;
        }
        if (and > i && and + 1 < terms.size() && terms.get(and).word.equals("和")) {
            int k = and + 1;
            if (k + 1 < terms.size() && plainNoun(terms.get(k)) && !ministry(terms.get(k))) {
                k++; // 住房 和 城乡 建设部
            }
            if (ministry(terms.get(k))) {
                return span(terms, i, k + 1, 'O');
            }
        }
        // a company's short name and its trade: 丰田 汽车
        if (n.equals("ntc") && i + 1 < terms.size() && TRADES.contains(terms.get(i + 1).word)) {
            return span(terms, i, i + 2, 'O');
        }
        if (n.startsWith("nr")) {
            return new Span(i, i + 1, t.word.strip(), 'P');
        }
        if (n.startsWith("ns")) {
            return new Span(i, i + 1, t.word.strip(), 'L');
        }
        if (organisationTerm(t)) {
            return new Span(i, i + 1, t.word.strip(), 'O');
        }
        return null;
    }

    /**
     * True when the span is, at this occurrence, a piece of a longer word or name: it continues into its neighbour
     * (a transliteration's tail, a bound character, a word across its edge) or is joined to another name by a hyphen.
     */
    static boolean pieceOfLongerName(List<Term> terms, Span s) {
        Term prev = s.start() > 0 ? terms.get(s.start() - 1) : null;
        Term next = s.end() < terms.size() ? terms.get(s.end()) : null;
        boolean prevHan = prev != null && han(prev.word.charAt(prev.word.length() - 1));
        boolean nextHan = next != null && han(next.word.charAt(0));
        if (s.kind() != 'L' && (hyphenJoined(terms, s.start() - 1, s.start() - 2)
                || hyphenJoined(terms, s.end(), s.end() + 1))) {
            return true; // 中国-东盟商务理事会: one body named by two; 让-保罗: one person
        }
        if (nextHan) {
            String nn = next.nature.toString();
            if (s.kind() != 'P' && nn.startsWith("nr") && NamePlausibility.transliterated(s.word())
                    && NamePlausibility.transliterated(next.word)) {
                return true; // 索马|里兰: one transliteration goes on (not 腾讯|海思: a company, then something else)
            }
            if (next.word.length() == 1 && (s.kind() != 'O' && nn.length() == 2 && nn.endsWith("g") || CoreDictionary.get(last(s.word()) + next.word) != null
                    && !function(nn) && !nn.startsWith("f"))) {
                return true; // 黄河|韬: a bound character (a company keeps its products: 腾讯|云); 商务部|门 → 部门: a
                             // word across the edge (not a localiser: 渤海|上 is on the Bohai)
            }
            if (s.kind() == 'O' && SYSTEM_WORDS.contains(next.word)) {
                return true; // 议会|制度
            }
        }
        if (prevHan && s.kind() != 'P') {
            String pn = prev.nature.toString();
            if (pn.startsWith("nr") && s.kind() == 'L') {
                return true; // (某)小林|岗村: a place name's tail after a misread given name
            }
            if (prev.word.length() == 1 && (pn.startsWith("nz") || pn.startsWith("nr") || pn.length() == 2
                    && pn.endsWith("g") || pn.equals("b") && NamePlausibility.transliterated(prev.word))) {
                return true; // 圣巴勃罗|萨|北极站: the name started before (not 原|铁道部: "former")
            }
        }
        if (s.kind() == 'L' && prev != null && (title(prev) || prev.word.length() == 1 && s.start() >= 2
                && NamePlausibility.SURNAMES.indexOf(prev.word.charAt(0)) >= 0 && !prev.nature.toString().matches("[pcudrw].*")
                && title(terms.get(s.start() - 2)))) {
            return true; // 副市长 王|丽江: a given name after a title and a surname, not the city (not 市长在|丽江)
        }
        return false;
    }

    private static Span span(List<Term> terms, int from, int to, char kind) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k < to; k++) {
            b.append(terms.get(k).word.strip());
        }
        return new Span(from, to, b.toString(), kind);
    }

    /** A place, a proper name or a company that can start a longer organisation's name (not a known body). */
    private static boolean modifierOfOrganisation(List<Term> terms, int j) {
        Term t = terms.get(j);
        String n = t.nature.toString();
        if (t.word.length() < 2) {
            return false;
        }
        return n.startsWith("ns") || n.equals("ntc") || n.startsWith("nr") // not nz: 完胜/nz 对手队 is a verb
                || n.startsWith("nt") && j + 1 < terms.size() && organisationTerm(terms.get(j + 1))
                && !NamePlausibility.known(terms.get(j + 1).word, "nt");
    }

    private static boolean plainNoun(Term t) {
        String n = t.nature.toString();
        return (n.equals("n") || n.equals("vn")) && t.word.length() >= 2;
    }

    private static boolean organisationTerm(Term t) {
        return t.nature.toString().startsWith("nt");
    }

    /**
     * The second half of a ministry's name: tagged as an institution suffix (建设部/nis: the tagger itself expects
     * more before it) or an organisation the dictionary does not know whole (never 企业 和 商务部).
     */
    private static boolean ministry(Term t) {
        String n = t.nature.toString();
        return t.word.length() >= 3 && (t.word.endsWith("部") || t.word.endsWith("委员会"))
                && (n.equals("nis") || n.startsWith("nt") && !NamePlausibility.known(t.word, "nt"));
    }

    private static boolean title(Term t) {
        return t.nature == Nature.nnt;
    }

    private static boolean hyphenJoined(List<Term> terms, int dash, int other) {
        if (dash < 0 || dash >= terms.size() || other < 0 || other >= terms.size()) {
            return false;
        }
        String d = terms.get(dash).word;
        String o = terms.get(other).word;
        return (d.equals("-") || d.equals("－") || d.equals("·") || d.equals("•"))
                && (han(o.charAt(0)) || han(o.charAt(o.length() - 1)));
    }

    /** Grammatical words: a particle, preposition, conjunction, adverb, pronoun, numeral or measure word. */
    private static boolean function(String nature) {
        return nature.startsWith("u") || nature.startsWith("p") || nature.startsWith("c") || nature.startsWith("d")
                || nature.startsWith("r") || nature.startsWith("m") || nature.startsWith("q") || nature.startsWith("e")
                || nature.startsWith("y") || nature.startsWith("w") || nature.equals("vshi") || nature.equals("vyou");
    }

    private static String last(String word) {
        return word.substring(word.length() - 1);
    }

    private static boolean han(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}

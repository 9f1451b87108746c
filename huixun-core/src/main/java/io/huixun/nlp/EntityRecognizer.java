package io.huixun.nlp;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Segments text into words with part-of-speech tags and picks out people, places and organisations, using HanLP
 * portable's HMM/role-tagging recognisers (Apache-2.0; lessons.md measured its segmentation F1 at 0.912 on PKU).
 * Example: {@code 外交部长王毅在阿拉木图会见} → people [王毅], places [阿拉木图]. HanLP segmenters keep per-call state,
 * so each thread gets its own ({@link io.huixun.text.Segmenter}).
 */
final class EntityRecognizer {

    /** The endings of institutions' names (外交部, 最高人民法院, 中国物流与采购联合会, 中央广播电视总台 …). */
    private static final java.util.regex.Pattern ORGANISATION_SUFFIX = java.util.regex.Pattern.compile(
            "(?:部|委|委员会|局|院|会|总台|电视台|社|厅|署|办公室|银行|公司|集团|大学|学院|中心|组织|联盟|党|政府|法院|检察院)$");

    List<Term> segment(String text) {
        return io.huixun.text.Segmenter.segment(text); // the project's one segmentation, shared with the index
    }

    /**
     * The entities among {@code terms}, segmented from {@code text} (used to look at a name's neighbours). Names are
     * taken with the boundaries {@link NameSpans} gives them (上海 + 古籍出版社 → 上海古籍出版社; 索马 before 里兰 is no
     * name); a name is kept only if at least one of its occurrences is whole (not a piece of a longer name), and
     * then all its occurrences count.
     */
    Entities entities(List<Term> terms, String text) {
        Map<String, Integer> people = new LinkedHashMap<>();
        Map<String, Integer> places = new LinkedHashMap<>();
        Map<String, Integer> organisations = new LinkedHashMap<>();
        java.util.Set<String> listed = new java.util.HashSet<>();
        java.util.Set<String> clean = new java.util.HashSet<>(); // kind + name, seen once whole at least
        for (int i = 0; i < terms.size(); i++) {
            NameSpans.Span span = NameSpans.at(terms, i);
            if (span == null) {
                continue;
            }
            i = span.end() - 1;
            String word = span.word();
            if (word.codePointCount(0, word.length()) < 2 || !word.codePoints().allMatch(EntityRecognizer::nameChar)) {
                continue;
            }
            if (!NameSpans.pieceOfLongerName(terms, span)) {
                clean.add(span.kind() + word);
            }
            if (span.kind() == 'O' && terms.get(span.start()).nature == Nature.ntc && span.end() - span.start() == 1
                    && NamePlausibility.commonWord(word)
                    && !listedWithNames(terms, span.start())) {
                continue; // an ordinary word that is also a brand: a company only in a list of companies (宝马、X、奔驰)
            }
            if (span.kind() == 'P' && listedWithPeople(terms, span.start())) {
                listed.add(word);
            }
            switch (span.kind()) {
                case 'P' -> people.merge(word, 1, Integer::sum);
                case 'L' -> places.merge(word, 1, Integer::sum);
                default -> organisations.merge(word, 1, Integer::sum);
            }
        }
        people.keySet().removeIf(p -> !clean.contains("P" + p));
        places.keySet().removeIf(p -> !clean.contains("L" + p));
        organisations.keySet().removeIf(o -> !clean.contains("O" + o));
        organisations.replaceAll((org, n) -> org.length() >= 4 && ORGANISATION_SUFFIX.matcher(org).find()
                ? Math.max(n, 2) : n); // a long name shaped like an institution's counts as confirmed
        people.keySet().removeIf(p -> !NamePlausibility.plausiblePerson(p, text, listed.contains(p)));
        places.keySet().removeIf(p -> !NamePlausibility.plausiblePlace(p, text));
        organisations.keySet().removeIf(o -> !NamePlausibility.plausibleOrganisation(o));
        return new Entities(trusted(people, "nr"), trusted(places, "ns"), trusted(organisations, "nt"));
    }

    /** True when the term at {@code i} is an item of an enumeration (、) next to another proper name. */
    private static boolean listedWithNames(List<Term> terms, int i) {
        return i >= 2 && terms.get(i - 1).word.equals("、") && properName(terms.get(i - 2))
                || i + 2 < terms.size() && terms.get(i + 1).word.equals("、") && properName(terms.get(i + 2));
    }

    /** True when the person's name at {@code i} is an item of an enumeration (、) beside another person's name. */
    private static boolean listedWithPeople(List<Term> terms, int i) {
        return i >= 2 && terms.get(i - 1).word.equals("、") && terms.get(i - 2).nature.toString().startsWith("nr")
                || i + 2 < terms.size() && terms.get(i + 1).word.equals("、")
                && terms.get(i + 2).nature.toString().startsWith("nr");
    }

    private static boolean properName(Term t) {
        String n = t.nature.toString();
        return n.startsWith("nt") || n.startsWith("nz") || n.startsWith("nr");
    }

    /**
     * The recognisers guess generously (居全国 as a person, 围江 as a place). A name is kept when the dictionary
     * knows it with that role, or when the article names it at least twice: precision matters more than recall,
     * because entities become links and facets.
     */
    private static List<String> trusted(Map<String, Integer> counts, String rolePrefix) {
        counts.keySet().removeIf(word -> counts.get(word) < 2 && !known(word, rolePrefix));
        return byFrequency(counts);
    }

    private static boolean known(String word, String rolePrefix) {
        return NamePlausibility.known(word, rolePrefix) || rolePrefix.equals("nt") && NamePlausibility.brand(word);
    }

    private static boolean nameChar(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || cp == '·';
    }

    /** Most frequent first; ties keep the order of first mention. */
    static List<String> byFrequency(Map<String, Integer> counts) {
        List<String> words = new ArrayList<>(counts.keySet());
        words.sort((a, b) -> counts.get(b) - counts.get(a));
        return words;
    }
}

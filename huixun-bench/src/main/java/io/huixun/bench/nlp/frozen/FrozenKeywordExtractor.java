package io.huixun.bench.nlp.frozen;

import io.huixun.nlp.Entities;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.common.Term;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the words that characterise an article: nouns and named entities, scored by term frequency times an
 * inverse-frequency weight taken from HanLP's core dictionary counts (a word common in general Chinese such as
 * 发展 or 工作 weighs less than 阿拉木图), with words of the title counted three times.
 * Example: an article on a foreign ministers' meeting in Almaty → [外长, 会晤, 阿拉木图, 中亚, …]. Thread-safe.
 */
final class FrozenKeywordExtractor {
    static final int MAX_KEYWORDS = 10;
    private static final Set<String> STOP = Set.of("记者", "消息", "新闻", "报道", "今天", "目前", "方面", "问题", "情况",
            "工作", "时间", "表示", "进行", "我们", "他们", "有关", "相关", "以来", "同时", "此外", "其中", "期间", "当地",
            "日电", "央视网", "新闻联播", "这个", "一个", "没有", "已经", "可以", "通过", "今年", "去年", "近日",
            // words about the news itself, not its subject
            "快讯", "联播", "国内联播", "国际联播", "简讯", "综述", "深度", "摘要", "全文", "来源", "编辑", "责任编辑",
            // relational and quantity words: they say how much or how things relate, never what (占比 is 30%)
            "影响", "范围", "范围内", "两国", "双方", "各方", "占比", "比例", "比重", "数量", "规模", "水平", "程度",
            "方式", "过程", "结果", "作用", "部分", "全部", "一些", "多地", "各地", "当天", "日前", "之际", "现代",
            "阶段", "形式", "迹象", "全国", "我国", "本国", "图说");

    /**
     * The keywords of an article. A word the recognisers took for a name is a keyword only when it passed as an
     * entity ({@code entities}), and a word the dictionary does not know only when it is such an entity: the
     * recognisers' glued fragments (陈增敬所, 国多地) are not words. A word found only inside a better-ranked keyword
     * (书局 in 中华书局 in {@code text}) adds nothing and is dropped.
     */
    List<String> keywords(List<Term> titleTerms, List<Term> bodyTerms, Entities entities, String text) {
        Set<String> names = new java.util.HashSet<>();
        names.addAll(entities.people());
        names.addAll(entities.places());
        names.addAll(entities.organisations());
        Map<String, Double> score = new HashMap<>();
        count(titleTerms, 3.0, score, names);
        count(bodyTerms, 1.0, score, names);
        score.replaceAll((word, tf) -> tf * rarity(word));
        List<String> ranked = score.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).map(Map.Entry::getKey).toList();
        List<String> out = new java.util.ArrayList<>();
        for (String word : ranked) {
            if (out.size() == MAX_KEYWORDS) {
                break;
            }
            if (!onlyInside(word, out, text)) {
                out.add(word);
            }
        }
        return out;
    }

    private static boolean onlyInside(String word, List<String> longer, String text) {
        List<String> containing = longer.stream().filter(k -> k.length() > word.length() && k.contains(word)).toList();
        if (containing.isEmpty()) {
            return false;
        }
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            int at = i;
            if (containing.stream().noneMatch(k -> {
                int offset = k.indexOf(word);
                return at - offset >= 0 && text.startsWith(k, at - offset);
            })) {
                return false;
            }
        }
        return true;
    }

    private static void count(List<Term> terms, double weight, Map<String, Double> tf, Set<String> names) {
        for (Term t : terms) {
            String nature = t.nature.toString();
            boolean content = nature.startsWith("n") || nature.equals("vn") || nature.equals("gi");
            if (!content || nature.equals("nx") || t.word.codePointCount(0, t.word.length()) < 2
                    || STOP.contains(t.word) || !t.word.codePoints().allMatch(Character::isIdeographic)) {
                continue;
            }
            boolean name = nature.startsWith("nr") || nature.startsWith("ns") || nature.startsWith("nt");
            if ((name || CoreDictionary.get(t.word) == null) && !names.contains(t.word)) {
                continue;
            }
            double entityBonus = nature.startsWith("nr") || nature.startsWith("ns") || nature.startsWith("nt") ? 1.5 : 1;
            tf.merge(t.word, weight * entityBonus, Double::sum);
        }
    }

    /** log-scaled rarity in general text; unknown words (new names) count as rare. */
    private static double rarity(String word) {
        int frequency = CoreDictionary.getTermFrequency(word);
        return Math.log(1 + 1_000_000.0 / (1 + frequency));
    }
}

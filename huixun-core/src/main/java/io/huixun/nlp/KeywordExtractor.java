package io.huixun.nlp;

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
final class KeywordExtractor {
    static final int MAX_KEYWORDS = 10;
    private static final Set<String> STOP = Set.of("记者", "消息", "新闻", "报道", "今天", "目前", "方面", "问题", "情况",
            "工作", "时间", "表示", "进行", "我们", "他们", "有关", "相关", "以来", "同时", "此外", "其中", "期间", "当地",
            "日电", "央视网", "新闻联播", "这个", "一个", "没有", "已经", "可以", "通过", "今年", "去年", "近日");

    List<String> keywords(List<Term> titleTerms, List<Term> bodyTerms) {
        Map<String, Double> score = new HashMap<>();
        count(titleTerms, 3.0, score);
        count(bodyTerms, 1.0, score);
        score.replaceAll((word, tf) -> tf * rarity(word));
        return score.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(MAX_KEYWORDS).map(Map.Entry::getKey).toList();
    }

    private static void count(List<Term> terms, double weight, Map<String, Double> tf) {
        for (Term t : terms) {
            String nature = t.nature.toString();
            boolean content = nature.startsWith("n") || nature.equals("vn") || nature.equals("gi");
            if (!content || nature.equals("nx") || t.word.codePointCount(0, t.word.length()) < 2
                    || STOP.contains(t.word) || !t.word.codePoints().allMatch(Character::isIdeographic)) {
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

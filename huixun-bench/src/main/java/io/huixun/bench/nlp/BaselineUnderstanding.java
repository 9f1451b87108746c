package io.huixun.bench.nlp;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import io.huixun.nlp.Entities;
import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The entity and keyword rules as they stood before issue 10 (commit 141f38c), frozen here so that
 * {@code ./bench entity-eval} can score "before" and "after" in the same run. Only used by the evaluation.
 * Confined to one thread (HanLP segmenters keep per-call state).
 */
final class BaselineUnderstanding {
    private static final Pattern ORGANISATION_SUFFIX = Pattern.compile(
            "(?:部|委|委员会|局|院|会|总台|电视台|社|厅|署|办公室|银行|公司|集团|大学|学院|中心|组织|联盟|党|政府|法院|检察院)$");
    private static final Set<String> STOP = Set.of("记者", "消息", "新闻", "报道", "今天", "目前", "方面", "问题", "情况",
            "工作", "时间", "表示", "进行", "我们", "他们", "有关", "相关", "以来", "同时", "此外", "其中", "期间", "当地",
            "日电", "央视网", "新闻联播", "这个", "一个", "没有", "已经", "可以", "通过", "今年", "去年", "近日");

    private final Segment segment = HanLP.newSegment().enableNameRecognize(true).enablePlaceRecognize(true)
            .enableOrganizationRecognize(true).enableTranslatedNameRecognize(true);
    private final ChineseConverter toSimplified = ChineseConverter.of(ConversionConfig.T2S);

    record Result(Entities entities, List<String> keywords) {}

    Result analyze(String title, String body) {
        List<Term> t = segment.seg(toSimplified.convert(title));
        List<Term> b = segment.seg(toSimplified.convert(body));
        return new Result(entities(Stream.concat(t.stream(), b.stream()).toList()), keywords(t, b));
    }

    private static Entities entities(List<Term> terms) {
        Map<String, Integer> people = new LinkedHashMap<>();
        Map<String, Integer> places = new LinkedHashMap<>();
        Map<String, Integer> organisations = new LinkedHashMap<>();
        for (Term term : terms) {
            String nature = term.nature.toString();
            String word = term.word.strip();
            if (word.codePointCount(0, word.length()) < 2 || !word.codePoints().allMatch(cp ->
                    Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || cp == '·')) {
                continue;
            }
            if (nature.startsWith("nr")) {
                people.merge(word, 1, Integer::sum);
            } else if (nature.startsWith("ns")) {
                places.merge(word, 1, Integer::sum);
            } else if (nature.startsWith("nt")) {
                organisations.merge(word, 1, Integer::sum);
            }
        }
        organisations.replaceAll((org, n) -> org.length() >= 4 && ORGANISATION_SUFFIX.matcher(org).find()
                ? Math.max(n, 2) : n);
        return new Entities(trusted(people, "nr"), trusted(places, "ns"), trusted(organisations, "nt"));
    }

    private static List<String> trusted(Map<String, Integer> counts, String rolePrefix) {
        counts.keySet().removeIf(word -> counts.get(word) < 2 && !known(word, rolePrefix));
        List<String> words = new ArrayList<>(counts.keySet());
        words.sort((a, b) -> counts.get(b) - counts.get(a));
        return words;
    }

    private static boolean known(String word, String rolePrefix) {
        CoreDictionary.Attribute attribute = CoreDictionary.get(word);
        if (attribute == null) {
            return false;
        }
        for (Nature nature : attribute.nature) {
            if (nature.toString().startsWith(rolePrefix)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> keywords(List<Term> titleTerms, List<Term> bodyTerms) {
        Map<String, Double> score = new HashMap<>();
        count(titleTerms, 3.0, score);
        count(bodyTerms, 1.0, score);
        score.replaceAll((word, tf) -> tf * Math.log(1 + 1_000_000.0 / (1 + CoreDictionary.getTermFrequency(word))));
        return score.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(10).map(Map.Entry::getKey).toList();
    }

    private static void count(List<Term> terms, double weight, Map<String, Double> tf) {
        for (Term t : terms) {
            String nature = t.nature.toString();
            boolean content = nature.startsWith("n") || nature.equals("vn") || nature.equals("gi");
            if (!content || nature.equals("nx") || t.word.codePointCount(0, t.word.length()) < 2
                    || STOP.contains(t.word) || !t.word.codePoints().allMatch(Character::isIdeographic)) {
                continue;
            }
            double bonus = nature.startsWith("nr") || nature.startsWith("ns") || nature.startsWith("nt") ? 1.5 : 1;
            tf.merge(t.word, weight * bonus, Double::sum);
        }
    }
}

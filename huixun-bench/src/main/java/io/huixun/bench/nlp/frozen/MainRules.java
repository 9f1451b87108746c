package io.huixun.bench.nlp.frozen;

import com.hankcs.hanlp.seg.common.Term;
import io.huixun.nlp.Entities;
import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.util.List;
import java.util.stream.Stream;

/**
 * The entity and keyword rules of main at a1f944c (issue 10's first pass: name plausibility, quantified and
 * two-body organisations), frozen here as the "before" of {@code ./bench entity-eval}: the classes of this package
 * are copies of io.huixun.nlp's EntityRecognizer, NamePlausibility and KeywordExtractor at that commit. Only used by
 * the evaluation; thread-safe like the originals (per-thread segmenters).
 */
public final class MainRules {
    private final FrozenEntityRecognizer recognizer = new FrozenEntityRecognizer();
    private final FrozenKeywordExtractor keywords = new FrozenKeywordExtractor();
    private final ChineseConverter toSimplified = ChineseConverter.of(ConversionConfig.T2S);

    /** Entities and keywords of one article. */
    public record Result(Entities entities, List<String> keywords) {}

    public Result analyze(String title, String body) {
        String t = toSimplified.convert(title);
        String b = toSimplified.convert(body);
        List<Term> titleTerms = recognizer.segment(t);
        List<Term> bodyTerms = recognizer.segment(b);
        Entities e = recognizer.entities(Stream.concat(titleTerms.stream(), bodyTerms.stream()).toList(), t + "\n" + b);
        return new Result(e, keywords.keywords(titleTerms, bodyTerms, e, t + "\n" + b));
    }
}

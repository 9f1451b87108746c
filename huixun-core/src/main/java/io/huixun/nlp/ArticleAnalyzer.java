package io.huixun.nlp;

import com.hankcs.hanlp.seg.common.Term;
import io.huixun.extract.DatelineParser;
import io.huixun.model.Dateline;
import io.huixun.text.Words;
import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Understands one article: dateline, entities, keywords, summary and category.
 *
 * <p>Input is the canonical text (repaired and simplified); traditional text is folded to simplified first so that
 * the dictionaries, trained on simplified text, apply. The reference date (usually the publication date) resolves
 * datelines without a year. The first call loads HanLP's dictionaries (about a quarter of a second); the analyzer is
 * thread-safe and meant to be shared.
 */
public final class ArticleAnalyzer {
    private final ChineseConverter toSimplified = ChineseConverter.of(ConversionConfig.T2S);
    private final EntityRecognizer recognizer = new EntityRecognizer();
    private final KeywordExtractor keywords = new KeywordExtractor();
    private final Summarizer summarizer = new Summarizer();
    private final Categorizer categorizer = new Categorizer();

    public Understanding analyze(String title, String body, LocalDate reference) {
        return read(title, body, reference).understanding();
    }

    /**
     * What {@link #read} gives: the understanding, and where the words of the title and of the body are, so that the
     * search index need not segment them again (empty in the rare case that folding to simplified script changed the
     * text's length, and the index segments it itself).
     */
    public record Reading(Understanding understanding, Optional<Words> titleWords, Optional<Words> bodyWords) {}

    /** {@link #analyze} and the words it segmented (one HanLP pass serves understanding and the index). */
    public Reading read(String title, String body, LocalDate reference) {
        String t = toSimplified.convert(title);
        String b = toSimplified.convert(body);
        Optional<Dateline> dateline = DatelineParser.opening(b, reference);
        List<Term> titleTerms = recognizer.segment(t);
        List<Term> bodyTerms = recognizer.segment(b);
        Entities entities = recognizer.entities(concat(titleTerms, bodyTerms), t + "\n" + b);
        int skip = dateline.filter(d -> d.agency().isPresent() && d.start() < 10)
                .map(d -> d.start() + d.text().length()).orElse(0);
        Understanding understanding = new Understanding(keywords.keywords(titleTerms, bodyTerms, entities,
                t + "\n" + b), entities, dateline, summarizer.summarize(b, skip), categorizer.categorize(t, b));
        return new Reading(understanding, words(title, t, titleTerms), words(body, b, bodyTerms));
    }

    /**
     * The words of {@code original}, segmented as {@code converted} (its simplified form): offsets carry over when
     * the conversion kept the length, as it does but for rare phrase entries of another length. Example: 外長王毅 was
     * segmented as 外长|王毅, so its words are [0,2) [2,4).
     */
    static Optional<Words> words(String original, String converted, List<Term> terms) {
        if (original.length() != converted.length()) {
            return Optional.empty();
        }
        int[] starts = new int[terms.size()];
        int[] ends = new int[terms.size()];
        int cursor = 0;
        for (int i = 0; i < terms.size(); i++) {
            Term term = terms.get(i);
            int start = term.offset;
            if (start < cursor || !converted.startsWith(term.word, start) || term.word.isEmpty()) {
                return Optional.empty(); // not this text's segmentation after all: let the index segment it
            }
            starts[i] = start;
            ends[i] = cursor = start + term.word.length();
        }
        return Optional.of(new Words(original, starts, ends));
    }

    /** Just the dateline; cheap (no segmentation). */
    public Optional<Dateline> dateline(String body, LocalDate reference) {
        return DatelineParser.opening(toSimplified.convert(body), reference);
    }

    /** The title's terms, a line break (so that no name runs from the title into the body), the body's terms. */
    private static List<Term> concat(List<Term> a, List<Term> b) {
        List<Term> all = new java.util.ArrayList<>(a.size() + b.size() + 1);
        all.addAll(a);
        all.add(new Term("\n", com.hankcs.hanlp.corpus.tag.Nature.w));
        all.addAll(b);
        return all;
    }
}

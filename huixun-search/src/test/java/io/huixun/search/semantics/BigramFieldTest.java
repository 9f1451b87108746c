package io.huixun.search.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.search.lucene.Fixtures;
import io.huixun.text.TextFold;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class BigramFieldTest {

    /** Our bigram terms with the boundary marks removed must be exactly what CJKBigramFilter makes. */
    @Test
    void bigramsAgreeWithLuceneCjkBigramFilterOnHanText() throws IOException {
        for (var doc : Fixtures.fuyao()) {
            for (String paragraph : doc.body().split("\n")) {
                // Only Han runs: Latin words and numbers are split differently by the two tokenizers, by design.
                String han = paragraph.replaceAll("[^\\p{IsHan}，。、；：！？\\s]", "，");
                String folded = TextFold.forMatchingText(han);
                List<String> ours = ChineseAnalysis.grams(ChineseAnalysis.words(folded)).stream()
                        .map(ChineseAnalysis.Gram::text).toList();
                assertThat(ours).as("paragraph %s", han).isEqualTo(lucene(folded));
            }
        }
    }

    @Test
    void pairsAcrossAWordBoundaryAreMarked() {
        var words = ChineseAnalysis.words("我们和服务员聊天");
        assertThat(words).extracting(ChineseAnalysis.Word::text).containsExactly("我们", "和", "服务员", "聊天");
        assertThat(ChineseAnalysis.grams(words)).extracting(ChineseAnalysis.Gram::term)
                .containsExactly("我们", "们|和", "和|服", "服务", "务员", "员|聊", "聊天");
    }

    /** Segment once: known words of exactly the document's text are used; words of another text are not. */
    @Test
    void theIndexUsesKnownWordsOfItsTextAndSegmentsItselfOtherwise() {
        String title = "我們和服務員聊天"; // traditional: folding keeps the offsets, so the known words still fit
        // A segmentation HanLP would not make (和服 as one word), to see which one the index used.
        var known = new io.huixun.text.Words(title, new int[] {0, 2, 4, 6}, new int[] {2, 4, 6, 8});
        var doc = io.huixun.search.SearchDocument.of("1", "", title, "正文", "来源",
                java.time.OffsetDateTime.parse("2025-04-26T10:00:00+08:00"));
        var used = SearchSemantics.analyse(doc, new io.huixun.search.KnownWords(java.util.Optional.of(known),
                java.util.Optional.empty()));
        assertThat(used.terms().get(IndexFields.TITLE_WORDS)).containsExactly("我们", "和服", "务员", "聊天");
        assertThat(used.terms().get(IndexFields.TITLE_BIGRAMS)).contains("和服", "服|务");

        var otherText = new io.huixun.text.Words(title + "。", new int[] {0, 2, 4, 6}, new int[] {2, 4, 6, 8});
        var ignored = SearchSemantics.analyse(doc, new io.huixun.search.KnownWords(java.util.Optional.of(otherText),
                java.util.Optional.empty()));
        assertThat(ignored.terms().get(IndexFields.TITLE_WORDS)).containsExactly("我们", "和", "服务员", "聊天");
        assertThat(ignored).usingRecursiveComparison().isEqualTo(SearchSemantics.analyse(doc));
    }

    private static List<String> lucene(String text) throws IOException {
        List<String> out = new ArrayList<>();
        StandardTokenizer tokenizer = new StandardTokenizer();
        tokenizer.setReader(new StringReader(text));
        try (TokenStream ts = new CJKBigramFilter(tokenizer, CJKBigramFilter.HAN, false)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }
}

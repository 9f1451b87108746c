package io.huixun.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

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
                String folded = TextFolder.foldText(han);
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

    @Test
    void foldingMapsTraditionalFullWidthAndCaseWithoutMovingOffsets() {
        TextFolder.Folded f = TextFolder.fold("「ＡＢＣ」與一帶一路");
        assertThat(f.text()).isEqualTo("「abc」与一带一路");
        assertThat(f.original(5)).isEqualTo(5);
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

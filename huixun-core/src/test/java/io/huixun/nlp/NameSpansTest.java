package io.huixun.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The boundary rules on hand-built term sequences (word/nature), so that each rule is tested apart from HanLP's tagging. */
class NameSpansTest {
    private static List<Term> terms(String... wordSlashNature) {
        List<Term> out = new ArrayList<>();
        for (String w : wordSlashNature) {
            int slash = w.lastIndexOf('/');
            out.add(new Term(w.substring(0, slash), Nature.create(w.substring(slash + 1))));
        }
        return out;
    }

    private static NameSpans.Span at(List<Term> t, int i) {
        return NameSpans.at(t, i);
    }

    private static boolean piece(List<Term> t, int i) {
        return NameSpans.pieceOfLongerName(t, NameSpans.at(t, i));
    }

    @Test
    void ministriesNamedByTwoFieldsAreOneName() {
        List<Term> t = terms("住房/n", "和/cc", "城乡/n", "建设部/nis", "、/w", "人力/n", "资源/n", "和/cc", "社会保障部/nis");
        assertThat(at(t, 0).word()).isEqualTo("住房和城乡建设部");
        assertThat(at(t, 0).kind()).isEqualTo('O');
        assertThat(at(t, 5).word()).isEqualTo("人力资源和社会保障部");
        // 和 between two ordinary nouns and no ministry: nothing to join
        assertThat(at(terms("企业/n", "和/cc", "个人/n", "参加/v"), 0)).isNull();
    }

    @Test
    void placesAndProperNamesBeforeAnOrganisationArePartOfIt() {
        List<Term> t = terms("成都/ns", "天府/nr", "软件园有限公司/nt", "成立/v");
        assertThat(at(t, 0).word()).isEqualTo("成都天府软件园有限公司");
        assertThat(at(t, 0).end()).isEqualTo(3);
        assertThat(at(terms("丰田/ntc", "汽车/n", "发布/v"), 0).word()).isEqualTo("丰田汽车");
        assertThat(at(terms("华北/ns", "电力/n", "大学/nis"), 0).word()).isEqualTo("华北电力大学");
        // a known body after a place stays apart: 北京 国务院 is two names
        assertThat(at(terms("北京/ns", "国务院/nt"), 0).word()).isEqualTo("北京");
    }

    @Test
    void aNameThatGoesOnIntoItsNeighbourIsAPiece() {
        assertThat(piece(terms("索马/ns", "里兰/nrf", "宣布/v"), 0)).isTrue(); // one transliteration
        assertThat(piece(terms("腾讯/nt", "海思/nrf"), 0)).isFalse(); // a company and a product
        assertThat(piece(terms("黄河/ns", "韬/ng", "奋/vg"), 0)).isTrue(); // a bound character follows
        assertThat(piece(terms("商务部/nt", "门/n", "负责/v"), 0)).isTrue(); // 部门 crosses the edge
        assertThat(piece(terms("渤海/ns", "上/f", "航行/v"), 0)).isFalse(); // a localiser is its own word
        assertThat(piece(terms("北京/ns", "举行/v"), 0)).isFalse();
    }

    @Test
    void hyphenatedBodiesAndGivenNamesAfterTitlesArePieces() {
        assertThat(piece(terms("中国/ns", "-/w", "东盟商务理事会/nt", "召开/v"), 2)).isTrue();
        assertThat(piece(terms("副市长/nnt", "王/q", "丽江/ns", "表示/v"), 2)).isTrue();
        assertThat(piece(terms("市长/nnt", "在/p", "丽江/ns", "考察/v"), 2)).isFalse();
    }
}

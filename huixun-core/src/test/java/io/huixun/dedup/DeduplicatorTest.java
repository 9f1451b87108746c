package io.huixun.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeduplicatorTest {
    private final Deduplicator dedup = Deduplicator.standard();

    @Test
    void normalisationFoldsScriptWidthPinyinAndPunctuation() {
        assertThat(dedup.normalize("中國經濟當(dāng)前，ＧＤＰ增長 5%。")).isEqualTo("中国经济当前gdp增长5");
    }

    @Test
    void upperCaseAcronymsInParenthesesAreNotMistakenForPinyin() {
        assertThat(dedup.normalize("世界卫生组织(WHO)表示")).isEqualTo("世界卫生组织who表示");
        assertThat(dedup.normalize("今天(tian1)下雨")).isEqualTo("今天下雨");
    }

    @Test
    void traditionalPinyinSpammedFullWidthCopyHasTheSameExactKey() {
        GeneratedNews news = new GeneratedNews(1);
        String original = news.article(4) + "2025年GDP增长5%";
        String copy = GeneratedNews.fullWidth(news.pinyinSpam(GeneratedNews.traditional(original), 5));
        assertThat(copy).isNotEqualTo(original);
        assertThat(dedup.fingerprint(copy).exactKey()).isEqualTo(dedup.fingerprint(original).exactKey());
    }

    @Test
    void signatureEstimateTracksExactJaccard() {
        GeneratedNews news = new GeneratedNews(2);
        for (int edits = 0; edits <= 60; edits += 10) {
            String a = news.article(5);
            String b = news.lightEdit(a, edits);
            double exact = Deduplicator.jaccard(dedup.shingleHashes(dedup.normalize(a)),
                    dedup.shingleHashes(dedup.normalize(b)));
            double estimate = dedup.fingerprint(a).signature().similarity(dedup.fingerprint(b).signature());
            // 120 hashes: standard error ≤ 0.046; 4 standard errors
            assertThat(estimate).as("%d edits", edits).isCloseTo(exact, org.assertj.core.data.Offset.offset(0.19));
        }
    }

    @Test
    void unrelatedArticlesShareAlmostNoShingles() {
        GeneratedNews news = new GeneratedNews(3);
        String a = news.article(5);
        String b = news.article(5);
        assertThat(Deduplicator.jaccard(dedup.shingleHashes(dedup.normalize(a)),
                dedup.shingleHashes(dedup.normalize(b)))).isLessThan(0.02);
    }

    @Test
    void textWithoutLettersHasAnEmptySignature() {
        assertThat(dedup.fingerprint("。。。 —— ！").signature().isEmpty()).isTrue();
        assertThat(dedup.fingerprint("新闻").signature().isEmpty()).isFalse();
    }

    @Test
    void signatureRoundTripsThroughBytes() {
        MinHashSignature signature = dedup.fingerprint("新闻联播今天报道").signature();
        assertThat(MinHashSignature.fromBytes(signature.toBytes())).isEqualTo(signature);
    }
}

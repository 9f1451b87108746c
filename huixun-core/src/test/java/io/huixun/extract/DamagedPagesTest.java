package io.huixun.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real pages cut at many points and with bytes overwritten: every variant gives an outcome (articles or a reason),
 * never an exception. Variants are drawn from a fixed seed, so a failure reproduces.
 */
class DamagedPagesTest {
    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor(ExtractOptions.defaults());

    @ParameterizedTest
    @ValueSource(strings = {"/extract/cwced/original/9b1e5dcb-3a68-408d-80c4-6878fade378b.html",
            "/extract/gne/xinhuanet-1.html", "/extract/seed-portal-dump.txt"})
    void cutAndCorruptedVariantsNeverThrow(String path) throws IOException {
        byte[] page;
        try (InputStream in = DamagedPagesTest.class.getResourceAsStream(path)) {
            page = in.readAllBytes();
        }
        Random random = new Random(path.hashCode());
        for (int i = 0; i < 20; i++) {
            byte[] cut = Arrays.copyOf(page, random.nextInt(page.length + 1));
            assertOutcome(cut);
            byte[] corrupt = page.clone();
            for (int k = 0; k < 1 + random.nextInt(64); k++) {
                corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt(256);
            }
            assertOutcome(corrupt);
        }
    }

    private static void assertOutcome(byte[] bytes) {
        Extraction e = EXTRACTOR.extract(RawDocument.ofFile("damaged", bytes));
        switch (e) {
            case Extraction.Extracted ok -> assertThat(ok.articles()).isNotEmpty();
            case Extraction.Unreadable u -> assertThat(u.reason()).isNotBlank();
        }
    }
}

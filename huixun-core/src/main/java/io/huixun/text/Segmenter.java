package io.huixun.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.List;

/**
 * The project's one word segmentation: HanLP's Viterbi segmenter with person, place, organisation and transliterated
 * name recognition, and offsets. Understanding (entities, keywords), the search index and search queries all cut text
 * with it, so a name is one word everywhere and the index can reuse the understanding stage's words instead of
 * segmenting again (issue 12: segment once). Example: {@code 外交部长王毅在阿拉木图会见} → 外交部长 | 王毅 | 在 | 阿拉木图 |
 * 会见, each with its offset.
 *
 * <p>Thread-safe: HanLP segmenters keep per-call state, so each thread gets its own.
 */
public final class Segmenter {
    private static final ThreadLocal<Segment> SEGMENT = ThreadLocal.withInitial(() -> HanLP.newSegment()
            .enableNameRecognize(true).enablePlaceRecognize(true).enableOrganizationRecognize(true)
            .enableTranslatedNameRecognize(true).enableOffset(true));

    private Segmenter() {}

    /** The words of {@code text} in order, every character in one of them, each with its offset. */
    public static List<Term> segment(String text) {
        return SEGMENT.get().seg(text);
    }
}

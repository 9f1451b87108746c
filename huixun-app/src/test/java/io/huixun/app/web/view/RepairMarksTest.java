package io.huixun.app.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepairMarksTest {
    private static RepairEditView edit(String field, String before, String after, int outStart, int outEnd) {
        return new RepairEditView(field, "PINYIN_ANNOTATION", before, after, 0.9, 0, outStart, outEnd);
    }

    @Test
    void marksEachRepairWhereItWasMadeAndKeepsTheTextBetween() {
        String body = "当地发展，当然。";
        List<RepairMarks.Piece> pieces = RepairMarks.of(body, List.of(edit("body", "当(dāng)", "当", 5, 6),
                edit("title", "x", "y", 0, 1), edit("body", "当(dāng)", "当", 0, 1))).orElseThrow();
        assertThat(pieces).extracting(RepairMarks.Piece::text).containsExactly("当", "地发展，", "当", "然。");
        assertThat(pieces.get(0).repaired()).isTrue();
        assertThat(pieces.get(1).repaired()).isFalse();
        assertThat(String.join("", pieces.stream().map(RepairMarks.Piece::text).toList())).isEqualTo(body);
    }

    @Test
    void repairsOfSeveralStagesOnOneStretchAreShownTogetherInTheOrderTheyWereMade() {
        // 當(dāng)權 → pinyin removed (stage 1: "(dāng)" → "" at final 1–1) → script converted (stage 2: 當權 → 当权, 0–2)
        String body = "当权益";
        RepairEditView pinyin = edit("body", "(dāng)", "", 1, 1);
        RepairEditView script = new RepairEditView("body", "SCRIPT", "當權", "当权", 0.99, 0, 0, 2);
        List<RepairMarks.Piece> pieces = RepairMarks.of(body, List.of(pinyin, script)).orElseThrow();
        assertThat(pieces).extracting(RepairMarks.Piece::text).containsExactly("当权", "益");
        assertThat(pieces.get(0).edits()).containsExactly(pinyin, script);
        assertThat(pieces.get(0).kinds()).containsExactly("PINYIN_ANNOTATION", "SCRIPT");
    }

    @Test
    void aLogThatDoesNotFitTheTextGivesNoMarks() {
        assertThat(RepairMarks.of("当地发展", List.of(edit("body", "x", "发", 0, 1)))).isEmpty(); // text differs
        assertThat(RepairMarks.of("当地", List.of(edit("body", "x", "当地发展", 0, 4)))).isEmpty(); // past the end
        assertThat(RepairMarks.of("当地", List.of(edit("body", "x", "当", -1, -1)))).isEmpty(); // no offsets (old log)
        assertThat(RepairMarks.of("当地", List.of())).isEqualTo(Optional.empty());
    }
}

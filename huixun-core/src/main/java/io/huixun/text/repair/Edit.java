package io.huixun.text.repair;

import java.util.Objects;

/**
 * One change made by the repair stage.
 *
 * <p>Offsets are UTF-16 indexes, end-exclusive: {@code [inputStart, inputEnd)} in {@link RepairResult#original()}
 * and {@code [outputStart, outputEnd)} in {@link RepairResult#repaired()}. When a later fixer rewrites text that an
 * earlier fixer produced, each edit keeps the spans of its own change mapped through the other edits, so spans of
 * different edits may overlap. {@code before} and {@code after} are the text the fixer saw and wrote.
 *
 * @param confidence the model's confidence in the change, in (0, 1]; 1 for purely mechanical fixes
 */
public record Edit(int inputStart, int inputEnd, int outputStart, int outputEnd, RepairKind kind, double confidence,
        String before, String after) {
    public Edit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (inputStart < 0 || inputEnd < inputStart || outputStart < 0 || outputEnd < outputStart) {
            throw new IllegalArgumentException("edit spans must be non-negative and ordered: input [" + inputStart
                    + ", " + inputEnd + "), output [" + outputStart + ", " + outputEnd + ")");
        }
        if (!(confidence > 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1]: " + confidence);
        }
    }
}

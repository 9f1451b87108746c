package io.huixun.text.repair;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link TextRepairer#repair(String)}: the input kept as it was, the canonical text, and every edit
 * in the order the fixers made them.
 */
public record RepairResult(String original, String repaired, List<Edit> edits) {
    public RepairResult {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(repaired, "repaired");
        edits = List.copyOf(edits);
    }

    /** Whether any fixer changed the text. */
    public boolean changed() {
        return !original.equals(repaired);
    }
}

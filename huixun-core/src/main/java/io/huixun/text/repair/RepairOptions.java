package io.huixun.text.repair;

import java.util.Objects;

/**
 * How {@link TextRepairer} repairs.
 *
 * @param script the script of the canonical text: simplified (default), traditional, or as the input has it
 */
public record RepairOptions(TargetScript script) {
    /** The default: canonical text in simplified characters. */
    public static final RepairOptions DEFAULT = new RepairOptions(TargetScript.SIMPLIFIED);

    public RepairOptions {
        Objects.requireNonNull(script, "script");
    }

    /** The script of the repaired text. */
    public enum TargetScript {
        SIMPLIFIED, TRADITIONAL, KEEP
    }
}

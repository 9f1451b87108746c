package io.huixun.text.repair;

import java.util.List;

/**
 * One fixer of the repair pipeline: finds the spans of one corruption in a line and proposes replacements.
 * Implementations are stateless and thread-safe; proposals are sorted and never overlap.
 */
sealed interface Fixer permits EntityDecoder, InvisibleCharacterRemover, CharsetMojibakeFixer, ByteMisalignmentFixer,
        PinyinAnnotationRemover, LostCharacterRestorer, PunctuationWidthNormalizer, ScriptNormalizer {

    /** Adds the replacements for {@code line} (no line terminators inside) to {@code out}. */
    void find(String line, List<Replacement> out);
}

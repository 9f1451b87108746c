/**
 * Repair: turns damaged Chinese web text (wrong-charset mojibake, GBK/Big5 byte misalignment, spam pinyin, lost
 * characters, mixed scripts, half-width punctuation) into canonical text plus a log of every edit.
 * The entry point is {@link io.huixun.text.repair.TextRepairer}; each fixer is a package-private class that targets
 * one corruption, and a character bigram model ({@code CharModel}) decides whether a candidate fix is clearly more
 * plausible than the text as it is.
 *
 * <p><b>Layer</b>: the shared text layer (bottom). Imports only {@code io.huixun.text..} (charset, convert). Kept by
 * {@code LayersTest} (huixun-bench).
 */
package io.huixun.text.repair;

/**
 * The shared text layer's root: word lists and segmentation ({@link io.huixun.text.Segmenter},
 * {@link io.huixun.text.Words}) that search, nlp and the stages share, beside its sub-packages {@code text.charset}
 * (which charset bytes are in), {@code text.convert} (simplified ⇄ traditional), {@code text.repair} (mojibake, lost
 * characters, pinyin spam), {@code text.json} (JSON as feeds and pages write it) and {@code text.time} (news dates
 * and the default zone), and {@link io.huixun.text.TextFold} (the one folding of width, case and script).
 *
 * <p><b>Layer</b>: the shared text layer, at the bottom beside {@code model}. Imports only {@code io.huixun.text..};
 * every stage may import it. Kept by {@code LayersTest} (huixun-bench).
 */
package io.huixun.text;

/**
 * Which charset a byte sequence is in: byte-order mark, then a strict UTF-8 check, then statistics; and the
 * mapping of charset labels to the decoder browsers actually use (a {@code gb2312} label means GB18030).
 * Entry point: {@link io.huixun.text.charset.CharsetDetector}.
 *
 * <p><b>Layer</b>: the shared text layer (bottom). Imports only {@code io.huixun.text..}. Kept by {@code LayersTest}
 * (huixun-bench).
 */
package io.huixun.text.charset;

/**
 * Simplified ↔ traditional Chinese conversion with OpenCC's dictionaries and semantics, and script detection.
 *
 * <p>Entry points: {@link io.huixun.text.convert.ChineseConverter} (one per {@link io.huixun.text.convert.ConversionConfig})
 * and {@link io.huixun.text.convert.ScriptDetector}. OpenCC's text dictionaries are compiled at build time into
 * double-array tries by {@link io.huixun.text.convert.DictionaryCompiler}.
 */
package io.huixun.text.convert;

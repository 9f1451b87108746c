/**
 * Simplified ↔ traditional Chinese conversion with OpenCC's dictionaries and semantics, and script detection.
 *
 * <p>Entry points: {@link io.huixun.text.convert.ChineseConverter} (one per {@link io.huixun.text.convert.ConversionConfig})
 * and {@link io.huixun.text.convert.ScriptDetector}. OpenCC's text dictionaries are compiled at build time into
 * double-array tries by {@code DictionaryCompiler}, a build-time tool that lives in the test sources (with
 * {@code RawDictionary}, {@code GeneratedDictionaries} and {@code TrieBuilder}) so that it and its Jackson dependency
 * stay out of the runtime jar; Maven runs it after the tests compile ({@code process-test-classes}) and writes the
 * tries into {@code target/classes}, before they are packaged.
 *
 * <p><b>Layer</b>: the shared text layer (bottom). Imports only {@code io.huixun.text..}. Kept by {@code LayersTest}
 * (huixun-bench).
 */
package io.huixun.text.convert;

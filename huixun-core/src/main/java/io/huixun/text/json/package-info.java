/**
 * JSON read into plain Java values ({@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean}) over
 * jackson-core's streaming parser: strictly for formats with a specification (JSON Feed), leniently for JSON as web
 * pages really write it (JSON-LD with trailing commas, comments, single quotes, raw line breaks in strings). Part of
 * the shared text layer: {@code source} and {@code extract} use it; it uses nothing of Huixun's.
 *
 * <p><b>Layer</b>: the shared text layer (bottom). Imports only {@code io.huixun.text..}. Kept by {@code LayersTest}
 * (huixun-bench).
 */
package io.huixun.text.json;

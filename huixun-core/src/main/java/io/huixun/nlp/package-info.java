/**
 * Understanding an article: datelines ({@code 新华社北京4月27日电}, {@code 当地时间2025年4月26日}), people, places and
 * organisations, keywords, a short summary and a category. Entry point: {@link io.huixun.nlp.ArticleAnalyzer}.
 * Works on canonical (repaired, simplified) text; traditional input is folded to simplified first.
 *
 * <p><b>Layer</b>: a stage. Imports only the shared text layer and {@code model}. Kept by {@code LayersTest}
 * (huixun-bench).
 */
package io.huixun.nlp;

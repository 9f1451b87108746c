/**
 * Understanding an article: datelines ({@code 新华社北京4月27日电}, {@code 当地时间2025年4月26日}), people, places and
 * organisations, keywords, a short summary and a category. Entry point: {@link io.huixun.nlp.ArticleAnalyzer}.
 * Works on canonical (repaired, simplified) text; traditional input is folded to simplified first.
 *
 * <p><b>Layer</b>: a stage. Imports the shared text layer, {@code model} and {@code extract} (one dateline
 * parser, {@link io.huixun.extract.DatelineParser}, which extraction reads first; extract never imports nlp). Kept by {@code LayersTest}
 * (huixun-bench).
 */
package io.huixun.nlp;

/**
 * The extract stage: from the bytes of a page or a text file to {@link io.huixun.model.Article}s.
 *
 * <p>Entry point: {@link io.huixun.extract.ArticleExtractor}. It decodes the bytes (BOM, HTTP label, {@code <meta>}
 * label, then detection; {@code gb2312} means GB18030), reads structured metadata first (JSON-LD, OpenGraph, meta
 * tags), finds the main text with a density score tuned for Chinese pages (text length, link density and the
 * density of full-width punctuation), and parses publish times, authors, media sources and datelines from the text.
 * Plain-text portal dumps (a lead article followed by teaser items separated by {@code -} lines) are split into one
 * article per item. Text is never repaired here: that is the repair stage's job.
 *
 * <p><b>Layer</b>: a stage. Imports only the shared text layer and {@code model}; never another stage. Kept by {@code
 * LayersTest} (huixun-bench).
 */
package io.huixun.extract;

/**
 * {@code ./bench NAME [ARGS…]}: the dispatcher ({@link io.huixun.bench.BenchMain}) that runs one evaluation or
 * benchmark by name, e.g. {@code ./bench robots-eval}. Only the dispatcher lives here; each runner has its own
 * package ({@code bench.search}, {@code bench.fleet}, …) and what the runners share is in {@code bench.common}.
 *
 * <p><b>Layer</b>: Bench, the top: every {@code io.huixun.bench} package may import every layer of the product;
 * nothing in the product imports bench. Inside bench, this package imports the runners and nothing imports it; the
 * runners import {@code bench.common} (and a few reuse another runner's corpus, e.g. {@code bench.dedup.CctvCorpus});
 * {@code bench.common} imports no other bench package. So bench has no package cycles. Kept by {@code LayersTest}.
 */
package io.huixun.bench;

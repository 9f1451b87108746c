/** Main's entity and keyword rules at a1f944c, frozen as the "before" of {@code ./bench entity-eval}. */
package io.huixun.bench.nlp.frozen;

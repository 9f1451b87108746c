/**
 * The values the pipeline passes between stages: small immutable records with no behaviour beyond validation.
 * Every stage may depend on this package; it depends on nothing but the JDK. Absent values are {@link java.util.Optional}
 * or empty lists, never {@code null}.
 *
 * <p><b>Layer</b>: the bottom, beside the shared text layer. Imports nothing of Huixun's. Kept by {@code LayersTest}
 * (huixun-bench).
 */
package io.huixun.model;

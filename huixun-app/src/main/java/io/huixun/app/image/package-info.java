/**
 * The image proxy's parts that know nothing of HTTP routes: {@link io.huixun.app.image.ImageSigner} signs the image
 * URLs the pages emit (so {@code /img} is not an open proxy), {@link io.huixun.app.image.ImageKind} tells a raster
 * image from anything else by its first bytes, and {@link io.huixun.app.image.ImageCache} keeps fetched images on disk
 * in the data folder, bounded in bytes and age. The route itself is {@code io.huixun.app.web.ImageProxy}.
 *
 * <p><b>Layer</b>: app support beside {@code app.account}, below the web and the CLI. Imports only fetch, store, the
 * shared text layer and {@code model}. Kept by {@code LayersTest} (huixun-bench).
 */
package io.huixun.app.image;

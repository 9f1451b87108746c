package io.huixun.app.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCacheTest {
    @TempDir
    Path dir;

    static byte[] png(int size) {
        byte[] b = new byte[size];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, b, 0, magic.length);
        return b;
    }

    long files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void staysWithinItsByteBoundAndDeletesEvictedFiles() throws Exception {
        ImageCache cache = new ImageCache(dir, 10_000, Duration.ofDays(1));
        for (int i = 0; i < 10; i++) {
            cache.put("https://img.example.cn/" + i + ".png", ImageKind.PNG, png(3_000));
        }
        cache.cleanUp();
        assertThat(cache.weightedBytes()).isLessThanOrEqualTo(10_000);
        assertThat(files()).isBetween(1L, 3L);
    }

    @Test
    void reindexesItsFilesAfterARestartAndDropsLeftoverTemporaries() throws Exception {
        ImageCache first = new ImageCache(dir, 1 << 20, Duration.ofDays(1));
        first.put("https://img.example.cn/a.png", ImageKind.PNG, png(500));
        Files.writeString(dir.resolve("abc.123.tmp"), "half-written");
        ImageCache second = new ImageCache(dir, 1 << 20, Duration.ofDays(1));
        assertThat(second.get("https://img.example.cn/a.png")).isPresent()
                .get().extracting(ImageCache.Entry::kind).isEqualTo(ImageKind.PNG);
        assertThat(second.get("https://img.example.cn/b.png")).isEmpty();
        assertThat(dir.resolve("abc.123.tmp")).doesNotExist();
    }

    @Test
    void sniffsRasterImagesAndRefusesSvgAndHtml() {
        assertThat(ImageKind.sniff("application/octet-stream", png(20))).contains(ImageKind.PNG);
        assertThat(ImageKind.sniff("", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).contains(ImageKind.JPEG);
        assertThat(ImageKind.sniff("text/html", png(20))).isEmpty();
        assertThat(ImageKind.sniff("image/svg+xml", "<svg onload=alert(1)>".getBytes())).isEmpty();
        assertThat(ImageKind.sniff("image/png", "<html>forbidden</html>".getBytes())).isEmpty();
    }

    @Test
    void everyNodeOfOneStoreSignsAlikeAndAFolderKeyCarriesOver(@TempDir Path nodeA, @TempDir Path nodeB,
                                                               @TempDir Path other) throws Exception {
        String url = "https://img.example.cn/a.jpg";
        byte[] folderKey = key(7); // the key a folder had before keys moved into the store
        Files.write(nodeA.resolve(ImageSigner.KEY_FILE), folderKey);
        String handedOut = new ImageSigner(folderKey).sign(url);
        try (io.huixun.store.ArticleStore store = io.huixun.store.sqlite.SqliteArticleStore.open(
                other.resolve("shared.db"), io.huixun.store.sqlite.SqliteOptions.DEFAULT)) {
            ImageSigner a = ImageSigner.of(nodeA, store);
            ImageSigner b = ImageSigner.of(nodeB, store); // a second node: no key file, the store's key
            assertThat(a.verify(url, handedOut)).as("URLs already handed out stay valid").isTrue();
            assertThat(b.verify(url, a.sign(url))).as("one node serves what another signed").isTrue();
            assertThat(ImageSigner.of(nodeB, store).sign(url)).isEqualTo(a.sign(url));
        }
        try (io.huixun.store.ArticleStore elsewhere = io.huixun.store.sqlite.SqliteArticleStore.open(
                other.resolve("elsewhere.db"), io.huixun.store.sqlite.SqliteOptions.DEFAULT)) {
            assertThat(ImageSigner.of(nodeB, elsewhere).verify(url, handedOut)).as("another installation").isFalse();
        }
    }

    @Test
    void signaturesDependOnTheUrlAndTheKey() {
        ImageSigner a = new ImageSigner(key(1));
        ImageSigner again = new ImageSigner(key(1));
        ImageSigner b = new ImageSigner(key(2));
        String url = "https://img.example.cn/a.jpg";
        assertThat(again.verify(url, a.sign(url))).isTrue();
        assertThat(a.verify(url + "?x", a.sign(url))).isFalse();
        assertThat(b.verify(url, a.sign(url))).isFalse();
        assertThat(a.path(url)).startsWith("/img?u=https%3A%2F%2Fimg.example.cn%2Fa.jpg&s=");
    }

    /** 32 bytes from {@code seed}: a fixed key for a test. */
    private static byte[] key(int seed) {
        byte[] k = new byte[32];
        new java.util.Random(seed).nextBytes(k);
        return k;
    }
}

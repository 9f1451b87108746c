package io.huixun.app.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs image URLs with HMAC-SHA256 under a key made once per installation (kept in its store, shared by its nodes),
 * so that {@code /img} fetches only the URLs Huixun's own pages emitted and cannot be used as an open proxy.
 * Example: {@code path("https://img.example.cn/a.jpg")} → {@code /img?u=https%3A%2F%2Fimg.example.cn%2Fa.jpg&s=Zm9v…}
 * (22 characters of base64url: the first 128 bits of the MAC).
 *
 * <p>Immutable after construction (a fresh {@link Mac} per call): thread-safe.
 */
public final class ImageSigner {
    static final String KEY_FILE = "image-proxy.key";
    private static final int KEY_BYTES = 32;
    private static final int SIG_BYTES = 16;
    private final byte[] key;

    ImageSigner(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("an image-signing key needs at least 16 bytes");
        }
        this.key = key.clone();
    }

    /**
     * The signer of an installation: its key is the store's secret {@code image-proxy}, so every node of one store
     * signs alike and any of them serves a picture URL another emitted (behind a load balancer). The first time, the
     * key is the one of the data folder's {@code image-proxy.key} when there is one (where keys were kept before, so
     * picture URLs already handed out, in feeds for instance, stay valid), else 32 fresh random bytes.
     */
    public static ImageSigner of(Path folder, io.huixun.store.ArticleStore store) {
        return new ImageSigner(store.secret(SECRET, folderKeyOrFresh(folder)));
    }

    /**
     * Gives store {@code to} the key of the installation at {@code folder} with store {@code from} ({@code huixun
     * migrate}), so picture URLs handed out before the move stay valid after it.
     */
    public static void copyKey(Path folder, io.huixun.store.ArticleStore from, io.huixun.store.ArticleStore to) {
        to.secret(SECRET, from.secret(SECRET, folderKeyOrFresh(folder)));
    }

    /** The store's name of the key ({@link io.huixun.store.ArticleStore#secret}). */
    private static final String SECRET = "image-proxy";

    private static byte[] folderKeyOrFresh(Path folder) {
        Path file = folder.resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                byte[] kept = Files.readAllBytes(file);
                if (kept.length >= 16) {
                    return kept;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the image-signing key " + file, e);
        }
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        return fresh;
    }

    /** The signature of {@code url}, base64url without padding. */
    public String sign(String url) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal(url.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, SIG_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** Whether {@code signature} is the signature of {@code url} (compared in constant time). */
    public boolean verify(String url, String signature) {
        if (url == null || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(url).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** The proxy path that serves {@code url}: {@code /img?u=…&s=…}. */
    public String path(String url) {
        return "/img?u=" + URLEncoder.encode(url, StandardCharsets.UTF_8) + "&s=" + sign(url);
    }
}

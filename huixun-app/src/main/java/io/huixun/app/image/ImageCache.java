package io.huixun.app.image;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Fetched images on disk, one file per source URL named by the URL's SHA-256 and the image's extension
 * ({@code https://a.cn/x.jpg} → {@code 3f2a….jpg}). The index is a Caffeine cache weighed in bytes: past
 * {@code maxBytes} the least valuable files (Caffeine's W-TinyLFU, close to LRU here) are deleted, and a file older
 * than {@code maxAge} is deleted when next touched or evicted. Files already in the folder are indexed at start, so the
 * bound holds across restarts.
 *
 * <p>Thread-safe: Caffeine's index is concurrent; a file is written under a temporary name and moved into place
 * atomically, so a reader sees a whole file or none. No lock is held while fetching (the caller fetches, then
 * {@link #put}s).
 */
public final class ImageCache {
    private final Path dir;
    private final Cache<String, Entry> index;

    /** One cached image: its file and kind. */
    public record Entry(Path file, ImageKind kind, long bytes) {}

    public ImageCache(Path dir, long maxBytes, Duration maxAge) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the image cache folder " + dir, e);
        }
        this.index = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String k, Entry e) -> (int) Math.min(Integer.MAX_VALUE, e.bytes()))
                .expireAfterWrite(maxAge)
                .executor(Runnable::run) // evict and delete files on the calling thread: bounded on return
                .removalListener((String k, Entry e, RemovalCause cause) -> {
                    if (e != null && cause != RemovalCause.REPLACED) {
                        deleteQuietly(e.file());
                    }
                })
                .build();
        indexExisting();
    }

    /** The cached image of {@code url}, if any and still on disk. */
    public Optional<Entry> get(String url) {
        String key = key(url);
        Entry e = index.getIfPresent(key);
        if (e != null && !Files.isRegularFile(e.file())) {
            index.invalidate(key);
            return Optional.empty();
        }
        return Optional.ofNullable(e);
    }

    /** Stores {@code body} of {@code kind} as the image of {@code url}; returns its entry. */
    public Entry put(String url, ImageKind kind, byte[] body) {
        String key = key(url);
        Path file = dir.resolve(key + "." + kind.extension);
        Path tmp = dir.resolve(key + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(tmp, body);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot write the cached image " + file, e);
        }
        Entry entry = new Entry(file, kind, body.length);
        Entry old = index.asMap().put(key, entry);
        if (old != null && !old.file().equals(file)) {
            deleteQuietly(old.file()); // the same URL now serves another format
        }
        return entry;
    }

    /** Bytes held by the index (for tests and metrics). */
    public long weightedBytes() {
        index.cleanUp();
        return index.policy().eviction().map(ev -> ev.weightedSize().orElse(0)).orElse(0L);
    }

    /** Runs pending evictions now (Caffeine runs them lazily). */
    public void cleanUp() {
        index.cleanUp();
    }

    private void indexExisting() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                int dot = name.indexOf('.');
                if (name.endsWith(".tmp")) {
                    deleteQuietly(f); // left by a crash mid-write
                    continue;
                }
                Optional<ImageKind> kind = dot == 64 ? ImageKind.ofExtension(name.substring(dot + 1)) : Optional.empty();
                if (kind.isPresent()) {
                    index.put(name.substring(0, dot), new Entry(f, kind.get(), Files.size(f)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the image cache folder " + dir, e);
        }
    }

    static String key(String url) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(url.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // a file that cannot be deleted now is re-indexed (and bounded) at the next start
        }
    }
}

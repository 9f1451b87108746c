package io.huixun.dedup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * A {@link DedupIndex} saved to a file, so that a start-up reads about 145 bytes per article in one sequential read
 * instead of every stored fingerprint from the store (issue 12: no replay at start-up; at 1M articles the store read
 * took 11–13 s of CPU in the first seconds of serving). Saved when the pipeline closes cleanly; read, and deleted, by
 * the next start, which then adds only the articles stored after it ({@code id > maxId}). A crash therefore finds no
 * file, and the index is rebuilt from the store as before: a file never describes a store that changed after it.
 *
 * <p>Format (big-endian): {@code HXDEDUP1}, the configuration as text, the member count, then per member id, canonical
 * id, published millis, flags (1 clean, 2 empty signature) and the low 8 bits of each hash, then the highest article
 * id, and last a CRC-32 of everything before it. Example: 240,000 members → 35 MB.
 *
 * <p>Stateless: each call works on its own file and streams; the index's own lock guards reads and adds.
 */
public final class DedupSnapshot {
    private static final byte[] MAGIC = "HXDEDUP1".getBytes(StandardCharsets.US_ASCII);
    /** Members checked against the store after a read (16 primary-key reads: about a millisecond). */
    private static final int SAMPLES = 16;

    private DedupSnapshot() {}

    /** What was read: the highest article id the file holds (-1 when it held none) and how many members. */
    public record Loaded(long maxId, int members) {}

    /** Writes {@code index} to {@code file} atomically (a temporary file, synced, then moved over it). */
    public static void write(DedupIndex index, DedupConfig config, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        CRC32 crc = new CRC32();
        try (OutputStream raw = Files.newOutputStream(tmp);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(raw, crc),
                     1 << 16))) {
            out.write(MAGIC);
            out.writeUTF(config.toString());
            AtomicLong maxId = new AtomicLong(-1);
            try {
                // Under the index's read lock: called when the pipeline closes, so no add is waiting.
                index.forEachMember(count -> write(out, o -> o.writeInt(count)), m -> write(out, o -> {
                    o.writeLong(m.id());
                    o.writeLong(m.canonicalId());
                    o.writeLong(m.publishedMillis());
                    o.writeByte((m.clean() ? 1 : 0) | (m.empty() ? 2 : 0));
                    o.write(m.lowBits());
                    maxId.accumulateAndGet(m.id(), Math::max);
                }));
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            out.writeLong(maxId.get());
            out.flush();
            new DataOutputStream(raw).writeLong(crc.getValue());
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private interface Output {
        void to(DataOutputStream out) throws IOException;
    }

    private static void write(DataOutputStream out, Output output) {
        try {
            output.to(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Adds the members saved in {@code file} to {@code index} (empty, of the same configuration).
     *
     * @throws IOException when the file cannot be read, is not a snapshot, was made with another configuration, is
     *                     damaged (the checksum disagrees), or sampled members' fingerprints in {@code index}'s lookup
     *                     (the store) differ from the saved ones; {@code index} may then hold part of it: discard it
     */
    public static Loaded read(Path file, DedupConfig config, DedupIndex index) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < MAGIC.length + 8) {
                throw new IOException(file + " is not a saved de-duplication index");
            }
            // Checked before anything is parsed, so that a damaged file never half fills the index (a second read,
            // from the page cache: 145 MB at 1M articles).
            verifyChecksum(file, channel, size);
            channel.position(0);
            // Bulk reads of whole records: a DataInputStream over a CheckedInputStream took 4.7 s for 1M members.
            DataInputStream in = new DataInputStream(new BufferedInputStream(java.nio.channels.Channels
                    .newInputStream(channel), 1 << 20));
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + " is not a saved de-duplication index");
            }
            String saved = in.readUTF();
            if (!saved.equals(config.toString())) {
                throw new IOException(file + " was saved with another de-duplication configuration");
            }
            int count = in.readInt();
            int hashes = config.numHashes();
            byte[] record = new byte[25 + hashes];
            // The checksum only says the file is as written; a file written to mislead must still fit its count.
            long header = MAGIC.length + 2L + saved.getBytes(StandardCharsets.UTF_8).length + 4;
            if (count < 0 || header + (long) count * record.length + 16 != size) {
                throw new IOException(file + " is damaged (its member count does not fit its size)");
            }
            java.nio.ByteBuffer fields = java.nio.ByteBuffer.wrap(record);
            long highest = -1;
            for (int i = 0; i < count; i++) {
                in.readFully(record);
                fields.clear();
                long id = fields.getLong();
                long canonicalId = fields.getLong();
                long published = fields.getLong();
                int flags = fields.get();
                highest = Math.max(highest, id);
                try {
                    index.restore(new DedupIndex.Member(id, canonicalId, (flags & 1) != 0, published,
                            (flags & 2) != 0, java.util.Arrays.copyOfRange(record, 25, 25 + hashes)));
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + " is damaged (" + e.getMessage() + ")", e);
                }
            }
            long maxId = in.readLong();
            if (maxId != highest) {
                // The start adds what is above maxId from the store: a wrong one would skip or repeat articles.
                throw new IOException(file + " is damaged (its highest id is not its members' highest)");
            }
            if (!index.agreesWithLookup(SAMPLES)) {
                throw new IOException(file + " does not describe this store (its articles' fingerprints differ)");
            }
            return new Loaded(maxId, count);
        } catch (EOFException e) {
            throw new IOException(file + " ends too early", e);
        }
    }

    /** The CRC-32 of all but the last 8 bytes against those 8 bytes, read in large blocks. */
    private static void verifyChecksum(Path file, FileChannel channel, long size) throws IOException {
        CRC32 crc = new CRC32();
        java.nio.ByteBuffer block = java.nio.ByteBuffer.allocate(1 << 20);
        long left = size - 8;
        channel.position(0);
        while (left > 0) {
            block.clear().limit((int) Math.min(block.capacity(), left));
            int n = channel.read(block);
            if (n < 0) {
                throw new IOException(file + " ends too early");
            }
            block.flip();
            crc.update(block);
            left -= n;
        }
        java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(8);
        while (tail.hasRemaining() && channel.read(tail) >= 0) {
            // the last 8 bytes
        }
        if (tail.flip().remaining() != 8 || tail.getLong() != crc.getValue()) {
            throw new IOException(file + " is damaged (checksum differs)");
        }
    }
}

package io.huixun.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.search.SearchIndexException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A full disk is recognised in the exception chains the store and the index really throw (shapes copied from an
 * ingest into a 3 MB tmpfs, see docs/handoffs/HANDOFF-scale.md) and named in one line; other failures are not.
 */
class DiskFullTest {
    @Test
    void theIndexCommitNamesTheIndexFolder() {
        var e = new SearchIndexException("cannot commit the search index in /data/index",
                new IOException("No space left on device"));
        assertThat(DiskFull.describe(e)).contains("no space left on device while writing the search index in"
                + " /data/index");
    }

    @Test
    void sqliteFullNamesTheStore() {
        var e = new IllegalStateException("cannot save the article", new SQLException(
                "[SQLITE_FULL] Insertion failed because database is full (database or disk is full)"));
        assertThat(DiskFull.describe(e)).contains("no space left on device while writing the store (huixun.db)");
    }

    @Test
    void aFileSystemExceptionNamesItsFile() {
        var e = new UncheckedIOException(new FileSystemException("/data/huixun.db-wal", null, "No space left on device"));
        assertThat(DiskFull.describe(e)).contains("no space left on device while writing /data/huixun.db-wal");
    }

    @Test
    void otherFailuresAreNotAFullDisk() {
        assertThat(DiskFull.describe(new SearchIndexException("cannot commit the search index in /data/index",
                new IOException("Input/output error")))).isEmpty();
        assertThat(DiskFull.describe(new SQLException("[SQLITE_BUSY] database is locked"))).isEmpty();
    }
}

package io.huixun.ingest;

import io.huixun.search.SearchIndexException;
import java.nio.file.FileSystemException;
import java.util.Optional;

/**
 * Recognises a full disk in an exception chain and says so in one line naming what was being written (issue 12: a
 * full disk printed an empty error line). Example: an {@code IOException("No space left on device")} under
 * {@code SearchIndexException("cannot commit the search index in /data/index")} → "no space left on device while
 * writing the search index in /data/index"; SQLite's {@code [SQLITE_FULL] … (database or disk is full)} → "no space
 * left on device while writing the store (huixun.db)".
 *
 * <p>Stateless.
 */
public final class DiskFull {
    private DiskFull() {}

    /** The one-line description when {@code e} (or a cause) reports a full disk; empty otherwise. */
    public static Optional<String> describe(Throwable e) {
        boolean full = false;
        String file = null;
        String component = null;
        int hops = 0;
        for (Throwable t = e; t != null && hops < 32; t = t.getCause(), hops++) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("No space left on device") || m.contains("SQLITE_FULL")
                    || m.contains("database or disk is full")) {
                full = true;
            }
            if (file == null && t instanceof FileSystemException fse && fse.getFile() != null) {
                file = fse.getFile();
            }
            if (component == null && t instanceof SearchIndexException) {
                int in = m.indexOf(" in ");
                component = in >= 0 ? "the search index" + m.substring(in) : "the search index";
            }
            if (component == null && (t instanceof java.sql.SQLException || m.contains("SQLITE_"))) {
                component = "the store (huixun.db)";
            }
        }
        if (!full) {
            return Optional.empty();
        }
        String what = file != null ? file : component != null ? component : "the data folder";
        return Optional.of("no space left on device while writing " + what);
    }
}

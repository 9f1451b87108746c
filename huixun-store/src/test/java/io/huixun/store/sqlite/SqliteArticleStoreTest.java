package io.huixun.store.sqlite;

import static io.huixun.store.jdbc.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the SQLite back-end promises: one file in WAL mode, migrated by Flyway; behaviour is in ArticleStoreTest. */
class SqliteArticleStoreTest {
    @TempDir
    Path dir;

    @Test
    void theFileIsInWalModeWithEveryMigrationAppliedAndOutlivesTheStore() throws Exception {
        Path db = dir.resolve("huixun.db");
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            store.save(article(1));
            assertThat(store.file()).isEqualTo(db);
        }
        assertThat(Files.exists(db)).isTrue();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank")) {
            for (String version : new String[] {"1", "2", "3"}) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(version);
                assertThat(rs.getBoolean(2)).isTrue();
            }
        }
    }
}

package io.huixun.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's plans for the listing pages on the migrated schema: each walks an index in page order and stops, never
 * sorting the store. Issue 12: with the index on duplicate_of holding the canonical articles too, the planner took
 * {@code duplicate_of IS NULL} for a look-up on it and sorted every canonical article (2.5 s a page at 1M).
 */
class ListingPlanTest {
    @TempDir
    Path dir;

    private static List<String> plan(Connection c, String sql) throws SQLException {
        List<String> steps = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("EXPLAIN QUERY PLAN " + sql)) {
            while (rs.next()) {
                steps.add(rs.getString("detail"));
            }
        }
        return steps;
    }

    @Test
    void listingPagesFollowAnIndexInPageOrder() throws SQLException {
        Path file = dir.resolve("plan.db");
        SqliteArticleStore.open(file, SqliteOptions.DEFAULT).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            String newest = "SELECT a.id, a.title FROM articles a WHERE a.duplicate_of IS NULL";
            String order = " ORDER BY a.sort_at DESC, a.id DESC LIMIT 30";
            assertThat(plan(c, newest + order)).containsExactly("SCAN a USING INDEX articles_recent_canonical");
            assertThat(plan(c, newest + " AND a.source = '新华网'" + order))
                    .containsExactly("SEARCH a USING INDEX articles_source_recent (source=?)");
            // A deep page starts at its cursor, as a range (the row value), not by walking down from the newest.
            assertThat(plan(c, newest + " AND (a.sort_at, a.id) < ((SELECT sort_at FROM articles WHERE id = 41), 41)"
                    + order)).first().isEqualTo("SEARCH a USING INDEX articles_recent_canonical (sort_at<?)");
            // The ids of a page's copies still come from the index on duplicate_of (kept for copies only).
            assertThat(plan(c, "SELECT duplicate_of, COUNT(*) FROM articles WHERE duplicate_of IN (3, 5)"
                    + " GROUP BY duplicate_of")).singleElement().asString().contains("articles_duplicate_of");
            assertThat(String.join("\n", plan(c, "SELECT id FROM articles WHERE duplicate_of = 5 OR id = 5")))
                    .contains("articles_duplicate_of").doesNotContain("SCAN articles");
        }
    }

    @Test
    void theLateStoriesReadAtStartUpAreAnIndexWalkThatStopsAtTheCap() throws SQLException {
        Path file = dir.resolve("plan.db");
        SqliteArticleStore.open(file, SqliteOptions.DEFAULT).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            // An archive's late stories share one late_until: a sort of the tie-break would read every one of them.
            assertThat(plan(c, "SELECT id, state, late_until FROM stories WHERE late_until IS NOT NULL"
                    + " AND late_until >= (SELECT MAX(last_at) FROM stories) AND state IS NOT NULL"
                    + " AND merged_into IS NULL ORDER BY late_until DESC, id DESC LIMIT 10000"))
                    .contains("SEARCH stories USING INDEX stories_late (late_until>?)")
                    .noneMatch(step -> step.contains("TEMP B-TREE"));
        }
    }
}

package io.huixun.store.sqlite;

import io.huixun.store.NewArticle;
import io.huixun.store.SaveResult;
import io.huixun.store.jdbc.TestArticles;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process of {@link CrashSafetyTest}: inserts articles {@code 0..count-1} in batches of {@link #BATCH}, and
 * after each batch is acknowledged (saveAll returned) prints {@code ack <n> <id>} for each article inserted.
 * Runs until killed or done.
 */
public final class CrashInserter {
    static final int BATCH = 10;

    private CrashInserter() {
    }

    static NewArticle article(int n) {
        // about 3 KB of text each, so that the kill lands inside real write work
        String body = ("第" + n + "条：" + "新闻联播报道，各地推进经济社会发展。").repeat(60);
        return TestArticles.article("https://crash.example.cn/" + n, "崩溃测试" + n, body,
                ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, TestArticles.SHANGHAI).plusSeconds(n));
    }

    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            for (int start = 0; start < count; start += BATCH) {
                List<NewArticle> batch = new ArrayList<>();
                for (int n = start; n < Math.min(count, start + BATCH); n++) {
                    batch.add(article(n));
                }
                List<SaveResult> results = store.saveAll(batch);
                StringBuilder acks = new StringBuilder();
                for (int i = 0; i < results.size(); i++) {
                    if (results.get(i) instanceof SaveResult.Inserted inserted) {
                        acks.append("ack ").append(start + i).append(' ').append(inserted.article().id()).append('\n');
                    }
                }
                System.out.print(acks);
                System.out.flush();
            }
        }
        System.out.println("done");
    }
}

package io.huixun.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM indexes and commits in a loop and says so on stdout; we kill it with SIGKILL at an arbitrary point,
 * then the index must open, pass CheckIndex, and hold exactly the documents of a commit the child started.
 */
class CrashSafetyTest {
    static final int BATCH = 40;

    /** The child: {@code java … CrashSafetyTest$Child DIR}. Prints "committing N" and "committed N". */
    public static final class Child {
        public static void main(String[] args) {
            try (LuceneSearchIndex index = LuceneSearchIndex.open(Path.of(args[0]))) {
                long n = index.count();
                for (int round = 0; ; round++) {
                    for (int i = 0; i < BATCH; i++, n++) {
                        index.put(Fixtures.doc("d" + n, "第" + n + "篇新闻", "国务院常务会议第" + n + "次研究部署经济工作。".repeat(20),
                                "新华社", "2024-01-01"));
                    }
                    System.out.println("committing " + n);
                    System.out.flush();
                    index.commit();
                    System.out.println("committed " + n);
                    System.out.flush();
                }
            }
        }
    }

    @Test
    void killedWriterLeavesTheIndexAtACommit(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Child.class.getName(), dir.toString());
        for (int trial = 0; trial < 2; trial++) {
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<Long> committed = new ArrayList<>();
            long lastStarted = -1;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                // Kill at a point that varies: after 3 commits in the first trial, mid-way in the 5th in the second.
                int killAfter = trial == 0 ? 3 : 5;
                for (String line; (line = out.readLine()) != null && System.nanoTime() < deadline; ) {
                    if (line.startsWith("committing ")) {
                        lastStarted = Long.parseLong(line.substring(11));
                    } else if (line.startsWith("committed ")) {
                        committed.add(Long.parseLong(line.substring(10)));
                    } else {
                        System.err.println("child: " + line);
                    }
                    if (committed.size() >= killAfter && (trial == 0 || line.startsWith("committing "))) {
                        break;
                    }
                }
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(committed).as("child made commits before it was killed").isNotEmpty();
            try (Directory d = FSDirectory.open(dir); CheckIndex check = new CheckIndex(d)) {
                CheckIndex.Status status = check.checkIndex();
                assertThat(status.clean).as("CheckIndex clean after kill -9").isTrue();
            }
            try (LuceneSearchIndex reopened = LuceneSearchIndex.open(dir)) {
                long count = reopened.count();
                long last = committed.get(committed.size() - 1);
                assertThat(count).as("documents after kill, commits seen %s, last started %d", committed, lastStarted)
                        .isIn(last, lastStarted);
                assertThat(reopened.ids()).hasSize((int) count);
            }
        }
    }
}

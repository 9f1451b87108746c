package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.app.Installation;
import io.huixun.app.TestInstallations;
import io.huixun.app.web.view.FrontPageView;
import io.huixun.app.web.view.TopStory;
import io.huixun.ingest.IngestProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's situation: newer single reports are ingested first, then several sources' reports of older events (an
 * archive after live news). The older reports still form stories, and the top of the front page shows the stories
 * several sources carried before single reports.
 */
class QuietFrontPageTest {
    @TempDir
    Path dir;

    @Test
    void olderEventsReportedBySeveralSourcesFormStoriesAndLeadAQuietFrontPage() throws Exception {
        Path newer = Files.createDirectories(dir.resolve("newer"));
        Path older = Files.createDirectories(dir.resolve("older"));
        TestInstallations.sample(newer, "fuyao-news.jsonl", 30); // 2025-12 to 2026-04
        TestInstallations.sample(older, "seed-event-reports.jsonl", 0); // 2025-04, four sources of one event
        try (Installation inst = Installation.open(dir.resolve("data"))) {
            inst.pipeline().ingest(newer.toString(), IngestProgress.NONE);
            inst.pipeline().ingest(older.toString(), IngestProgress.NONE);
            FrontPageView front = new LocalNewsDesk(inst).front(Optional.empty(), Optional.empty());
            assertThat(front.top()).isNotEmpty();
            TopStory lead = front.top().get(0);
            assertThat(lead.clustered()).isTrue();
            assertThat(lead.otherSources()).isGreaterThanOrEqualTo(2);
            // no single report above a story with several reports
            boolean seenSingle = false;
            for (TopStory t : front.top()) {
                if (!t.clustered()) {
                    seenSingle = true;
                } else {
                    assertThat(seenSingle).as("a clustered story after a single report: " + t.title()).isFalse();
                }
            }
        }
    }
}

package io.huixun.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.app.Installation;
import io.huixun.app.TestInstallations;
import io.huixun.ingest.IngestProgress;
import io.huixun.store.StoredArticle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clusterer's clock (the newest publication time seen) must not be fooled by how articles arrive: reports of an old
 * event each ingested in a run of its own (as {@code huixun ingest FILE} once per file does), an undated page among
 * them, a page dated far in the future; each time they must form the same stories as the reports alone in one run.
 * Real SQLite files and Lucene indexes, each run a new {@link Installation}.
 */
class StoryClockTest {
    @TempDir
    Path dir;

    @Test
    void reportsOfAnOldEventIngestedInSeparateRunsFormTheSameStoriesAsInOneRun() throws Exception {
        Path news = TestInstallations.sample(Files.createDirectories(dir.resolve("news")), "fuyao-news.jsonl", 30);
        Path reports = TestInstallations.sample(Files.createDirectories(dir.resolve("all")),
                "seed-event-reports.jsonl", 0);
        List<String> lines = Files.readAllLines(reports, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();

        Path oneRun = dir.resolve("one-run");
        try (Installation inst = Installation.open(oneRun)) {
            inst.pipeline().ingest(news.toString(), IngestProgress.NONE);
            inst.pipeline().ingest(reports.toString(), IngestProgress.NONE);
        }
        Path separate = dir.resolve("separate");
        try (Installation inst = Installation.open(separate)) {
            inst.pipeline().ingest(news.toString(), IngestProgress.NONE);
        }
        for (int i = 0; i < lines.size(); i++) {
            Path one = dir.resolve("report-" + i + ".jsonl");
            Files.writeString(one, lines.get(i) + "\n", StandardCharsets.UTF_8);
            try (Installation inst = Installation.open(separate)) { // a new process each time: nothing in memory
                inst.pipeline().ingest(one.toString(), IngestProgress.NONE);
            }
        }

        Set<Set<String>> expected = storiesOfTitles(oneRun, lines.size());
        assertThat(expected).as("the reports form stories of several reports in one run")
                .anyMatch(story -> story.size() >= 3);
        assertThat(storiesOfTitles(separate, lines.size())).isEqualTo(expected);
    }

    @Test
    void aRestartAfterALaterDatedCopyContinuesWithTheSameClock() throws Exception {
        Path reports = TestInstallations.sample(Files.createDirectories(dir.resolve("all")),
                "seed-event-reports.jsonl", 0);
        List<String> lines = Files.readAllLines(reports, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        // a content farm's copy of the first report, published 20 days after it: it folds under the report, and its
        // date is the newest the store holds
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var copy = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(lines.get(0));
        copy.put("id", "farm-copy-1").put("source", "某内容农场").put("url", "https://farm.example.cn/1.html")
                .put("date", java.time.OffsetDateTime.parse(copy.get("date").asText()).plusDays(20).toString());
        // first run: two reports of the meeting, the forum's opening, the copy; then the rest (the forum's second
        // report among them), after a restart that must not take the copy's date for the clock
        List<String> first = new java.util.ArrayList<>(List.of(lines.get(0), lines.get(1), lines.get(3)));
        first.add(json.writeValueAsString(copy));
        List<String> rest = new java.util.ArrayList<>(lines);
        rest.removeAll(first);
        Path firstFile = dir.resolve("first.jsonl");
        Path restFile = dir.resolve("rest.jsonl");
        Files.write(firstFile, first, StandardCharsets.UTF_8);
        Files.write(restFile, rest, StandardCharsets.UTF_8);

        Path oneRun = dir.resolve("one-run");
        try (Installation inst = Installation.open(oneRun)) {
            inst.pipeline().ingest(firstFile.toString(), IngestProgress.NONE);
            inst.pipeline().ingest(restFile.toString(), IngestProgress.NONE);
            assertThat(inst.store().exportAll().filter(a -> a.duplicateOf().isPresent()).count())
                    .as("the copy folds under its report").isEqualTo(1);
        }
        Path restarted = dir.resolve("restarted");
        try (Installation inst = Installation.open(restarted)) {
            inst.pipeline().ingest(firstFile.toString(), IngestProgress.NONE);
        }
        try (Installation inst = Installation.open(restarted)) {
            inst.pipeline().ingest(restFile.toString(), IngestProgress.NONE);
        }
        Set<Set<String>> expected = storiesOfTitles(oneRun, lines.size() + 1);
        assertThat(expected).as("the copy is no new news: the event's third report still joins its story")
                .anyMatch(story -> story.size() >= 3);
        assertThat(storiesOfTitles(restarted, lines.size() + 1)).isEqualTo(expected);
    }

    @Test
    void anUndatedPageAmongTheReportsDoesNotSplitTheirStories() throws Exception {
        strayPageAmongTheReportsDoesNotSplitTheirStories("");
    }

    @Test
    void aPageDatedFarInTheFutureAmongTheReportsIsStoredUndatedAndDoesNotSplitThem() throws Exception {
        strayPageAmongTheReportsDoesNotSplitTheirStories("\"date\": \"2099-01-01T00:00:00+08:00\", ");
    }

    private void strayPageAmongTheReportsDoesNotSplitTheirStories(String dateField) throws Exception {
        Path reports = TestInstallations.sample(Files.createDirectories(dir.resolve("all")),
                "seed-event-reports.jsonl", 0);
        List<String> lines = Files.readAllLines(reports, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        Path withUndated = dir.resolve("with-undated.jsonl");
        List<String> mixed = new java.util.ArrayList<>(lines);
        // a page whose date nobody could read, in the middle of the reports (it is stored at its ingestion time)
        mixed.add(lines.size() / 2, "{" + dateField + "\"id\": \"stray-1\", \"source\": \"某地方网站\", \"url\":"
                + " \"https://local.example.cn/a.html\", \"title\": \"长江流域生态保护修复取得新进展\", \"body\":"
                + " \"记者从水利部获悉，长江流域生态保护修复工作持续推进，多地开展河湖治理。专家表示，长江大保护需要上下游协同发力。\"}");
        Files.write(withUndated, mixed, StandardCharsets.UTF_8);

        Path plain = dir.resolve("plain");
        try (Installation inst = Installation.open(plain)) {
            inst.pipeline().ingest(reports.toString(), IngestProgress.NONE);
        }
        Path mixedRun = dir.resolve("mixed");
        try (Installation inst = Installation.open(mixedRun)) {
            inst.pipeline().ingest(withUndated.toString(), IngestProgress.NONE);
            StoredArticle undated = inst.store().exportAll().filter(a -> a.title().startsWith("长江流域"))
                    .findFirst().orElseThrow();
            assertThat(undated.published()).as("stored undated").isEmpty();
        }
        Set<Set<String>> expected = storiesOfTitles(plain, lines.size());
        assertThat(expected).anyMatch(story -> story.size() >= 3);
        Set<Set<String>> got = storiesOfTitles(mixedRun, lines.size() + 1).stream()
                .map(story -> story.stream().filter(t -> !t.startsWith("长江流域")).collect(Collectors.toSet()))
                .filter(story -> !story.isEmpty()).collect(Collectors.toSet());
        assertThat(got).isEqualTo(expected);
    }

    /** The stories of the newest {@code n} articles (the reports), each as the set of its reports' titles. */
    private static Set<Set<String>> storiesOfTitles(Path data, int n) {
        try (Installation inst = Installation.open(data)) {
            List<StoredArticle> all = inst.store().exportAll().toList();
            Map<String, Set<String>> byStory = new TreeMap<>();
            for (StoredArticle a : all.subList(all.size() - n, all.size())) {
                String story = inst.store().understanding(a.id()).orElseThrow().storyId().orElseThrow();
                String survivor = inst.store().story(story).orElseThrow().id();
                byStory.computeIfAbsent(survivor, k -> new TreeSet<>()).add(a.title());
            }
            return byStory.values().stream().collect(Collectors.toSet());
        }
    }
}

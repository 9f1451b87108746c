package io.huixun.bench.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huixun.bench.common.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The CCTV 新闻联播 pool ({@code shared/data/cctv-xwlb/articles.jsonl}) with each record's raw line. */
public final class CctvCorpus {
    /** One JSONL record; {@code line} is the raw JSON line as read (the "original" to store). */
    public record Record(String id, String date, String source, String title, String body, Optional<String> url,
                         String line) {
    }

    private CctvCorpus() {
    }

    /** The records, in file order, at most {@code limit}; prints "skipped" and exits 0 when the file is absent. */
    public static List<Record> load(int limit) throws IOException {
        Path file = SharedData.require("data/cctv-xwlb/articles.jsonl");
        ObjectMapper json = new ObjectMapper();
        List<Record> records = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null && records.size() < limit; ) {
                JsonNode a = json.readTree(line);
                String url = a.path("url").asText("");
                records.add(new Record(a.path("id").asText(), a.path("date").asText(), a.path("source").asText(),
                        a.path("title").asText(), a.path("body").asText(),
                        url.isEmpty() ? Optional.empty() : Optional.of(url), line));
            }
        }
        return records;
    }
}

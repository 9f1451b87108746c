package io.huixun.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huixun.app.Installation;
import io.huixun.store.StoredArticle;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code huixun export [--jsonl]}: every stored article, one JSON object per line. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export every stored article as JSON Lines:",
                "id, url, title, body, published, source, teaser, duplicate_of (canonical, repaired text)."})
final class ExportCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Option(names = "--jsonl", description = "JSON Lines (the default and only format for now).")
    boolean jsonl = true;

    @Override
    public Integer call() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Writer out = CliStreams.stdout();
        try (Installation installation = data.openExisting(Installation.Mode.STORE);
             Stream<StoredArticle> all = installation.store().exportAll()) {
            for (StoredArticle a : (Iterable<StoredArticle>) all::iterator) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", a.id());
                m.put("url", a.url().orElse(null));
                m.put("title", a.title());
                m.put("body", a.canonicalText());
                m.put("published", a.published().map(p -> p.toOffsetDateTime().toString()).orElse(null));
                m.put("source", a.source());
                m.put("teaser", a.teaser());
                m.put("duplicate_of", a.duplicateOf().isPresent() ? a.duplicateOf().getAsLong() : null);
                out.write(json.writeValueAsString(m));
                out.write('\n');
            }
        }
        out.flush();
        return HuixunCommand.OK;
    }
}

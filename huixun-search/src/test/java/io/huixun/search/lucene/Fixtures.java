package io.huixun.search.lucene;

import io.huixun.search.SearchDocument;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Test documents: small hand-made ones and the Fuyao News sample (Apache-2.0, see NOTICE). */
public final class Fixtures {
    static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

    private Fixtures() {}

    public static SearchDocument doc(String id, String title, String body, String source, String day) {
        return SearchDocument.of(id, "https://example.org/" + id, title, body, source,
                OffsetDateTime.of(LocalDate.parse(day).atTime(10, 0), SHANGHAI));
    }

    /** The 12 Fuyao News articles in src/test/resources/fuyao-sample.tsv. */
    public static List<SearchDocument> fuyao() {
        List<SearchDocument> docs = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                Fixtures.class.getResourceAsStream("/fuyao-sample.tsv")), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                docs.add(SearchDocument.of(f[0], f[3], unescape(f[4]), unescape(f[5]), f[2],
                        OffsetDateTime.of(LocalDate.parse(f[1]).atTime(9, 0), SHANGHAI)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

package io.huixun.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.search.QueryNode.All;
import io.huixun.search.QueryNode.Any;
import io.huixun.search.QueryNode.DateBound;
import io.huixun.search.QueryNode.FieldMatch;
import io.huixun.search.QueryNode.MatchAll;
import io.huixun.search.QueryNode.Not;
import io.huixun.search.QueryNode.Text;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QueryParserTest {

    static ParsedQuery ok(String q) {
        ParseResult r = QueryParser.parse(q);
        assertThat(r).as("parse of %s", q).isInstanceOf(ParsedQuery.class);
        return (ParsedQuery) r;
    }

    static QueryProblem problem(String q) {
        ParseResult r = QueryParser.parse(q);
        assertThat(r).as("parse of %s", q).isInstanceOf(QueryProblem.class);
        return (QueryProblem) r;
    }

    @Test
    void wordsPhrasesAndFilters() {
        assertThat(ok("王毅 -美国 source:新华社 after:2024-05").root()).isEqualTo(new All(List.of(
                new Text("王毅", false), new Not(new Text("美国", false)), new FieldMatch(QueryField.SOURCE, "新华社"),
                new DateBound(LocalDate.of(2024, 5, 1), true))));
        assertThat(ok("\"一带一路\"").root()).isEqualTo(new Text("一带一路", true));
        assertThat(ok("“一带一路”").root()).isEqualTo(new Text("一带一路", true));
        assertThat(ok("「一帶一路」").root()).isEqualTo(new Text("一帶一路", true));
        assertThat(ok("source:\"中国 新闻网\"").root()).isEqualTo(new FieldMatch(QueryField.SOURCE, "中国 新闻网"));
        assertThat(ok("PERSON:王毅 place:北京 org:外交部 story:s1 keyword:碳中和").root()).isEqualTo(new All(List.of(
                new FieldMatch(QueryField.PERSON, "王毅"), new FieldMatch(QueryField.PLACE, "北京"),
                new FieldMatch(QueryField.ORGANISATION, "外交部"), new FieldMatch(QueryField.STORY, "s1"),
                new FieldMatch(QueryField.KEYWORD, "碳中和"))));
    }

    @Test
    void booleanOperatorsAndBrackets() {
        assertThat(ok("a OR b c").root()).isEqualTo(new Any(List.of(new Text("a", false),
                new All(List.of(new Text("b", false), new Text("c", false))))));
        assertThat(ok("(a | b) AND NOT c").root()).isEqualTo(new All(List.of(
                new Any(List.of(new Text("a", false), new Text("b", false))), new Not(new Text("c", false)))));
        assertThat(ok("（王毅　OR　李强）").root()).isEqualTo(new Any(List.of(new Text("王毅", false),
                new Text("李强", false))));
        assertThat(ok("--a").root()).isEqualTo(new Text("--a", false));
        assertThat(ok("NOT NOT a").root()).isEqualTo(new Text("a", false));
        assertThat(ok("COVID-19").root()).isEqualTo(new Text("COVID-19", false));
    }

    @Test
    void datesInSeveralSpellings() {
        assertThat(ok("before:2024/5/1").root()).isEqualTo(new DateBound(LocalDate.of(2024, 5, 1), false));
        assertThat(ok("after:20240501").root()).isEqualTo(new DateBound(LocalDate.of(2024, 5, 1), true));
        assertThat(ok("after:2024年5月1日").root()).isEqualTo(new DateBound(LocalDate.of(2024, 5, 1), true));
        assertThat(ok("after:2024").root()).isEqualTo(new DateBound(LocalDate.of(2024, 1, 1), true));
        assertThat(problem("after:2024-02-30").message()).contains("not a real date");
        assertThat(problem("before:yesterday").message()).contains("expects a date");
    }

    @Test
    void slipsAreRepairedAndNoted() {
        ParsedQuery q = ok("\"一带一路 倡议");
        assertThat(q.root()).isEqualTo(new Text("一带一路 倡议", true));
        assertThat(q.notes()).anyMatch(n -> n.contains("unbalanced quote"));
        assertThat(ok("(a b").notes()).anyMatch(n -> n.contains("missing ')'"));
        assertThat(ok("a b)").notes()).anyMatch(n -> n.contains("unmatched ')'"));
        assertThat(ok("a OR").notes()).anyMatch(n -> n.contains("nothing after"));
        assertThat(ok("OR a").root()).isEqualTo(new Text("a", false));
        assertThat(ok("a -").root()).isEqualTo(new Text("a", false));
        ParsedQuery star = ok("一带 *");
        assertThat(star.root()).isEqualTo(new Text("一带", false));
        assertThat(star.notes()).anyMatch(n -> n.contains("wildcards"));
        assertThat(ok("比分3:2").root()).isEqualTo(new Text("比分3:2", false));
        assertThat(ok("http://example.org").root()).isEqualTo(new Text("http://example.org", false));
        assertThat(ok("").root()).isEqualTo(new MatchAll());
        assertThat(ok("   ").root()).isEqualTo(new MatchAll());
    }

    @Test
    void refusalsHaveClearMessages() {
        assertThat(problem("x".repeat(10_000)).message()).isEqualTo("query is 10000 characters long; the limit is 1000");
        assertThat(problem("sourse:新华社").message()).startsWith("unknown field 'sourse:'").contains("source, person");
        assertThat(problem("source:").message()).contains("needs a value");
        assertThat(problem("* ? /.*/").message()).startsWith("nothing searchable");
        assertThat(problem("(".repeat(40) + "a").message()).contains("deep");
        assertThat(problem("a ".repeat(70)).message()).contains("more than 64");
        assertThat(problem(null).message()).isEqualTo("no query given");
    }

    @Test
    void neverThrowsOnRandomInput() {
        Random random = new Random(7);
        String alphabet = "\"()-:*?~^/\\|&! 　ＡaZ0和服source:after:before:ORANDNOT（）“”「」\uD83D\uDE00";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder q = new StringBuilder();
            int n = random.nextInt(60);
            for (int k = 0; k < n; k++) {
                q.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(QueryParser.parse(q.toString())).isNotNull();
        }
    }
}

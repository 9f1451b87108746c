package io.huixun.bench.nlp;

import io.huixun.bench.common.SharedData;
import io.huixun.nlp.ArticleAnalyzer;
import io.huixun.nlp.Understanding;
import java.time.LocalDate;
import java.util.List;

/**
 * Prints what {@link ArticleAnalyzer} makes of a sample of CCTV articles (for eyeballing), and its speed over
 * the first N articles: {@code ./bench understand [N]}.
 */
public final class UnderstandingSample {
    private UnderstandingSample() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        List<String> bodies = SharedData.cctvBodies(n);
        ArticleAnalyzer analyzer = new ArticleAnalyzer();
        LocalDate reference = LocalDate.of(2025, 6, 1);
        for (int i = 0; i < Math.min(5, bodies.size()); i++) {
            Understanding u = analyzer.analyze("", bodies.get(i * 97 % bodies.size()), reference);
            System.out.println(u.category() + " " + u.keywords() + "\n  " + u.entities() + "\n  " + u.dateline()
                    .map(d -> d.text()).orElse("-") + "\n  " + u.summary());
        }
        long chars = 0;
        long start = System.nanoTime();
        for (String body : bodies) {
            analyzer.analyze("", body, reference);
            chars += body.length();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("analysed %d articles, %,d chars in %.1f s: %.0f articles/s, %,.0f chars/s%n",
                bodies.size(), chars, seconds, bodies.size() / seconds, chars / seconds);
    }
}

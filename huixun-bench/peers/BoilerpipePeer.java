// Peer for the extraction evaluation: runs boilerpipe's ArticleExtractor over UTF-8 HTML files.
// Launched by the runner in its own JVM as a single-file source program (no build dependency on boilerpipe):
//   java -cp /usr/share/java/boilerpipe.jar:/usr/share/java/nekohtml.jar:/usr/share/java/xercesImpl.jar \
//        huixun-bench/peers/BoilerpipePeer.java LIST
// LIST holds one path per line; prints one JSON line per file: {"file", "text", "ms", "error"}.
// boilerpipe comes from Debian: apt-get install -y libboilerpipe-java.
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

public class BoilerpipePeer {
    public static void main(String[] args) throws Exception {
        var out = new java.io.PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (String file : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (file.isBlank()) {
                continue;
            }
            long t0 = System.nanoTime();
            String text = "";
            String error = null;
            try {
                String html = Files.readString(Path.of(file.split("\t")[0]), StandardCharsets.UTF_8);
                text = de.l3s.boilerpipe.extractors.ArticleExtractor.INSTANCE.getText(html);
            } catch (Exception | StackOverflowError e) {
                error = String.valueOf(e);
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            out.println("{\"file\":" + q(file.split("\t")[0]) + ",\"text\":" + q(text == null ? "" : text)
                    + ",\"ms\":" + ms + ",\"error\":" + (error == null ? "null" : q(error)) + "}");
        }
    }

    private static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}

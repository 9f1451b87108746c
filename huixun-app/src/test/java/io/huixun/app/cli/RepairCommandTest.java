package io.huixun.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code huixun repair} run in-process on real files; stdout and stderr captured. */
class RepairCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = io.huixun.app.cli.HuixunCommand.run(args);
            System.out.flush();
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void repairsLineByLineAndKeepsTheLineCount() throws Exception {
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "當(dāng)?shù)貢r間2025年4月26日,中國\n\nplain English, unchanged.\n最后一行没有换行", StandardCharsets.UTF_8);
        Run r = run("repair", in.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("当地时间2025年4月26日，中国\n\nplain English, unchanged.\n最后一行没有换行");
    }

    @Test
    void readsLegacyCharsetsAndWritesUtf8() throws Exception {
        Path gbk = dir.resolve("gbk.txt");
        Files.write(gbk, "中華人民共和國國務院總理李強今天在北京主持召開國務院常務會議。\n".getBytes(Charset.forName("GBK")));
        Path big5 = dir.resolve("big5.txt");
        Files.write(big5, "中華人民共和國國務院總理李強今天在北京主持召開國務院常務會議。\n".getBytes(Charset.forName("Big5")));
        Run r = run("repair", "--script", "keep", gbk.toString(), big5.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("中華人民共和國國務院總理李強今天在北京主持召開國務院常務會議。\n".repeat(2));
    }

    @Test
    void scriptOptionAndReport() throws Exception {
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "当(dāng)地时间\n", StandardCharsets.UTF_8);
        Path report = dir.resolve("edits.jsonl");
        Run r = run("repair", "--script", "traditional", "--report", report.toString(), in.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("當地時間\n");
        List<String> lines = Files.readAllLines(report);
        assertThat(lines).isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.path("kind").asText()).isEqualTo("pinyin_annotation");
        assertThat(first.path("line").asInt()).isEqualTo(1);
        assertThat(first.path("input_start").asInt()).isEqualTo(1);
        assertThat(first.path("input_end").asInt()).isEqualTo(7);
        assertThat(first.path("before").asText()).isEqualTo("(dāng)");
        assertThat(lines).allSatisfy(l -> assertThat(json.readTree(l).has("confidence")).isTrue());
    }

    @Test
    void binaryInputIsOneClearError() throws Exception {
        Path bin = dir.resolve("image.png");
        Files.write(bin, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        Run r = run("repair", bin.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines().toList()).containsExactly("huixun repair: " + bin + ": looks like a binary file (NUL byte), not text");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingFileAndUsageErrors() {
        Run missing = run("repair", dir.resolve("nope.txt").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().lines().toList()).hasSize(1).first().asString().contains("no such file");
        Run usage = run("repair", "--script", "klingon");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("--script must be simplified, traditional or keep");
    }

    @Test
    void emptyInputGivesEmptyOutput() throws Exception {
        Path empty = dir.resolve("empty.txt");
        Files.write(empty, new byte[0]);
        Run r = run("repair", empty.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void invalidBytesBecomeVisibleMarkersNotAnError() throws Exception {
        Path in = dir.resolve("bad.txt");
        byte[] good = "新闻联播今天播出了重要新闻，".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 2];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = (byte) 0xFF;
        bytes[good.length + 1] = '\n';
        Files.write(in, bytes);
        Run r = run("repair", "--script", "keep", in.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("新闻联播今天播出了重要新闻，").endsWith("\n");
        assertThat(r.out().lines().count()).isEqualTo(1);
    }

    @Test
    void aLineLongerThanTheWindowIsRepairedInPiecesAndStaysOneLine() throws Exception {
        String sentence = "當(dāng)地時間,中國外長舉行會晤。";
        int copies = 3 * RepairCommand.WINDOW / sentence.length();
        Path in = dir.resolve("long.txt");
        Files.writeString(in, sentence.repeat(copies) + "\nnext\n", StandardCharsets.UTF_8);
        Run r = run("repair", in.toString());
        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        // compared by length and first difference: a failure message with 200,000 characters helps no one
        String expected = "当地时间，中国外长举行会晤。".repeat(copies);
        assertThat(lines.get(0).length()).isEqualTo(expected.length());
        assertThat(firstDifference(lines.get(0), expected)).isEqualTo(-1);
        assertThat(lines.get(1)).isEqualTo("next");
    }

    @Test
    void utf8IsDetectedEvenWhenTheSampleEndsInsideACharacter() throws Exception {
        // 65,537 bytes: the detector's 64 KiB sample ends inside a three-byte character
        String text = "ab" + "中".repeat(21845) + "\n";
        Path in = dir.resolve("cut.txt");
        Files.writeString(in, text, StandardCharsets.UTF_8);
        Run r = run("repair", "--script", "keep", in.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(text);
    }

    private static int firstDifference(String a, String b) {
        for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return a.length() == b.length() ? -1 : Math.min(a.length(), b.length());
    }
}

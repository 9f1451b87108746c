package io.huixun.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {
    @TempDir
    Path dir;

    @Test
    void convertsStandardInputLineForLine() {
        CliRun run = CliRun.run("头发干燥\n\n软件\r\n最后".getBytes(StandardCharsets.UTF_8), "convert", "--config", "s2t");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("頭髮乾燥\n\n軟件\r\n最後");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void convertsFilesInOrderWithTaiwanPhrases() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "鼠标和软件\n");
        Path b = Files.writeString(dir.resolve("b.txt"), "信息\n");
        CliRun run = CliRun.run("convert", "-c", "s2twp.json", a.toString(), b.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("滑鼠和軟體\n資訊\n");
    }

    @Test
    void anEmptyFileGivesEmptyOutput() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        CliRun run = CliRun.run("convert", "--config", "t2s", empty.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdoutBytes()).isEmpty();
    }

    @Test
    void anUnknownConfigIsAUsageError() {
        CliRun run = CliRun.run("convert", "--config", "s2x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("unknown conversion config 's2x'").contains("s2twp");
    }

    @Test
    void aMissingConfigOptionIsAUsageError() {
        assertThat(CliRun.run("convert").exitCode()).isEqualTo(2);
    }

    @Test
    void aMissingFileIsBadInputNamedInOneLineAndTheOtherFilesStillConvert() throws IOException {
        Path good = Files.writeString(dir.resolve("good.txt"), "国家\n");
        CliRun run = CliRun.run("convert", "-c", "s2t", dir.resolve("nope.txt").toString(), good.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr().strip().lines()).hasSize(1);
        assertThat(run.stderr()).contains("nope.txt").contains("no such file").doesNotContain("Exception");
        assertThat(run.stdout()).isEqualTo("國家\n");
    }

    @Test
    void invalidUtf8IsReportedWithItsByteOffset() throws IOException {
        byte[] gbk = "前面是UTF-8吗？不是".getBytes(Charset.forName("GBK"));
        Path file = dir.resolve("gbk.txt");
        Files.write(file, gbk);
        CliRun run = CliRun.run("convert", "-c", "t2s", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("gbk.txt: invalid UTF-8 at byte 2") // 前 = C7 B0 happens to be valid UTF-8 (ǰ)
                .doesNotContain("Exception");
    }

    @Test
    void aBinaryFileIsRejected() throws IOException {
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        Path file = dir.resolve("blob.bin");
        Files.write(file, binary);
        CliRun run = CliRun.run("convert", "-c", "s2t", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("blob.bin");
    }

    @Test
    void nulBytesMarkBinaryInputEvenWhenValidUtf8() {
        CliRun run = CliRun.run("abc\0def".getBytes(StandardCharsets.UTF_8), "convert", "-c", "s2t");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("binary");
    }

    @Test
    void aDirectoryIsBadInput() {
        CliRun run = CliRun.run("convert", "-c", "s2t", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("is a directory");
    }

    @Test
    void helpExitsZero() {
        CliRun run = CliRun.run("convert", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("--config");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(CliRun.run().exitCode()).isEqualTo(2);
        assertThat(CliRun.run("no-such-command").exitCode()).isEqualTo(2);
    }
}

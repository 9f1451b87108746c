package io.huixun.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.huixun.text.charset.CharsetDetector;
import io.huixun.text.charset.DetectedCharset;
import io.huixun.text.repair.Edit;
import io.huixun.text.repair.RepairOptions;
import io.huixun.text.repair.RepairResult;
import io.huixun.text.repair.TextRepairer;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code huixun repair [--script simplified|traditional|keep] [--report FILE.jsonl] [FILE…]}: a line-preserving
 * filter from damaged text in any charset to canonical UTF-8.
 *
 * <p>The charset of each input is detected on its first 64 KiB ({@link CharsetDetector}); bytes that do not decode
 * become U+FFFD, which the repairer treats as a lost character. Lines are repaired one at a time; a line longer than
 * {@link #WINDOW} chars is repaired in windows cut after punctuation or a space where possible, so memory stays
 * bounded for a 1 GB line. Exactly one output line per input line: terminators are copied as they are.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Repair damaged Chinese web text: wrong-charset mojibake, GBK/Big5 byte misalignment, spam "
                + "pinyin, lost characters, half-width punctuation, mixed scripts.",
                "Reads the FILEs (standard input when none is given, or '-') in any charset and writes UTF-8 to "
                        + "standard output, one output line per input line."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:bad input (missing file, binary data)", "2:usage error"})
final class RepairCommand implements Callable<Integer> {
    /** Chars of one line repaired at a time. */
    static final int WINDOW = 1 << 16;
    private static final int SAMPLE = 1 << 16;

    @Option(names = "--script", paramLabel = "SCRIPT", defaultValue = "simplified",
            converter = ScriptConverter.class,
            description = "Script of the output: simplified (default), traditional, or keep.")
    RepairOptions.TargetScript script;

    @Option(names = "--report", paramLabel = "FILE.jsonl",
            description = "Write every edit as one JSON object per line: file, line (1-based), input_start, "
                    + "input_end, output_start, output_end (UTF-16 offsets within the line), kind, confidence, "
                    + "before, after.")
    Path report;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Input files; '-' or none for standard input.")
    List<String> files = List.of();

    @Override
    public Integer call() throws IOException {
        TextRepairer repairer = TextRepairer.create(new RepairOptions(script));
        Writer out = CliStreams.stdout();
        JsonGenerator json = null;
        Writer reportWriter = null;
        if (report != null) {
            try {
                reportWriter = new BufferedWriter(Files.newBufferedWriter(report, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UserInputException("cannot write the report '" + report + "': " + e.getMessage());
            }
            json = new JsonFactory().createGenerator(reportWriter);
            json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        }
        JsonGenerator edits = json;
        try {
            return CliStreams.eachInput("repair", CliStreams.orStandardInput(files), out, file -> {
                try (InputStream in = new BufferedInputStream(CliStreams.open(file), SAMPLE + 1)) {
                    repair(in, CliStreams.displayName(file), repairer, out, edits);
                }
            });
        } finally {
            out.flush();
            if (json != null) {
                json.close(); // JSON objects are separated by newlines; the last one ends the file without one
                reportWriter.close();
            }
        }
    }

    private static void repair(InputStream in, String name, TextRepairer repairer, Writer out, JsonGenerator json)
            throws IOException {
        // One byte more than the detector samples: it then knows the input goes on, and a character cut at the end
        // of the sample is not taken for invalid UTF-8.
        in.mark(SAMPLE + 1);
        byte[] sample = in.readNBytes(SAMPLE + 1);
        in.reset();
        for (byte b : sample) {
            if (b == 0) {
                throw new UserInputException(name + ": looks like a binary file (NUL byte), not text");
            }
        }
        DetectedCharset detected = CharsetDetector.detect(sample, sample.length);
        in.skipNBytes(detected.bomLength());
        Reader reader = new InputStreamReader(in, detected.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        char[] buf = new char[1 << 14];
        StringBuilder line = new StringBuilder();
        long[] lineNo = {1, 0, 0}; // line number; offsets of the current window in the input and output line
        boolean sawCr = false;
        for (int n; (n = reader.read(buf)) > 0; ) {
            for (int i = 0; i < n; i++) {
                char c = buf[i];
                if (sawCr) {
                    sawCr = false;
                    if (c == '\n') {
                        out.write('\n');
                        continue;
                    }
                }
                if (c == '\n' || c == '\r') {
                    flush(line, name, lineNo, repairer, out, json, true);
                    lineNo[0]++;
                    lineNo[1] = 0;
                    lineNo[2] = 0;
                    out.write(c);
                    sawCr = c == '\r';
                } else {
                    if (c == '\0') {
                        throw new UserInputException(name + ": looks like a binary file (NUL byte on line "
                                + lineNo[0] + "), not text");
                    }
                    line.append(c);
                    if (line.length() >= 2 * WINDOW) {
                        flush(line, name, lineNo, repairer, out, json, false);
                    }
                }
            }
        }
        flush(line, name, lineNo, repairer, out, json, true);
    }

    /** Repairs the line so far; unless {@code whole}, only up to a cut point, keeping the rest for later. */
    private static void flush(StringBuilder line, String name, long[] lineNo, TextRepairer repairer, Writer out,
            JsonGenerator json, boolean whole) throws IOException {
        if (line.isEmpty()) {
            return;
        }
        int cut = whole ? line.length() : cutPoint(line);
        String part = line.substring(0, cut);
        RepairResult result = repairer.repair(part);
        out.write(result.repaired());
        long outBase = lineNo[2];
        if (json != null) {
            for (Edit e : result.edits()) {
                json.writeStartObject();
                json.writeStringField("file", name);
                json.writeNumberField("line", lineNo[0]);
                json.writeNumberField("input_start", lineNo[1] + e.inputStart());
                json.writeNumberField("input_end", lineNo[1] + e.inputEnd());
                json.writeNumberField("output_start", outBase + e.outputStart());
                json.writeNumberField("output_end", outBase + e.outputEnd());
                json.writeStringField("kind", e.kind().name().toLowerCase(Locale.ROOT));
                json.writeNumberField("confidence", Math.round(e.confidence() * 1000) / 1000.0);
                json.writeStringField("before", e.before());
                json.writeStringField("after", e.after());
                json.writeEndObject();
            }
        }
        lineNo[1] += cut;
        lineNo[2] += result.repaired().length();
        line.delete(0, cut);
    }

    /** A cut after Chinese sentence punctuation or a space in the second half of the first window, else at it. */
    private static int cutPoint(StringBuilder line) {
        for (int i = WINDOW; i > WINDOW / 2; i--) {
            char c = line.charAt(i - 1);
            if (c == '。' || c == '！' || c == '？' || c == '；' || c == ' ' || c == '\t') {
                return i;
            }
        }
        return Character.isHighSurrogate(line.charAt(WINDOW - 1)) ? WINDOW + 1 : WINDOW;
    }

    static final class ScriptConverter implements picocli.CommandLine.ITypeConverter<RepairOptions.TargetScript> {
        @Override
        public RepairOptions.TargetScript convert(String value) {
            try {
                return RepairOptions.TargetScript.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "--script must be simplified, traditional or keep, not '" + value + "'");
            }
        }
    }
}

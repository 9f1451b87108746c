package io.huixun.app.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process with the given standard input and captures what it writes. Not thread-safe. */
record CliRun(int exitCode, byte[] stdoutBytes, String stderr) {

    static CliRun run(byte[] stdin, String... args) {
        return run(picocli.CommandLine.defaultFactory(), stdin, args);
    }

    /** With the commands made by {@code factory} (e.g. {@code sources add} with loopback fetch settings). */
    static CliRun run(picocli.CommandLine.IFactory factory, byte[] stdin, String... args) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = HuixunCommand.run(factory, args);
            System.out.flush();
            return new CliRun(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static CliRun run(String... args) {
        return run(new byte[0], args);
    }

    String stdout() {
        return new String(stdoutBytes, StandardCharsets.UTF_8);
    }
}

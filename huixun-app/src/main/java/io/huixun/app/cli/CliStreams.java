package io.huixun.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Opening the inputs and outputs of the filter commands, with clear messages for the usual mistakes. */
final class CliStreams {
    private CliStreams() {}

    /**
     * UTF-8 standard output, buffered; flushed by the caller. Written through {@link System#out} so that in-process
     * tests can capture it; the writer's own 64 KiB buffer keeps the PrintStream's cost negligible.
     */
    static Writer stdout() {
        return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Opens a file, or standard input for "-". */
    static InputStream open(String file) {
        if (file.equals("-")) {
            return System.in;
        }
        Path path = Path.of(file);
        if (Files.isDirectory(path)) {
            throw new UserInputException("cannot read '" + file + "': it is a directory");
        }
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new UserInputException("cannot read '" + file + "': no such file");
        } catch (AccessDeniedException e) {
            throw new UserInputException("cannot read '" + file + "': permission denied");
        } catch (IOException e) {
            throw new UserInputException("cannot read '" + file + "': " + e.getMessage());
        }
    }

    static String displayName(String file) {
        return file.equals("-") ? "<stdin>" : file;
    }

    /** The FILE arguments of a filter command: standard input ({@code -}) when none is given. */
    static List<String> orStandardInput(List<String> files) {
        return files.isEmpty() ? List.of("-") : files;
    }

    /** What a filter command does with one input; a {@link UserInputException} stops that input only. */
    @FunctionalInterface
    interface InputWork {
        void run(String input) throws IOException;
    }

    /**
     * Runs {@code work} on each input in order, the policy every filter command shares: a bad input (a
     * {@link UserInputException}) is reported as {@code huixun COMMAND: message} and the command goes on with the
     * others, ending with exit 1. Standard output is flushed before each report, so that it stays in order with
     * standard error, and at the end. For example {@code convert a.txt missing.txt b.txt} converts a and b, says
     * {@code huixun convert: cannot read 'missing.txt': no such file} and returns {@link HuixunCommand#BAD_INPUT}.
     */
    static int eachInput(String command, List<String> inputs, Writer out, InputWork work) throws IOException {
        int status = HuixunCommand.OK;
        for (String input : inputs) {
            try {
                work.run(input);
            } catch (UserInputException e) {
                out.flush();
                System.err.println("huixun " + command + ": " + e.getMessage());
                status = HuixunCommand.BAD_INPUT; // report, and go on with the other inputs
            }
        }
        out.flush();
        return status;
    }
}

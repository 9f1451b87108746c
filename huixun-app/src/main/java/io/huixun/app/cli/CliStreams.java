package io.huixun.app.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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
}

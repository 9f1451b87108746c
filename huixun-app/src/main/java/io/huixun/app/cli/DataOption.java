package io.huixun.app.cli;

import io.huixun.app.Installation;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option shared by every command that touches stored data. */
final class DataOption {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder (default: $HUIXUN_DATA, else ./huixun-data).")
    Path data;

    Path folder() {
        return Installation.folder(Optional.ofNullable(data));
    }

    Installation open() {
        try {
            return Installation.open(folder());
        } catch (RuntimeException e) {
            throw new UserInputException("cannot open the data folder " + folder() + ": " + e.getMessage(), e);
        }
    }
}

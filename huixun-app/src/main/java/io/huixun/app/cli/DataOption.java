package io.huixun.app.cli;

import io.huixun.app.Installation;
import io.huixun.app.Settings;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --data}, {@code --store} and {@code --search} options shared by every command that touches stored data,
 * and the one place the CLI turns flags and environment into {@link Settings} ({@link #settings()}).
 */
final class DataOption {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder (default: $HUIXUN_DATA, else huixun-data in the current folder).")
    Path data;

    @Option(names = "--store", paramLabel = "URL",
            description = {"Keep articles in PostgreSQL instead of the folder's SQLite file (default: $HUIXUN_STORE,"
                    + " else SQLite):", "postgresql://HOST:PORT/DATABASE?user=NAME"})
    String store;

    @Option(names = "--search", paramLabel = "URL",
            description = {"Keep the index in OpenSearch instead of the folder (default: $HUIXUN_SEARCH, else the"
                    + " embedded Lucene index):", "opensearch://HOST:PORT,HOST:PORT[/INDEX]"})
    String search;

    private Settings settings;

    /** The flags given, then the environment, then the defaults; read once per command. */
    Settings settings() {
        if (settings == null) {
            try {
                settings = Settings.fromEnvironment(new Settings.Flags(Optional.ofNullable(data),
                        Optional.ofNullable(store), Optional.ofNullable(search)));
            } catch (RuntimeException e) {
                throw new UserInputException(e.getMessage(), e);
            }
        }
        return settings;
    }

    Path folder() {
        return settings().folder();
    }

    /** The whole installation (index writer and pipeline): fails with a clear line when serve holds the folder. */
    Installation open() {
        return open(Installation.Mode.FULL, "stop it first, then run this again");
    }

    /** Only what {@code mode} needs; the STORE and SEARCH modes work beside a running {@code huixun serve}. */
    Installation open(Installation.Mode mode) {
        return open(mode, "stop it first, then run this again");
    }

    /**
     * For a command that only reads (search, export, sources list, users list…): a folder that holds no installation
     * is refused in one line (exit code 1) rather than given an empty one.
     */
    Installation openExisting(Installation.Mode mode) {
        requireExisting();
        return open(mode);
    }

    /** Refuses (exit code 1) a folder that holds no installation, creating nothing. */
    void requireExisting() {
        if (!Installation.exists(settings())) {
            throw new UserInputException("no Huixun installation in " + folder().toAbsolutePath()
                    + " (no huixun.db): give the right --data DIR, or add articles first with huixun ingest or"
                    + " huixun sources add");
        }
    }

    /**
     * @param whatToDo the advice given when a FULL opening finds the folder in use, e.g. "stop it first, or add the
     *                 feed with huixun sources add URL and let serve fetch it"
     */
    Installation open(Installation.Mode mode, String whatToDo) {
        Settings s = settings();
        try {
            return Installation.open(s, mode);
        } catch (Installation.InUseException e) {
            throw new UserInputException("huixun serve (or another huixun command) is running on the data folder "
                    + s.folder() + ": " + whatToDo, e);
        } catch (RuntimeException e) {
            throw new UserInputException("cannot open the data folder " + s.folder() + ": " + e.getMessage(), e);
        }
    }
}

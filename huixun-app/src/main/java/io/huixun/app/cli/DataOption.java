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

    @Option(names = "--store", paramLabel = "URL",
            description = "Keep articles in PostgreSQL instead of the folder's SQLite file: "
                    + "postgresql://HOST:PORT/DATABASE?user=NAME (default: $HUIXUN_STORE, else SQLite).")
    String store;

    @Option(names = "--search", paramLabel = "URL",
            description = "Keep the index in OpenSearch instead of the folder: opensearch://HOST:PORT,HOST:PORT[/INDEX] "
                    + "(default: $HUIXUN_SEARCH, else the embedded Lucene index).")
    String search;

    Path folder() {
        return Installation.folder(Optional.ofNullable(data));
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
     * @param whatToDo the advice given when a FULL opening finds the folder in use, e.g. "stop it first, or add the
     *                 feed with huixun sources add URL and let serve fetch it"
     */
    Installation open(Installation.Mode mode, String whatToDo) {
        Optional<String> storeUrl = Optional.ofNullable(store)
                .or(() -> Optional.ofNullable(System.getenv("HUIXUN_STORE"))).filter(s -> !s.isBlank());
        Optional<String> searchUrl = Optional.ofNullable(search)
                .or(() -> Optional.ofNullable(System.getenv("HUIXUN_SEARCH"))).filter(s -> !s.isBlank());
        try {
            return Installation.open(folder(), mode, storeUrl, searchUrl);
        } catch (Installation.InUseException e) {
            throw new UserInputException("huixun serve (or another huixun command) is running on the data folder "
                    + folder() + ": " + whatToDo, e);
        } catch (RuntimeException e) {
            throw new UserInputException("cannot open the data folder " + folder() + ": " + e.getMessage(), e);
        }
    }
}

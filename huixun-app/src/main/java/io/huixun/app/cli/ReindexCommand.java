package io.huixun.app.cli;

import io.huixun.app.Installation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code huixun reindex}: rebuilds the search index from the store. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the search index from the stored articles (after an upgrade, or if they disagree).")
final class ReindexCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Override
    public Integer call() {
        data.requireExisting();
        try (Installation installation = data.open(Installation.Mode.FULL,
                "stop it first (reindex rebuilds the index that serve is writing), then run this again")) {
            ProgressBar bar = new ProgressBar(System.err);
            int n = installation.pipeline().reindexAll((done, total, r) -> bar.advanced(done << 20, total << 20, r));
            bar.finish();
            System.out.println("reindexed " + n + " articles; index holds " + installation.index().count());
            return HuixunCommand.OK;
        }
    }
}

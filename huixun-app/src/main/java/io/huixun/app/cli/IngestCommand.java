package io.huixun.app.cli;

import io.huixun.app.Installation;
import io.huixun.ingest.IngestReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code huixun ingest PATH|URL…}: reads files, folders, feeds and pages into the store and the index. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest news from files, folders, feeds, sitemaps and pages.",
                "Files: .txt portal dumps, .html pages, .jsonl lines with title/body/date/source/url.",
                "Every article is repaired, de-duplicated, stored with its original, understood and indexed.",
                "Re-ingesting the same input adds nothing."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every item ingested (or already there)", "1:some items could not be read or stored",
                "2:usage error"})
final class IngestCommand implements Callable<Integer> {
    static final int SHOWN_PROBLEMS = 20;

    @Mixin
    DataOption data;

    @Parameters(arity = "1..*", paramLabel = "PATH|URL",
            description = "Files, folders (read recursively) or http(s) URLs of feeds, sitemaps and pages.")
    List<String> inputs;

    @Override
    public Integer call() {
        try (Installation installation = data.open(Installation.Mode.FULL,
                "stop it first, or add the feed with huixun sources add URL and let serve fetch it")) {
            ProgressBar bar = new ProgressBar(System.err);
            IngestReport total = IngestReport.EMPTY;
            for (String input : inputs) {
                total = total.plus(installation.pipeline().ingest(input, bar));
            }
            bar.finish();
            System.out.println(total);
            List<IngestReport.Problem> problems = total.problems();
            problems.stream().limit(SHOWN_PROBLEMS)
                    .forEach(p -> System.err.println("huixun ingest: " + p.item() + ": " + p.message()));
            if (problems.size() > SHOWN_PROBLEMS) {
                System.err.println("huixun ingest: … and " + (problems.size() - SHOWN_PROBLEMS) + " more problems");
            }
            return problems.isEmpty() ? HuixunCommand.OK : HuixunCommand.BAD_INPUT;
        }
    }
}

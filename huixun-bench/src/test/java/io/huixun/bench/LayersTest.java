package io.huixun.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/architecture.md ("Packages and layers"), checked on the compiled production classes of every
 * module (this module sees them all), so a wrong import fails the build with the class, what it uses and the rule it
 * breaks. Each package's {@code package-info.java} says the same in words; change both together.
 *
 * <p>Bottom up: the shared text layer and {@code model}; the stages, each importing only the layers below and the
 * stages named here ({@code cluster} reads {@code nlp}'s words; {@code store}'s records carry {@code dedup}'s
 * fingerprints and {@code nlp}'s understanding); {@code ingest}, the only package that sees every stage; the search
 * semantics both search back-ends share; the back-ends; {@code app}'s installation; its web, alert and command-line
 * faces; and the benchmarks. Example of a failure: a {@code text} class taking an {@code IngestPipeline} is reported
 * as "io.huixun.text.Segmenter (layer Text) uses io.huixun.ingest.IngestPipeline (layer Ingest); Text may use only:
 * nothing", followed by ArchUnit's line with the method and ArchUnit's whole rule.
 *
 * <p>Reads the classes once per test class; nothing here is shared between threads.
 */
class LayersTest {
    /** Production classes only: test classes (a module's test-classes folder or its -tests.jar) may cross layers. */
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(LayersTest::isProduction)
            .importPackages("io.huixun");

    static boolean isProduction(Location location) {
        return !location.contains("/test-classes/") && !location.contains("-tests.jar");
    }

    /** A layer: its packages (ArchUnit syntax, {@code ..} for sub-packages) and the layers it may use. */
    record Layer(String name, List<String> packages, List<String> mayUse) {
        Layer(String name, String packages, String mayUse) {
            this(name, List.of(packages.split(" ")), mayUse.isEmpty() ? List.of() : List.of(mayUse.split(" ")));
        }
    }

    /** The layers, bottom up; each may use the ones it names and its own packages. Bench may use every layer. */
    static final List<Layer> TABLE = List.of(
            new Layer("Text", "io.huixun.text..", ""),
            new Layer("Model", "io.huixun.model..", ""),
            new Layer("Fetch", "io.huixun.fetch..", "Text Model"),
            new Layer("Source", "io.huixun.source..", "Text Model"),
            new Layer("Extract", "io.huixun.extract..", "Text Model"),
            new Layer("Nlp", "io.huixun.nlp..", "Extract Text Model"),
            new Layer("Dedup", "io.huixun.dedup..", "Text Model"),
            new Layer("Cluster", "io.huixun.cluster..", "Nlp Text Model"),
            new Layer("Search", "io.huixun.search", "Text Model"),
            new Layer("Store", "io.huixun.store io.huixun.store.reader", "Dedup Nlp Text Model"),
            new Layer("Ingest", "io.huixun.ingest..",
                    "Fetch Source Extract Nlp Dedup Cluster Search Store Text Model"),
            new Layer("SearchSemantics", "io.huixun.search.semantics..", "Search Text Model"),
            new Layer("Lucene", "io.huixun.search.lucene..", "SearchSemantics Search Text Model"),
            new Layer("OpenSearch", "io.huixun.search.opensearch..", "SearchSemantics Search Text Model"),
            new Layer("StoreBackends", "io.huixun.store.jdbc.. io.huixun.store.sqlite.. io.huixun.store.postgres..",
                    "Store Dedup Nlp Text Model"),
            new Layer("Installation", "io.huixun.app", "Ingest Lucene OpenSearch StoreBackends SearchSemantics"
                    + " Fetch Source Extract Nlp Dedup Cluster Search Store Text Model"),
            new Layer("AppParts", "io.huixun.app.account.. io.huixun.app.image..", "Fetch Store Text Model"),
            new Layer("Web", "io.huixun.app.web..", "Installation AppParts Ingest Fetch Source Extract Nlp Dedup"
                    + " Cluster Search Store Text Model"),
            new Layer("Alert", "io.huixun.app.alert..", "Web Installation AppParts Fetch Search Store Text Model"),
            new Layer("Cli", "io.huixun.app.cli..", "Alert Web Installation AppParts Ingest Lucene OpenSearch"
                    + " StoreBackends SearchSemantics Fetch Source Extract Nlp Dedup Cluster Search Store Text Model"),
            new Layer("Bench", "io.huixun.bench..", "Cli Alert Web Installation AppParts Ingest Lucene OpenSearch"
                    + " StoreBackends SearchSemantics Fetch Source Extract Nlp Dedup Cluster Search Store Text"
                    + " Model"));

    static final ArchRule LAYERS = layers();

    private static ArchRule layers() {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Layer l : TABLE) {
            rule = rule.layer(l.name()).definedBy(l.packages().toArray(String[]::new));
        }
        for (Layer l : TABLE) {
            rule = l.mayUse().isEmpty() ? rule.whereLayer(l.name()).mayNotAccessAnyLayer()
                    : rule.whereLayer(l.name()).mayOnlyAccessLayers(l.mayUse().toArray(String[]::new));
        }
        return rule.because("each package imports only the layers below it (docs/architecture.md, \"Packages and"
                + " layers\")");
    }

    /** The layer of a class, by the table; empty for a class outside every layer. */
    static Optional<Layer> layerOf(String className) {
        String pkg = className.substring(0, Math.max(0, className.lastIndexOf('.')));
        return TABLE.stream().filter(l -> l.packages().stream().anyMatch(p -> p.endsWith("..")
                ? pkg.equals(p.substring(0, p.length() - 2)) || pkg.startsWith(p.substring(0, p.length() - 1))
                : pkg.equals(p))).findFirst();
    }

    private static final Pattern CLASS = Pattern.compile("<(io\\.huixun\\.[\\w.$]+?)(?:\\.[\\w<>$]+\\(|>)");

    /**
     * One line per violation naming the rule it breaks, before ArchUnit's own report: {@code io.huixun.text.Segmenter
     * (layer Text) uses io.huixun.ingest.IngestPipeline (layer Ingest); Text may use only: nothing}.
     */
    static String explain(List<String> details) {
        StringBuilder out = new StringBuilder();
        for (String d : details) {
            Matcher m = CLASS.matcher(d);
            List<String> classes = new ArrayList<>();
            while (m.find()) {
                classes.add(m.group(1).replaceAll("\\$.*", ""));
            }
            if (classes.size() < 2) {
                continue;
            }
            String from = classes.get(0);
            String to = classes.get(1);
            String fromLayer = layerOf(from).map(Layer::name).orElse("?");
            String allowed = layerOf(from).map(l -> l.mayUse().isEmpty() ? "nothing" : String.join(", ", l.mayUse()))
                    .orElse("?");
            out.append(from).append(" (layer ").append(fromLayer).append(") uses ").append(to).append(" (layer ")
                    .append(layerOf(to).map(Layer::name).orElse("?")).append("); ").append(fromLayer)
                    .append(" may use only: ").append(allowed).append("\n    ").append(d).append('\n');
        }
        return out.toString();
    }

    static final ArchRule NO_CYCLES = slices().matching("io.huixun.(**)").namingSlices("$1").should()
            .beFreeOfCycles().because("two packages in a cycle are one concept in two places");

    @Test
    void everyPackageImportsOnlyTheLayersBelowIt() {
        EvaluationResult result = LAYERS.evaluate(PRODUCTION);
        assertThat(result.hasViolation())
                .withFailMessage(() -> "A package imports a layer it may not use:\n"
                        + explain(result.getFailureReport().getDetails()) + "\n" + result.getFailureReport())
                .isFalse();
    }

    @Test
    void theExplanationNamesTheClassesTheirLayersAndTheRule() {
        String line = "Method <io.huixun.text.Segmenter.wrong(io.huixun.ingest.IngestPipeline)> has parameter of"
                + " type <io.huixun.ingest.IngestPipeline> in (Segmenter.java:0)";
        assertThat(explain(List.of(line))).startsWith("io.huixun.text.Segmenter (layer Text) uses"
                + " io.huixun.ingest.IngestPipeline (layer Ingest); Text may use only: nothing\n");
        assertThat(layerOf("io.huixun.search.lucene.LuceneSearchIndex")).map(Layer::name).contains("Lucene");
        assertThat(layerOf("io.huixun.search.SearchIndex")).map(Layer::name).contains("Search");
        assertThat(layerOf("io.huixun.app.Installation")).map(Layer::name).contains("Installation");
        assertThat(layerOf("io.huixun.app.web.view.ArticleCard")).map(Layer::name).contains("Web");
    }

    @Test
    void noPackageCycles() {
        // Every package of every module, bench included (Maven already forbids cycles between modules). In bench the
        // root package holds only the dispatcher, which imports the runners; the runners share bench.common, which
        // imports no other bench package.
        NO_CYCLES.check(PRODUCTION);
    }

    @Test
    void theDictionaryCompilerIsABuildToolNotInTheRuntimeJar() {
        noClasses().should().haveSimpleName("DictionaryCompiler")
                .because("it compiles OpenCC's dictionaries at build time (core's test sources); the jar ships the"
                        + " compiled tries")
                .check(PRODUCTION);
    }
}

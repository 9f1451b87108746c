package io.huixun.app.cli;

import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code huixun convert --config C [FILE…]}: OpenCC-compatible conversion as a line-preserving filter. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert Chinese text between simplified and traditional forms (OpenCC configs and semantics).",
                "Reads UTF-8 from the FILEs, or standard input when none is given (or '-'), and writes UTF-8 to "
                        + "standard output, one output line per input line."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:bad input (missing file, invalid UTF-8, binary data)", "2:usage error"})
final class ConvertCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "CONFIG", converter = ConfigConverter.class,
            description = "One of: s2t, t2s, s2tw, tw2s, s2twp, tw2sp, s2hk, hk2s, t2tw, tw2t, t2hk, hk2t, "
                    + "s2hkp, hk2sp, jp2t, t2jp (a trailing .json is accepted).")
    ConversionConfig config;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Input files; '-' or none for standard input.")
    List<String> files = List.of();

    @Override
    public Integer call() throws IOException {
        ChineseConverter converter = ChineseConverter.of(config);
        Writer out = CliStreams.stdout();
        return CliStreams.eachInput("convert", CliStreams.orStandardInput(files), out, file -> {
            try (Reader in = new StrictUtf8Reader(CliStreams.open(file), CliStreams.displayName(file))) {
                converter.convert(in, out);
            }
        });
    }

    static final class ConfigConverter implements picocli.CommandLine.ITypeConverter<ConversionConfig> {
        @Override
        public ConversionConfig convert(String value) {
            try {
                return ConversionConfig.fromName(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}

/**
 * The {@code huixun} command line: one class per command, picocli for parsing. Exit codes (DESIGN §5): 0 success,
 * 1 bad input (one clear line on stderr, no stack trace), 2 usage error (an unknown option or an invalid value: one
 * line naming the command, then "(see huixun COMMAND --help)"). Each command opens the data folder only as far as
 * it needs ({@link io.huixun.app.Installation.Mode}), so all but ingest and reindex work while huixun serve runs.
 *
 * <p><b>Layer</b>: the top of the app: the commands and {@code Main}. May import every layer but bench; nothing imports
 * it. Kept by {@code LayersTest} (huixun-bench).
 */
package io.huixun.app.cli;

/**
 * The {@code huixun} command line: one class per command, picocli for parsing. Exit codes (DESIGN §5): 0 success,
 * 1 bad input (one clear line on stderr, no stack trace), 2 usage error.
 */
package io.huixun.app.cli;

/**
 * Accounts: password hashing ({@link io.huixun.app.account.PasswordHasher}), login throttling
 * ({@link io.huixun.app.account.LoginThrottle}) and the account operations the CLI and the web share
 * ({@link io.huixun.app.account.Accounts}). Accounts, sessions and reading state are stored in the
 * {@link io.huixun.store.reader.ReaderStore}.
 *
 * <p><b>Layer</b>: app support beside {@code app.image}, below the web and the CLI. Imports only fetch, store, the
 * shared text layer and {@code model}. Kept by {@code LayersTest} (huixun-bench).
 */
package io.huixun.app.account;

/**
 * Accounts: password hashing ({@link io.huixun.app.account.PasswordHasher}), login throttling
 * ({@link io.huixun.app.account.LoginThrottle}) and the account operations the CLI and the web share
 * ({@link io.huixun.app.account.Accounts}). Accounts, sessions and reading state are stored in the
 * {@link io.huixun.store.reader.ReaderStore}.
 */
package io.huixun.app.account;

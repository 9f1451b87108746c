package io.huixun.app.account;

import io.huixun.store.reader.Account;
import io.huixun.store.reader.AccountAddResult;
import io.huixun.store.reader.ReaderStore;
import io.huixun.store.reader.Role;
import java.util.Optional;

/**
 * The account operations shared by {@code huixun users …} and the web: names are checked, passwords hashed
 * ({@link PasswordHasher}) with the Fever key derived beside them, and a login is verified in about the same time
 * whether or not the name exists.
 *
 * <p>Thread-safe: holds only thread-safe parts.
 */
public final class Accounts {
    /** An outcome; {@code key} is a message key (see {@code io.huixun.app.web.Messages}), {@code arg} its argument. */
    public sealed interface Result {
        record Done(Account account) implements Result {
        }

        record Refused(String key, String arg) implements Result {
        }
    }

    private final ReaderStore store;
    private final PasswordHasher hasher;
    /**
     * Checked against when the name is unknown, so that the answer takes as long as for a known name. Hashed on a
     * thread of its own: an Argon2 hash takes about a second of CPU, which {@code serve} should not wait for before it
     * opens its port (the first login with an unknown name waits for it instead).
     */
    private final java.util.concurrent.CompletableFuture<String> decoy;

    public Accounts(ReaderStore store, PasswordHasher hasher) {
        this.store = store;
        this.hasher = hasher;
        String secret = "decoy-" + System.nanoTime();
        this.decoy = java.util.concurrent.CompletableFuture.supplyAsync(() -> hasher.hash(secret),
                r -> Thread.ofPlatform().daemon().name("decoy-hash").start(r));
    }

    public ReaderStore store() {
        return store;
    }

    /** Why {@code name} cannot be an account name, if it cannot: 1–64 characters, no spaces, colons or controls. */
    public static Optional<String> nameProblem(String name) {
        if (name == null || name.isEmpty() || name.codePointCount(0, name.length()) > 64) {
            return Optional.of("account.badNameLength");
        }
        boolean bad = name.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || c == ':' || c == '/' || c == '"' || c == '<' || c == '>');
        return bad ? Optional.of("account.badNameChars") : Optional.empty();
    }

    public Result add(String name, Role role, String password) {
        Optional<String> problem = nameProblem(name).or(() -> PasswordHasher.weakness(password));
        if (problem.isPresent()) {
            return new Result.Refused(problem.get(), name);
        }
        return switch (store.addAccount(name, role, hasher.hash(password),
                Optional.of(PasswordHasher.feverKey(name, password)))) {
            case AccountAddResult.Added added -> new Result.Done(added.account());
            case AccountAddResult.NameTaken taken -> new Result.Refused("account.nameTaken", taken.name());
        };
    }

    /** Sets a new password (ending the account's sessions). */
    public Result setPassword(String name, String password) {
        Optional<Account> account = store.account(name);
        if (account.isEmpty()) {
            return new Result.Refused("account.unknown", name);
        }
        Optional<String> weak = PasswordHasher.weakness(password);
        if (weak.isPresent()) {
            return new Result.Refused(weak.get(), name);
        }
        store.setPassword(account.get().id(), hasher.hash(password), Optional.of(PasswordHasher.feverKey(name, password)));
        return new Result.Done(store.account(account.get().id()).orElseThrow());
    }

    public boolean remove(String name) {
        return store.account(name).map(a -> store.removeAccount(a.id())).orElse(false);
    }

    /** The account when {@code password} is its password; empty otherwise (same cost either way). */
    public Optional<Account> verify(String name, String password) {
        Optional<Account> account = name == null ? Optional.empty() : store.account(name);
        boolean ok = hasher.verify(password, account.map(Account::passwordHash).orElseGet(decoy::join));
        return ok ? account : Optional.empty();
    }

    /**
     * Makes sure the configured administrator ({@code HUIXUN_ADMIN_USER}/{@code HUIXUN_ADMIN_PASSWORD}) exists as an
     * administrator with that password: created when missing, its password and role set when they differ.
     */
    public Result bootstrapAdmin(String name, String password) {
        Optional<Account> existing = store.account(name);
        if (existing.isEmpty()) {
            Optional<String> problem = nameProblem(name);
            if (problem.isPresent()) {
                return new Result.Refused(problem.get(), name);
            }
            // The operator chose this password in configuration: it is not held to the length rule for new ones.
            return switch (store.addAccount(name, Role.ADMIN, hasher.hash(password),
                    Optional.of(PasswordHasher.feverKey(name, password)))) {
                case AccountAddResult.Added added -> new Result.Done(added.account());
                case AccountAddResult.NameTaken taken -> new Result.Done(store.account(name).orElseThrow());
            };
        }
        Account a = existing.get();
        if (!hasher.verify(password, a.passwordHash())) {
            store.setPassword(a.id(), hasher.hash(password), Optional.of(PasswordHasher.feverKey(name, password)));
        }
        if (!a.admin()) {
            store.setRole(a.id(), Role.ADMIN);
        }
        return new Result.Done(store.account(a.id()).orElseThrow());
    }
}

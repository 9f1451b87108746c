package io.huixun.app.web;

import io.huixun.app.account.Accounts;
import io.huixun.app.account.LoginThrottle;
import io.huixun.app.account.PasswordHasher;
import io.huixun.store.reader.Account;
import io.huixun.store.reader.ReaderStore;
import io.huixun.store.reader.Role;
import io.huixun.store.reader.StoredSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Logins and server-side sessions for the accounts in the store (administrators and readers).
 *
 * <p>A session is a random 256-bit token in an HttpOnly, SameSite=Strict cookie; the store keeps only its SHA-256
 * with the account, a CSRF token and the expiry (8 hours for the web, 30 days for the Google Reader API), so
 * sessions survive a restart and are shared by every node on one store, and a copy of the database opens none.
 * Every state-changing form carries the session's CSRF token, compared in constant time. Guessing is slowed by
 * {@link LoginThrottle} (per account and per address, growing waits, never a lock-out of the right password). The
 * configured administrator ({@code HUIXUN_ADMIN_USER}, {@code HUIXUN_ADMIN_PASSWORD}) is made or updated at start.
 *
 * <p>Thread-safe: the store, the throttle and {@link SecureRandom} are.
 */
public final class AdminAuth {
    static final String COOKIE = "hx_session";
    static final Duration SESSION_LIFETIME = Duration.ofHours(8);
    static final Duration API_SESSION_LIFETIME = Duration.ofDays(30);

    private final Accounts accounts;
    private final ReaderStore store;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** A logged-in account's session; {@code token} is what the client holds. */
    public record Session(String token, long userId, String user, Role role, String csrf, Instant expires) {
        public boolean admin() {
            return role == Role.ADMIN;
        }
    }

    /** The outcome of a login attempt. */
    public sealed interface LoginResult {
        record LoggedIn(Session session) implements LoginResult {
        }

        /** Wrong name or password. */
        record Refused() implements LoginResult {
        }

        /** Too many attempts are queued for this account or address; try again after {@code retryAfter}. */
        record Busy(Duration retryAfter) implements LoginResult {
        }
    }

    public AdminAuth(Accounts accounts, LoginThrottle throttle, Clock clock) {
        this.accounts = accounts;
        this.store = accounts.store();
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * Logins on {@code store} with the default throttle; when {@code bootstrapPassword} is given, the account
     * {@code bootstrapUser} is made (or set to) an administrator with that password.
     */
    public static AdminAuth open(ReaderStore store, String bootstrapUser, Optional<String> bootstrapPassword,
                                 Clock clock) {
        return open(store, bootstrapUser, bootstrapPassword, LoginThrottle.Policy.DEFAULT, clock);
    }

    public static AdminAuth open(ReaderStore store, String bootstrapUser, Optional<String> bootstrapPassword,
                                 LoginThrottle.Policy policy, Clock clock) {
        Accounts accounts = new Accounts(store, new PasswordHasher());
        bootstrapPassword.filter(p -> !p.isEmpty()).ifPresent(p -> {
            if (accounts.bootstrapAdmin(bootstrapUser, p) instanceof Accounts.Result.Refused r) {
                throw new IllegalArgumentException("HUIXUN_ADMIN_USER '" + bootstrapUser + "' cannot be an account name"
                        + " (1-64 characters without spaces, colons, slashes, quotes or angle brackets)");
            }
        });
        return new AdminAuth(accounts, new LoginThrottle(policy, clock), clock);
    }

    public Accounts accounts() {
        return accounts;
    }

    public ReaderStore readers() {
        return store;
    }

    /** Whether any account exists (otherwise no one can log in). */
    public boolean loginEnabled() {
        return !store.accounts().isEmpty();
    }

    /** Checks the credentials after the throttle's wait (the calling thread sleeps) and opens a web session. */
    public LoginResult attempt(String client, String user, String password, String kind) {
        String name = user == null ? "" : user.strip();
        LoginThrottle.Admission admission = throttle.admit(name, client);
        if (admission instanceof LoginThrottle.Admission.Busy busy) {
            return new LoginResult.Busy(busy.retryAfter());
        }
        Duration wait = ((LoginThrottle.Admission.Proceed) admission).delay();
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new LoginResult.Busy(wait);
            }
        }
        Optional<Account> account = accounts.verify(name, password);
        if (account.isEmpty()) {
            throttle.failed(name, client);
            return new LoginResult.Refused();
        }
        throttle.succeeded(name, client);
        store.removeExpiredSessions(clock.instant());
        return new LoginResult.LoggedIn(startSession(account.get(), kind));
    }

    /** {@link #attempt} for the web: the session when the credentials are right. */
    public Optional<Session> login(String client, String user, String password) {
        return attempt(client, user, password, StoredSession.WEB) instanceof LoginResult.LoggedIn in
                ? Optional.of(in.session()) : Optional.empty();
    }

    /** Opens a session of {@code kind} for an account whose credentials were checked. */
    public Session startSession(Account account, String kind) {
        Instant now = clock.instant();
        Instant expires = now.plus(StoredSession.API.equals(kind) ? API_SESSION_LIFETIME : SESSION_LIFETIME);
        String token = token();
        String csrf = token();
        store.addSession(new StoredSession(hash(token), account.id(), kind, csrf, now, expires));
        return new Session(token, account.id(), account.name(), account.role(), csrf, expires);
    }

    /** How long a script's API token lives: ten years, i.e. until replaced or the account is removed. */
    static final Duration TOKEN_LIFETIME = Duration.ofDays(3650);

    /**
     * A new API token for {@code account}, replacing any earlier one: the token is returned once, the store keeps its
     * SHA-256. Example: {@code issueToken(store, li, clock)} → {@code "q3J…"} (43 characters of base64url).
     */
    public static String issueToken(ReaderStore store, Account account, java.time.Clock clock) {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byte[] csrf = new byte[16];
        new java.security.SecureRandom().nextBytes(csrf);
        Instant now = clock.instant();
        store.removeSessions(account.id(), StoredSession.TOKEN);
        store.addSession(new StoredSession(hash(token), account.id(), StoredSession.TOKEN,
                Base64.getUrlEncoder().withoutPadding().encodeToString(csrf), now, now.plus(TOKEN_LIFETIME)));
        return token;
    }

    /**
     * The account of an {@code Authorization: Bearer TOKEN} header carrying a live API token, or empty (no header,
     * another scheme, unknown or replaced token). Example: {@code bearer("Bearer q3J…")} → li's session.
     */
    public Optional<Session> bearer(String authorization) {
        if (authorization == null || authorization.length() < 8
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return session(authorization.substring(7).strip(), StoredSession.TOKEN);
    }

    /** The live web session of this cookie token. */
    public Optional<Session> session(String token) {
        return session(token, StoredSession.WEB);
    }

    /** The live session of {@code kind} with this token. */
    public Optional<Session> session(String token, String kind) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return store.session(hash(token), clock.instant()).filter(s -> s.kind().equals(kind))
                .flatMap(s -> store.account(s.userId()).map(a -> new Session(token, a.id(), a.name(), a.role(),
                        s.csrf(), s.expires())));
    }

    public void logout(String token) {
        if (token != null && token.length() <= 100) {
            store.removeSession(hash(token));
        }
    }

    /** Constant-time check of a form's CSRF token against the session's. */
    public static boolean csrfMatches(Session session, String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                session.csrf().getBytes(StandardCharsets.UTF_8));
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.huixun.app.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One administrator account from configuration, server-side sessions and CSRF tokens.
 *
 * <p>A session is a random 256-bit token in an HttpOnly, SameSite=Strict cookie, mapped on the server to its user,
 * CSRF token and expiry (8 hours); logging out or restarting the server ends it. Every state-changing form carries
 * the session's CSRF token, compared in constant time. Failed logins are slowed down per client address (at most
 * {@value #MAX_FAILURES} per {@link #FAILURE_WINDOW}). When no password is configured, logging in is impossible,
 * which keeps a fresh installation from exposing admin actions. Thread-safe.
 */
public final class AdminAuth {
    static final String COOKIE = "hx_session";
    static final int MAX_FAILURES = 10;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(10);
    private static final Duration SESSION_LIFETIME = Duration.ofHours(8);

    private final String user;
    private final byte[] passwordDigest;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    /** A logged-in administrator's session. */
    public record Session(String token, String user, String csrf, Instant expires) {}

    private record Failures(int count, Instant since) {}

    /** @param password empty disables logging in altogether */
    public AdminAuth(String user, Optional<String> password, Clock clock) {
        this.user = user;
        this.passwordDigest = password.filter(p -> !p.isEmpty()).map(AdminAuth::digest).orElse(null);
        this.clock = clock;
    }

    public boolean loginEnabled() {
        return passwordDigest != null;
    }

    /** A new session when the credentials are right; empty otherwise, or when {@code client} tried too often. */
    public Optional<Session> login(String client, String givenUser, String givenPassword) {
        Instant now = clock.instant();
        Failures f = failures.get(client);
        if (f != null && f.since().plus(FAILURE_WINDOW).isAfter(now) && f.count() >= MAX_FAILURES) {
            return Optional.empty();
        }
        boolean ok = passwordDigest != null && givenUser != null && givenPassword != null
                && MessageDigest.isEqual(digest(givenUser), digest(user))
                && MessageDigest.isEqual(digest(givenPassword), passwordDigest);
        if (!ok) {
            failures.merge(client, new Failures(1, now), (old, one) ->
                    old.since().plus(FAILURE_WINDOW).isBefore(now) ? one : new Failures(old.count() + 1, old.since()));
            return Optional.empty();
        }
        failures.remove(client);
        Session s = new Session(token(), user, token(), now.plus(SESSION_LIFETIME));
        sessions.put(s.token(), s);
        return Optional.of(s);
    }

    public Optional<Session> session(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session s = sessions.get(token);
        if (s == null) {
            return Optional.empty();
        }
        if (s.expires().isBefore(clock.instant())) {
            sessions.remove(token);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public void logout(String token) {
        if (token != null) {
            sessions.remove(token);
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

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

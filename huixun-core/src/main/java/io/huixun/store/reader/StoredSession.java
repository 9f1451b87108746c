package io.huixun.store.reader;

import java.time.Instant;
import java.util.Objects;

/**
 * A server-side session as stored: the SHA-256 of the token the client holds (never the token itself), its account,
 * the CSRF token its forms carry, and when it ends.
 *
 * @param kind {@link #WEB} for a browser login, {@link #API} for a Google Reader API login, {@link #TOKEN} for a
 *             script's API token
 */
public record StoredSession(String tokenHash, long userId, String kind, String csrf, Instant created,
                            Instant expires) {
    public static final String WEB = "web";
    public static final String API = "api";
    /** A script's API token ({@code huixun users token NAME}): one per account, sent as {@code Authorization: Bearer}. */
    public static final String TOKEN = "token";

    public StoredSession {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(csrf, "csrf");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
    }
}

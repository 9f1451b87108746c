package io.huixun.store.reader;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored account.
 *
 * @param passwordHash the password's hash in PHC string form ({@code $argon2id$v=19$m=…}); never the password
 * @param feverKey     the Fever API key ({@code md5(name:password)} in hex), set with the password, if any
 * @param readBefore   every article with an id up to this is read unless marked unread (mark-all-as-read)
 */
public record Account(long id, String name, Role role, String passwordHash, Optional<String> feverKey,
                      long readBefore, Instant created) {
    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(feverKey, "feverKey");
        Objects.requireNonNull(created, "created");
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }
}

package io.huixun.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void anArgon2idHashChecksTheRightPasswordOnly() {
        String h = hasher.hash("correct horse");
        assertThat(h).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.verify("correct horse", h)).isTrue();
        assertThat(hasher.verify("correct horsf", h)).isFalse();
        assertThat(hasher.hash("correct horse")).as("a fresh salt each time").isNotEqualTo(h);
    }

    @Test
    void aMalformedHashIsAWrongPasswordNotAnError() {
        assertThat(hasher.verify("x", "")).isFalse();
        assertThat(hasher.verify("x", null)).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=99999999,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
                .isFalse();
        assertThat(hasher.verify(null, hasher.hash("12345678"))).isFalse();
    }

    @Test
    void theFeverKeyIsMd5OfNameColonPassword() {
        assertThat(PasswordHasher.feverKey("li", "correct horse")).isEqualTo("af7ff22ce77751bd8e6259201c23ba88");
    }

    @Test
    void shortPasswordsAreRefused() {
        assertThat(PasswordHasher.weakness("1234567")).contains("password.tooShort");
        assertThat(PasswordHasher.weakness("密码密码密码密码")).isEmpty();
    }
}

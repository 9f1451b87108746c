package io.huixun.app.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format, by BouncyCastle's {@link Argon2BytesGenerator}.
 *
 * <p>Parameters: memory 19 MiB ({@code m=19456}), 2 passes ({@code t=2}), 1 lane ({@code p=1}), a 16-byte random salt,
 * a 32-byte hash. Why: these are OWASP's recommended minimum for Argon2id (Password Storage Cheat Sheet); Argon2id
 * resists both GPU guessing (memory-hard) and side channels (the "id" mix), and one check costs tens of
 * milliseconds here, so a login stays quick while offline guessing of a stolen database costs 19 MiB and that time
 * per guess. The parameters travel in each hash, so raising them later leaves old hashes checkable.
 * Example: {@code hash("correct horse")} → {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}.
 *
 * <p>Also derives the Fever API key, {@code md5(name:password)} in lower-case hex: the Fever protocol fixes it, and an
 * Argon2 hash cannot give it, so it is computed when the password is set and stored beside the hash.
 *
 * <p>Immutable and thread-safe ({@link SecureRandom} is thread-safe).
 */
public final class PasswordHasher {
    public static final int MEMORY_KIB = 19_456;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{16,88})\\$([A-Za-z0-9+/]{16,88})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();

    /** A new hash of {@code password} with a fresh salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] out = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    /** Whether {@code password} matches {@code phc}; false (never an exception) for a malformed hash. */
    public boolean verify(String password, String phc) {
        Matcher m = PHC.matcher(phc == null ? "" : phc);
        if (password == null || !m.matches()) {
            return false;
        }
        int memory = Integer.parseInt(m.group(1));
        int iterations = Integer.parseInt(m.group(2));
        int lanes = Integer.parseInt(m.group(3));
        if (memory < 8 * lanes || memory > 1_048_576 || iterations < 1 || lanes < 1) {
            return false;
        }
        byte[] salt = B64D.decode(m.group(4));
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = derive(password, salt, memory, iterations, lanes, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** The Fever API key of this name and password: md5("name:password") in hex, as Fever clients compute it. */
    public static String feverKey(String name, String password) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest((name + ":" + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }

    /** Why a new password is refused, if it is (checked before hashing). */
    public static Optional<String> weakness(String password) {
        if (password == null || password.codePointCount(0, password.length()) < 8) {
            return Optional.of("password.tooShort");
        }
        if (password.length() > 500) {
            return Optional.of("password.tooLong");
        }
        return Optional.empty();
    }

    private static byte[] derive(String password, byte[] salt, int memory, int iterations, int lanes, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(memory).withIterations(iterations)
                .withParallelism(lanes).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}

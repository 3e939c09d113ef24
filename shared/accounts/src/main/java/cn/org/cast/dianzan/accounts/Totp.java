package cn.org.cast.dianzan.accounts;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Admins' second factor: RFC 6238 TOTP, SHA-1, 6 digits, 30-second steps, as every authenticator app
 * reads it. A code is accepted for the current step and one step either side (clock drift), and each
 * step only once (the caller records the step it used).
 */
public final class Totp {

    public static final int PERIOD_SECONDS = 30;
    private static final DefaultCodeGenerator CODES = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    private Totp() {
    }

    /** A new 160-bit secret, base32. */
    public static String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    /** The {@code otpauth://} URI an authenticator app enrols from (as a QR code or typed in). */
    public static String uri(String secret, String accountLabel) {
        String issuer = "典赞·科普中国";
        return "otpauth://totp/" + encode(issuer + ":" + accountLabel) + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=" + PERIOD_SECONDS;
    }

    /** The step the typed code belongs to (current ±1), or empty if it matches none. */
    public static OptionalLong matchingStep(String secret, String typed, Instant now) {
        if (typed == null || !typed.strip().matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long current = now.getEpochSecond() / PERIOD_SECONDS;
        for (long step = current - 1; step <= current + 1; step++) {
            if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
                    typed.strip().getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The code of a time step (for the local runner's helper and tests). */
    public static String code(String secret, long step) {
        try {
            return CODES.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String codeAt(String secret, Instant at) {
        return code(secret, at.getEpochSecond() / PERIOD_SECONDS);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package cn.org.cast.dianzan.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * E-mail addresses as keys: one spelling per address (trimmed, lower case), and a one-way key where
 * an item must not carry the address itself (codes and sign-in guards exist for unknown addresses too).
 * Masking for answers and the audit is notify's {@code Masked.email}.
 */
public final class Emails {

    private Emails() {
    }

    public static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** The SHA-256 of the normalized address, hex: the key of its codes and its sign-in guard. */
    public static String key(String normalized) {
        return sha256Hex("dianzan-email:" + normalized);
    }

    /** The SHA-256 of a text (UTF-8), hex: the one hash of this module's keys, codes and refresh secrets. */
    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

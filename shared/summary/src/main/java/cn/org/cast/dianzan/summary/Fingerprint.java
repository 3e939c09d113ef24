package cn.org.cast.dianzan.summary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a summary sheet was printed from, in two short strings: the hash of the recommended case ids
 * and their versions (any change of the set, or of a recommended case, changes it) and the
 * verification code derived from the hash, the unit and the campaign. The same data always gives
 * the same code, so printing the same set twice gives the same sheet.
 */
public record Fingerprint(String hash, String code) {

    /** Crockford's base 32: no I, L, O or U, so a code read aloud or typed is not mistaken. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /** From case id to version; the order of the cases does not matter. */
    public static Fingerprint of(String campaignId, String unitId, Map<String, Long> versions) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(versions).forEach((id, version) -> text.append(id).append(':').append(version).append('\n'));
        String hash = HexFormat.of().formatHex(sha256(text.toString())).substring(0, 16);
        byte[] code = sha256(campaignId + "|" + unitId + "|" + hash);
        StringBuilder c = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                c.append('-');
            }
            c.append(ALPHABET.charAt((code[i] & 0xFF) % 32));
        }
        return new Fingerprint(hash, c.toString());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

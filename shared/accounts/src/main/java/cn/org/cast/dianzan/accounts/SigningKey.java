package cn.org.cast.dianzan.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * A key that signs access tokens with RS256 (RSASSA-PKCS1-v1_5 with SHA-256): the algorithm API
 * Gateway's HTTP API JWT authorizer verifies (its documentation: only RSA-based algorithms are
 * supported). In AWS the private half stays in KMS; locally it is a key file in the data directory.
 */
public interface SigningKey {

    /** The {@code kid}: derived from the public key itself, so the same key always has the same id. */
    String keyId();

    RSAPublicKey publicKey();

    /** The RS256 signature of the JWS signing input. */
    byte[] sign(byte[] signingInput);

    /** base64url of the SHA-256 of the DER public key, first 22 characters. */
    static String keyIdOf(RSAPublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

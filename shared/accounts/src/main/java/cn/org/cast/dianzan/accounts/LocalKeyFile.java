package cn.org.cast.dianzan.accounts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;

/**
 * The local stand-in for the KMS key: an RSA 2048 key kept as a JWK file under the data directory,
 * made on first use (readable by its owner only), so tokens stay valid across restarts. Never used in
 * AWS: there the key is in KMS ({@link KmsKeys}).
 */
public final class LocalKeyFile implements SigningKey {

    private final RSAKey key;
    private final RSASSASigner signer;
    private final String keyId;

    private LocalKeyFile(RSAKey key) {
        this.key = key;
        try {
            this.signer = new RSASSASigner(key);
            this.keyId = SigningKey.keyIdOf(key.toRSAPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key in {@code file}, made there first if there is none. */
    public static LocalKeyFile open(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                RSAKey fresh = new RSAKeyGenerator(2048).generate();
                Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "signing", ".tmp");
                Files.writeString(temporary, fresh.toJSONString(), StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without owners: nothing to restrict
                }
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (java.nio.file.FileAlreadyExistsException madeMeanwhile) {
                    Files.deleteIfExists(temporary);
                }
            }
            return new LocalKeyFile(RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the signing key file " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("the signing key file " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] sign(byte[] signingInput) {
        try {
            return signer.sign(new JWSHeader(JWSAlgorithm.RS256), signingInput).decode();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.org.cast.dianzan.accounts;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the signing keys are: in AWS a KMS key ({@code dianzan.tokens.kms-key-id}, from
 * DIANZAN_TOKENS_KMS_KEY_ID) and, during a rotation, the previous one whose public key stays in the
 * JWKS; locally a key file under the data directory ({@code dianzan.tokens.key-file}). The issuer and
 * audience are the ones the API's JWT authorizer trusts.
 */
@Factory
public class TokenConfiguration {

    @Singleton
    AccessTokens accessTokens(@Value("${dianzan.tokens.issuer}") String issuer,
                              @Value("${dianzan.tokens.audience:dianzan}") String audience,
                              @Value("${dianzan.tokens.kms-key-id:}") String kmsKeyId,
                              @Value("${dianzan.tokens.previous-kms-key-id:}") String previousKmsKeyId,
                              @Value("${dianzan.tokens.key-file:}") String keyFile,
                              @Value("${dianzan.tokens.previous-key-file:}") String previousKeyFile,
                              KmsKeys kms, Clock clock) {
        SigningKey current;
        List<SigningKey> previous = new ArrayList<>();
        if (!kmsKeyId.isBlank()) {
            current = kms.key(kmsKeyId);
            if (!previousKmsKeyId.isBlank()) {
                previous.add(kms.key(previousKmsKeyId));
            }
        } else if (!keyFile.isBlank()) {
            current = LocalKeyFile.open(Path.of(keyFile));
            if (!previousKeyFile.isBlank()) {
                previous.add(LocalKeyFile.open(Path.of(previousKeyFile)));
            }
        } else {
            throw new IllegalStateException("no token signing key: set DIANZAN_TOKENS_KMS_KEY_ID (AWS) or "
                    + "dianzan.tokens.key-file (local)");
        }
        return new AccessTokens(issuer, audience, current, previous, clock);
    }
}

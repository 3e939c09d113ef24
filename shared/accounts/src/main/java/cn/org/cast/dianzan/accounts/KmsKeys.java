package cn.org.cast.dianzan.accounts;

import cn.org.cast.dianzan.core.aws.AwsSettings;
import cn.org.cast.dianzan.notify.AwsJsonEndpoint;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.net.URI;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Signing keys in AWS KMS: asymmetric RSA_2048 SIGN_VERIFY keys whose private half never leaves KMS.
 * A token is signed by {@code TrentService.Sign} (RSASSA_PKCS1_V1_5_SHA_256 over the raw JWS signing
 * input, well under KMS's 4 KB message limit), which is exactly RS256; the public key is read once per
 * container by {@code GetPublicKey}. Called through signed JSON requests (the kms SDK module of the
 * platform's SDK version is not served to this build); the endpoint comes from the SDK's region
 * metadata, so {@code amazonaws.com.cn} in the China regions.
 */
@Singleton
public class KmsKeys {

    private final AwsSettings aws;
    private final String endpointOverride;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final JsonMapper json;
    private final Clock clock;
    private volatile AwsJsonEndpoint endpoint;

    public KmsKeys(AwsSettings aws, @Value("${dianzan.aws.kms-endpoint:}") String endpointOverride,
                   AwsCredentialsProvider credentials, SdkHttpClient http, JsonMapper json, Clock clock) {
        this.aws = aws;
        this.endpointOverride = endpointOverride;
        this.credentials = credentials;
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    /** The key with this id, ARN or alias; its public key is fetched now. */
    public SigningKey key(String keyId) {
        Map<?, ?> answer = endpoint().json11("TrentService.GetPublicKey", Map.of("KeyId", keyId), Map.class);
        if (!"SIGN_VERIFY".equals(answer.get("KeyUsage")) || !"RSA_2048".equals(answer.get("KeySpec"))) {
            throw new IllegalStateException("KMS key " + keyId + " is " + answer.get("KeySpec") + "/" + answer.get("KeyUsage")
                    + ": access tokens need an RSA_2048 SIGN_VERIFY key (RS256, what API Gateway's JWT authorizer verifies)");
        }
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(String.valueOf(answer.get("PublicKey")))));
            return new KmsKey(String.valueOf(answer.get("KeyId")), publicKey);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("KMS gave an unreadable public key for " + keyId, e);
        }
    }

    private AwsJsonEndpoint endpoint() {
        if (endpoint == null) {
            Region region = Region.of(aws.region());
            URI uri = endpointOverride.isBlank() ? AwsJsonEndpoint.endpointFor("kms", region) : URI.create(endpointOverride);
            endpoint = new AwsJsonEndpoint(uri, "kms", region, credentials, http, json, clock);
        }
        return endpoint;
    }

    private final class KmsKey implements SigningKey {
        private final String arn;
        private final RSAPublicKey publicKey;
        private final String keyId;

        KmsKey(String arn, RSAPublicKey publicKey) {
            this.arn = arn;
            this.publicKey = publicKey;
            this.keyId = SigningKey.keyIdOf(publicKey);
        }

        @Override
        public String keyId() {
            return keyId;
        }

        @Override
        public RSAPublicKey publicKey() {
            return publicKey;
        }

        @Override
        public byte[] sign(byte[] signingInput) {
            Map<?, ?> answer = endpoint().json11("TrentService.Sign", Map.of("KeyId", arn,
                    "Message", Base64.getEncoder().encodeToString(signingInput), "MessageType", "RAW",
                    "SigningAlgorithm", "RSASSA_PKCS1_V1_5_SHA_256"), Map.class);
            return Base64.getDecoder().decode(String.valueOf(answer.get("Signature")));
        }
    }
}

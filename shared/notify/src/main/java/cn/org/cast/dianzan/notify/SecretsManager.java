package cn.org.cast.dianzan.notify;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** Secrets Manager's GetSecretValue (JSON 1.1, target {@code secretsmanager.GetSecretValue}), and nothing else. */
public final class SecretsManager {

    public static final String ENDPOINT_PREFIX = "secretsmanager";
    public static final String SIGNING_NAME = "secretsmanager";

    private final AwsJsonEndpoint endpoint;

    public SecretsManager(AwsJsonEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The secret's current string value ({@code AWSCURRENT}). */
    public String secretString(String secretId) {
        SecretValue value = endpoint.json11("secretsmanager.GetSecretValue", Map.of("SecretId", secretId), SecretValue.class);
        if (value.secretString() == null) {
            throw new AwsCallException(SIGNING_NAME + " GetSecretValue", 200, "NoSecretString",
                    "the secret holds binary data, not a string");
        }
        return value.secretString();
    }

    @Serdeable
    record SecretValue(@JsonProperty("SecretString") String secretString) {
        @Override
        public String toString() {
            return "SecretValue[***]";
        }
    }
}

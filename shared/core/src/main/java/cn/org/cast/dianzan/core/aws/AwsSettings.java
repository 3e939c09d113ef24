package cn.org.cast.dianzan.core.aws;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * Where the SDK clients go. In Lambda only the region is set (from AWS_REGION) and credentials come
 * from the runtime; locally and in tests the endpoints and static credentials point at the engines.
 */
@Singleton
public class AwsSettings {

    private final String region;
    private final String dynamoEndpoint;
    private final String s3Endpoint;
    private final String accessKeyId;
    private final String secretAccessKey;

    /**
     * The region: {@code dianzan.aws.region} where set (local engines, tests), else Lambda's AWS_REGION
     * (read by Micronaut as {@code aws.region}). Two values, not a nested placeholder: Micronaut reads
     * {@code ${a:${b:c}}} as {@code c}} with the brace left over.
     */
    public AwsSettings(@Value("${dianzan.aws.region:}") String explicitRegion,
                       @Value("${aws.region:us-east-1}") String lambdaRegion,
                       @Value("${dianzan.aws.dynamodb-endpoint:}") String dynamoEndpoint,
                       @Value("${dianzan.aws.s3-endpoint:}") String s3Endpoint,
                       @Value("${dianzan.aws.access-key-id:}") String accessKeyId,
                       @Value("${dianzan.aws.secret-access-key:}") String secretAccessKey) {
        this.region = explicitRegion.isBlank() ? lambdaRegion : explicitRegion;
        this.dynamoEndpoint = dynamoEndpoint;
        this.s3Endpoint = s3Endpoint;
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
    }

    public String region() {
        return region;
    }

    public Optional<URI> dynamoEndpoint() {
        return dynamoEndpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(dynamoEndpoint));
    }

    public Optional<URI> s3Endpoint() {
        return s3Endpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(s3Endpoint));
    }

    /** Static credentials for the local engines; empty in Lambda, where the runtime provides them. */
    public Optional<AwsBasicCredentials> staticCredentials() {
        return accessKeyId.isBlank() ? Optional.empty() : Optional.of(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }
}

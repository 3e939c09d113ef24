package cn.org.cast.dianzan.engines;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** A running pair of engines (DynamoDB and S3), local or LocalStack, and clients for them. */
public interface AwsEngines extends AutoCloseable {

    String REGION = "us-east-1";

    URI dynamoEndpoint();

    URI s3Endpoint();

    Credentials credentials();

    /** The settings a function needs to reach these engines, as Micronaut property names. */
    default Map<String, String> clientProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("dianzan.aws.region", REGION);
        properties.put("dianzan.aws.dynamodb-endpoint", dynamoEndpoint().toString());
        properties.put("dianzan.aws.s3-endpoint", s3Endpoint().toString());
        properties.put("dianzan.aws.access-key-id", credentials().accessKeyId());
        properties.put("dianzan.aws.secret-access-key", credentials().secretAccessKey());
        return properties;
    }

    /**
     * The environment variables Lambda would give {@code function} on these engines: the template's,
     * references resolved to {@code physicalNames}, a region, and these engines' endpoints and
     * credentials, which the functions read as Lambda's. A variable whose value is known only when deployed
     * (a template parameter, {@code Fn::If}, {@code Fn::Sub}, {@code Fn::GetAtt}) is left out: whoever starts
     * the function gives its local value.
     */
    default Map<String, String> lambdaEnvironment(SamTemplate.Function function, Map<String, String> physicalNames) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (SamTemplate.EnvVar var : function.environment()) {
            String value = var.ref() != null ? physicalNames.get(var.ref()) : var.literal();
            if (value != null) {
                environment.put(var.name(), value);
            }
        }
        environment.put("AWS_REGION", "cn-north-1");
        environment.put("AWS_ACCESS_KEY_ID", credentials().accessKeyId());
        environment.put("AWS_SECRET_ACCESS_KEY", credentials().secretAccessKey());
        environment.put("DIANZAN_AWS_DYNAMODB_ENDPOINT", dynamoEndpoint().toString());
        environment.put("DIANZAN_AWS_S3_ENDPOINT", s3Endpoint().toString());
        return environment;
    }

    default DynamoDbClient newDynamoClient() {
        return DynamoDbClient.builder()
                .endpointOverride(dynamoEndpoint())
                .region(Region.of(REGION))
                .credentialsProvider(staticCredentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    default S3Client newS3Client() {
        return S3Client.builder()
                .endpointOverride(s3Endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(staticCredentials())
                .httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    private StaticCredentialsProvider staticCredentials() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(credentials().accessKeyId(), credentials().secretAccessKey()));
    }

    @Override
    void close();
}

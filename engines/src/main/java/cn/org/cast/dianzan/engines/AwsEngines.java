package cn.org.cast.dianzan.engines;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Running engines, local or LocalStack, and clients for them: DynamoDB, S3, and GreenMail for mail
 * (an SMTP server whichever kind the others are).
 */
public interface AwsEngines extends AutoCloseable {

    String REGION = "us-east-1";

    URI dynamoEndpoint();

    URI s3Endpoint();

    Credentials credentials();

    GreenMailServer greenMail();

    default int smtpPort() {
        return greenMail().smtpPort();
    }

    /** The settings a function needs to reach these engines, as Micronaut property names. */
    default Map<String, String> clientProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("dianzan.aws.region", REGION);
        properties.put("dianzan.aws.dynamodb-endpoint", dynamoEndpoint().toString());
        properties.put("dianzan.aws.s3-endpoint", s3Endpoint().toString());
        properties.put("dianzan.aws.access-key-id", credentials().accessKeyId());
        properties.put("dianzan.aws.secret-access-key", credentials().secretAccessKey());
        properties.putAll(mailProperties());
        return properties;
    }

    /** Mail through GreenMail's SMTP, unencrypted on the loopback interface and without a login. */
    default Map<String, String> mailProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("dianzan.mail.transport", "smtp");
        properties.put("dianzan.mail.smtp.host", "127.0.0.1");
        properties.put("dianzan.mail.smtp.port", Integer.toString(smtpPort()));
        properties.put("dianzan.mail.smtp.security", "none");
        properties.put("dianzan.mail.from", "noreply@dianzan.local");
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
        // After the template's own: mail from a function on these engines never leaves the machine.
        mailProperties().forEach((name, value) -> environment.put(name.toUpperCase(Locale.ROOT).replace('.', '_')
                .replace('-', '_'), value));
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

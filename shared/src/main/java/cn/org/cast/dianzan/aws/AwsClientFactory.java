package cn.org.cast.dianzan.aws;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * SDK clients, built once per function instance with an explicit region and the light
 * url-connection HTTP client. S3 settings that hold on AWS and on S3Proxy alike: path-style
 * addressing, checksums only where required.
 */
@Factory
public class AwsClientFactory {

    @Singleton
    SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.create();
    }

    @Singleton
    AwsCredentialsProvider credentials(AwsSettings settings) {
        return settings.staticCredentials()
                .<AwsCredentialsProvider>map(StaticCredentialsProvider::create)
                .orElseGet(DefaultCredentialsProvider::create);
    }

    @Singleton
    DynamoDbClient dynamoDb(AwsSettings settings, SdkHttpClient http, AwsCredentialsProvider credentials) {
        var builder = DynamoDbClient.builder()
                .region(Region.of(settings.region()))
                .httpClient(http)
                .credentialsProvider(credentials);
        settings.dynamoEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Singleton
    S3Client s3(AwsSettings settings, SdkHttpClient http, AwsCredentialsProvider credentials) {
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .httpClient(http)
                .credentialsProvider(credentials)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        settings.s3Endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Singleton
    S3Presigner s3Presigner(AwsSettings settings, AwsCredentialsProvider credentials) {
        var builder = S3Presigner.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        settings.s3Endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}

package cn.org.cast.dianzan.core.aws;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SDK clients, built once per function instance with an explicit region and the light
 * url-connection HTTP client. Only DynamoDB here: the S3 client lives with the one domain that
 * stores files, so functions that never touch S3 do not carry it.
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
}

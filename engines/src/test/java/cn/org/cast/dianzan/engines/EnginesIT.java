package cn.org.cast.dianzan.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.org.cast.dianzan.engines.junit.AwsEnginesExtension;
import cn.org.cast.dianzan.engines.junit.AwsResources;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The harness gives each test class the template's tables and bucket on engines reached over the wire. */
@ExtendWith(AwsEnginesExtension.class)
class EnginesIT {

    @Test
    void theTemplateTablesAcceptConditionalWrites(AwsResources aws) {
        String table = aws.name("MainTable");
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("K#1"), "sk", AttributeValue.fromS("META"));
        aws.dynamo().putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));

        assertThrows(ConditionalCheckFailedException.class, () -> aws.dynamo().putItem(b ->
                b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")));
        assertEquals(2, aws.dynamo().describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes().size());
    }

    @Test
    void theMediaBucketStoresObjectsAndHonoursSignedContentTypeAndLength(AwsResources aws) throws Exception {
        String bucket = aws.name("MediaBucket");
        aws.s3().putObject(b -> b.bucket(bucket).key("hello.txt"), RequestBody.fromString("科普"));
        assertEquals("科普", aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key("hello.txt")).asUtf8String());

        try (S3Presigner presigner = S3Presigner.builder()
                .endpointOverride(aws.engines().s3Endpoint())
                .region(Region.of(AwsEngines.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        aws.engines().credentials().accessKeyId(), aws.engines().credentials().secretAccessKey())))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build()) {
            URI url = presigner.presignPutObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(p -> p.bucket(bucket).key("photo.jpg").contentType("image/jpeg").contentLength(4L)))
                    .url().toURI();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(url).header("Content-Type", "image/jpeg")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray("jpeg".getBytes(StandardCharsets.US_ASCII))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode());
            HttpResponse<String> wrongType = http.send(HttpRequest.newBuilder(url).header("Content-Type", "text/html")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray("jpeg".getBytes(StandardCharsets.US_ASCII))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, wrongType.statusCode());
        }
    }

}

package cn.org.cast.dianzan.bench.baseline;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A function without a framework, for the cold-start comparison: the event as a JSON map, the
 * response in the shape of API Gateway's payload 2.0. Configured, like the functions, only by the
 * environment variables of template.yaml and Lambda's AWS_REGION and credentials; the DynamoDB
 * client is built as AwsClientFactory builds it (url-connection client, explicit region, default
 * credentials chain, endpoint override where set), once, when Lambda constructs the handler. A
 * baseline of a function that reaches S3 builds its S3 client (and presigner) with {@link #s3Client}
 * and {@link #s3Presigner}, as MediaStorage builds them, sharing the same HTTP client and credentials.
 */
public abstract class BaselineHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Map<String, String> BASE_HEADERS = Map.of(
            "Content-Type", "application/json; charset=utf-8",
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff");

    /** One of each, shared by every client of the handler, as the functions' AwsClientFactory shares its beans. */
    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private final AwsCredentialsProvider credentials = DefaultCredentialsProvider.create();
    private final Region region = Region.of(System.getenv("AWS_REGION"));

    protected final DynamoDbClient dynamo;
    protected final String mainTable = System.getenv("DIANZAN_TABLES_MAIN");
    protected final String campaignId = System.getenv("DIANZAN_CAMPAIGN_ID");

    protected BaselineHandler() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(region)
                .httpClient(http)
                .credentialsProvider(credentials);
        endpoint("DIANZAN_AWS_DYNAMODB_ENDPOINT").ifPresent(builder::endpointOverride);
        dynamo = builder.build();
    }

    /** The S3 client as MediaStorage builds it: path-style addressing, checksums only where required. */
    protected S3Client s3Client() {
        S3ClientBuilder builder = S3Client.builder()
                .region(region)
                .httpClient(http)
                .credentialsProvider(credentials)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        endpoint("DIANZAN_AWS_S3_ENDPOINT").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The presigner as MediaStorage builds it: path-style URLs, signed offline (no HTTP client). */
    protected S3Presigner s3Presigner() {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        endpoint("DIANZAN_AWS_S3_ENDPOINT").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static Optional<URI> endpoint(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(URI.create(value));
    }

    /** One item of the main table by key, read consistently as the repositories read; null if none. */
    protected Map<String, AttributeValue> item(String pk, String sk) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(mainTable)
                .key(Map.of("pk", s(pk), "sk", s(sk))).consistentRead(true));
        return response.hasItem() ? response.item() : null;
    }

    /** CampaignService.current: the stored campaign (a consistent GetItem), or the notice's 2026 campaign written on first use. */
    protected Map<String, AttributeValue> campaign() {
        Map<String, AttributeValue> item = item("CAMPAIGN#" + campaignId, "META");
        if (item != null) {
            return item;
        }
        if (!"2026".equals(campaignId)) {
            throw new IllegalStateException("campaign " + campaignId + " is not set up");
        }
        Map<String, AttributeValue> notice = new HashMap<>(Map.of("pk", s("CAMPAIGN#2026"), "sk", s("META")));
        notice.put("type", s("Campaign"));
        notice.put("id", s("2026"));
        notice.put("name", s("2026年度“典赞·科普中国”科普案例征集"));
        notice.put("registrationOpensAt", s(LocalDate.of(2026, 6, 17).atStartOfDay(ZoneOffset.ofHours(8)).toInstant().toString()));
        notice.put("submissionClosesAt", s(LocalDate.of(2026, 7, 1).atStartOfDay(ZoneOffset.ofHours(8)).toInstant().toString()));
        notice.put("quotaActivityService", AttributeValue.fromN("3"));
        notice.put("quotaVenueBuilding", AttributeValue.fromN("3"));
        notice.put("quotaTotal", AttributeValue.fromN("6"));
        notice.put("version", AttributeValue.fromN("1"));
        notice.put("updatedBy", s("system"));
        putIfAbsent(notice);
        return item("CAMPAIGN#" + campaignId, "META");
    }

    /** A PutItem into the main table with attribute_not_exists(pk); false if the item was there already. */
    protected boolean putIfAbsent(Map<String, AttributeValue> item) {
        try {
            dynamo.putItem(b -> b.tableName(mainTable).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException recorded) {
            return false;
        }
    }

    protected static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** A claim that the API's JWT authorizer verified; null if absent. */
    protected static String claim(Map<String, Object> event, String name) {
        Object node = event;
        for (String key : new String[] {"requestContext", "authorizer", "jwt", "claims", name}) {
            node = node instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return node == null ? null : node.toString();
    }

    /** As a signed-in route of Routes: 401 before any read when the authorizer verified no subject. */
    protected static Map<String, Object> signedIn(Map<String, Object> event, Function<String, Map<String, Object>> route) {
        String subject = claim(event, "sub");
        return subject == null ? error(401, "UNAUTHENTICATED") : route.apply(subject);
    }

    protected static Map<String, Object> error(int status, String code) {
        return response(status, Map.of("error", Map.of("code", code)), Map.of());
    }

    protected static Map<String, Object> response(int status, Object body, Map<String, String> headers) {
        Map<String, String> allHeaders = new LinkedHashMap<>(BASE_HEADERS);
        allHeaders.putAll(headers);
        return Map.of("statusCode", status, "headers", allHeaders, "body", json(body), "isBase64Encoded", false);
    }

    protected static String json(Object value) {
        try {
            return JacksonSerializer.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

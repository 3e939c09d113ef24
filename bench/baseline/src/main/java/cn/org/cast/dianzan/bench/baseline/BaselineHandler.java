package cn.org.cast.dianzan.bench.baseline;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * A function without a framework, for the cold-start comparison: the event as a JSON map, the
 * response in the shape of API Gateway's payload 2.0. Configured, like the functions, only by the
 * environment variables of template.yaml and Lambda's AWS_REGION and credentials; the DynamoDB
 * client is built as AwsClientFactory builds it (url-connection client, explicit region, default
 * credentials chain, endpoint override where set), once, when Lambda constructs the handler.
 */
public abstract class BaselineHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Map<String, String> BASE_HEADERS = Map.of(
            "Content-Type", "application/json; charset=utf-8",
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff");

    protected final DynamoDbClient dynamo;
    protected final String mainTable = System.getenv("DIANZAN_TABLES_MAIN");
    protected final String campaignId = System.getenv("DIANZAN_CAMPAIGN_ID");

    protected BaselineHandler() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(System.getenv("AWS_REGION")))
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(DefaultCredentialsProvider.create());
        String endpoint = System.getenv("DIANZAN_AWS_DYNAMODB_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        dynamo = builder.build();
    }

    /** One item of the main table by key, read consistently as the repositories read; null if none. */
    protected Map<String, AttributeValue> item(String pk, String sk) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(mainTable)
                .key(Map.of("pk", s(pk), "sk", s(sk))).consistentRead(true));
        return response.hasItem() ? response.item() : null;
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

package cn.org.cast.dianzan.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * HTTP API (payload 2.0) events built in tests, in the same shape as the samples of events/ and as
 * API Gateway sends them: verified claims under requestContext.authorizer.jwt.
 */
public final class HttpEvents {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final String method;
    private final String routePath;
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>(Map.of("content-type", "application/json"));
    private final Map<String, String> query = new LinkedHashMap<>();
    private Map<String, String> claims;
    private String body;

    private HttpEvents(String method, String routePath) {
        this.method = method;
        this.routePath = routePath;
    }

    public static HttpEvents request(String method, String routePath) {
        return new HttpEvents(method, routePath);
    }

    public static Map<String, String> admin(String subject) {
        return Map.of("sub", subject, "username", subject, "groups", "[admin]",
                "account_type", "ADMIN");
    }

    public static Map<String, String> recommender(String subject) {
        return Map.of("sub", subject, "username", subject, "account_type", "RECOMMENDER");
    }

    public static Map<String, String> implementer(String subject) {
        return Map.of("sub", subject, "username", subject, "account_type", "IMPLEMENTER");
    }

    public HttpEvents path(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    public HttpEvents header(String name, String value) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }

    public HttpEvents query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public HttpEvents as(Map<String, String> claims) {
        this.claims = claims;
        return this;
    }

    public HttpEvents body(String json) {
        this.body = json;
        return this;
    }

    public APIGatewayV2HTTPEvent build() {
        String rawPath = routePath;
        for (Map.Entry<String, String> p : pathParameters.entrySet()) {
            rawPath = rawPath.replace("{" + p.getKey() + "}", p.getValue());
        }
        Map<String, Object> http = Map.of("method", method, "path", rawPath, "protocol", "HTTP/1.1",
                "sourceIp", "203.0.113.10", "userAgent", "test");
        Map<String, Object> context = new LinkedHashMap<>(Map.of("accountId", "123456789012", "apiId", "test",
                "http", http, "requestId", UUID.randomUUID().toString(), "routeKey", method + " " + routePath,
                "stage", "$default", "timeEpoch", 1781949600000L));
        if (claims != null) {
            context.put("authorizer", Map.of("jwt", Map.of("claims", claims)));
        }
        Map<String, Object> event = new LinkedHashMap<>(Map.of("version", "2.0", "routeKey", method + " " + routePath,
                "rawPath", rawPath, "headers", headers, "requestContext", context, "isBase64Encoded", false));
        if (!pathParameters.isEmpty()) {
            event.put("pathParameters", pathParameters);
        }
        if (!query.isEmpty()) {
            event.put("queryStringParameters", query);
        }
        if (body != null) {
            event.put("body", body);
        }
        try {
            return LambdaEvents.httpFromJson(JSON.writeValueAsString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

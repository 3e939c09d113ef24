package cn.org.cast.dianzan.notify;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;

/**
 * One AWS service endpoint reached with SigV4-signed JSON requests, made with the SDK's own signer,
 * credentials and HTTP client but without the service's SDK module (the BOM's 2.31.66 of sesv2 and kms
 * is not served to this build). Both JSON protocols AWS uses:
 * <ul>
 *   <li>REST-JSON ({@link #restJson}): the operation is the method and path, e.g. SES v2
 *       {@code POST /v2/email/outbound-emails};</li>
 *   <li>JSON 1.1 ({@link #json11}): {@code POST /} with the operation in {@code X-Amz-Target}, e.g.
 *       {@code secretsmanager.GetSecretValue}, {@code TrentService.Sign}.</li>
 * </ul>
 * An error answer becomes an {@link AwsCallException} carrying AWS's error type. No retries: a caller
 * that can repeat its operation safely decides that itself (SendEmail, for one, is not idempotent).
 */
public final class AwsJsonEndpoint {

    public static final String REST_JSON = "application/json";
    public static final String JSON_1_1 = "application/x-amz-json-1.1";

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();
    private static final String USER_AGENT = "dianzan-notify";
    private static final byte[] EMPTY_OBJECT = {'{', '}'};

    private final URI endpoint;
    private final String signingName;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final JsonMapper json;
    private final Clock clock;

    /**
     * @param endpoint    the service's base URI: {@link #endpointFor} in AWS, a local stand-in in tests
     * @param signingName the name the service signs under ({@code ses}, {@code secretsmanager}, {@code kms})
     */
    public AwsJsonEndpoint(URI endpoint, String signingName, Region region, AwsCredentialsProvider credentials,
                           SdkHttpClient http, JsonMapper json, Clock clock) {
        this.endpoint = endpoint;
        this.signingName = signingName;
        this.region = region;
        this.credentials = credentials;
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The service's endpoint in a region, from the SDK's own metadata: {@code https://kms.cn-north-1.amazonaws.com.cn}
     * in the China regions, {@code https://email.eu-central-1.amazonaws.com} for SES (prefix {@code email}).
     */
    public static URI endpointFor(String endpointPrefix, Region region) {
        return URI.create("https://" + ServiceMetadata.of(endpointPrefix).endpointFor(region));
    }

    /**
     * A REST-JSON operation. {@code body} is serialized by the JSON mapper (a map or a serdeable
     * record; null for none); the answer is read as {@code responseType} ({@code Void} to ignore it).
     */
    public <T> T restJson(SdkHttpMethod method, String path, Object body, Class<T> responseType) {
        return exchange(method, path, Map.of(), REST_JSON, body, responseType, method + " " + path);
    }

    /** A JSON 1.1 operation, {@code target} as {@code Service.Operation} (e.g. {@code TrentService.GetPublicKey}). */
    public <T> T json11(String target, Object body, Class<T> responseType) {
        return exchange(SdkHttpMethod.POST, "/", Map.of("X-Amz-Target", target), JSON_1_1,
                body == null ? Map.of() : body, responseType, target);
    }

    private <T> T exchange(SdkHttpMethod method, String path, Map<String, String> headers, String contentType,
                           Object body, Class<T> responseType, String operation) {
        byte[] payload = body == null ? new byte[0] : write(body);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(method)
                .uri(URI.create(stripTrailingSlash(endpoint.toString()) + path))
                .putHeader("Content-Type", contentType)
                .putHeader("Accept", "application/json")
                .putHeader("User-Agent", USER_AGENT)
                .putHeader("Content-Length", Integer.toString(payload.length));
        headers.forEach(request::putHeader);
        SignedRequest signed = sign(request.build(), payload, operation);
        HttpExecuteResponse response;
        byte[] answer;
        try {
            response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            answer = readBody(response);
        } catch (IOException e) {
            throw new AwsCallException(signingName + " " + operation, 0, e.getClass().getSimpleName(), e.getMessage());
        }
        int status = response.httpResponse().statusCode();
        if (status / 100 != 2) {
            throw error(operation, status, response.httpResponse().firstMatchingHeader("x-amzn-ErrorType"), answer);
        }
        if (responseType == Void.class) {
            return null;
        }
        return read(answer.length == 0 ? EMPTY_OBJECT : answer, responseType, operation, status);
    }

    private SignedRequest sign(SdkHttpRequest request, byte[] payload, String operation) {
        AwsCredentials identity;
        try {
            identity = credentials.resolveCredentials();
        } catch (SdkClientException e) {
            throw new AwsCallException(signingName + " " + operation, 0, "CredentialsUnavailable", e.getMessage());
        }
        return SIGNER.sign(r -> r.identity(identity)
                .request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(payload))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id())
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    }

    /**
     * AWS's error: the type from {@code x-amzn-ErrorType} (REST-JSON) or the body's {@code __type}
     * (JSON 1.1), either possibly namespaced ({@code com.amazonaws.kms#NotFoundException},
     * {@code MessageRejected:http://internal.amazon.com/coral/...}); the text from {@code message} or
     * {@code Message}. A body that is not JSON (a proxy's HTML page) still gives the status.
     */
    private AwsCallException error(String operation, int status, Optional<String> typeHeader, byte[] answer) {
        Optional<JsonNode> body = tree(answer);
        String type = typeHeader
                .or(() -> body.flatMap(b -> text(b, "__type")))
                .or(() -> body.flatMap(b -> text(b, "code")))
                .map(AwsJsonEndpoint::bareErrorType)
                .orElse(status >= 500 ? "ServiceUnavailable" : "UnknownError");
        String message = body.flatMap(b -> text(b, "message")).or(() -> body.flatMap(b -> text(b, "Message"))).orElse(null);
        return new AwsCallException(signingName + " " + operation, status, type, message);
    }

    static String bareErrorType(String raw) {
        String type = raw.strip();
        int colon = type.indexOf(':');
        if (colon >= 0) {
            type = type.substring(0, colon);
        }
        int hash = type.lastIndexOf('#');
        return hash >= 0 ? type.substring(hash + 1) : type;
    }

    private Optional<JsonNode> tree(byte[] answer) {
        try {
            return Optional.ofNullable(json.readValue(answer, Argument.of(JsonNode.class)))
                    .filter(JsonNode::isObject);
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? Optional.of(value.getStringValue()) : Optional.empty();
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(byte[] answer, Class<T> type, String operation, int status) {
        try {
            return json.readValue(answer, Argument.of(type));
        } catch (IOException e) {
            throw new AwsCallException(signingName + " " + operation, status, "UnreadableResponse",
                    "cannot read the answer as " + type.getSimpleName());
        }
    }

    private static byte[] readBody(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = response.responseBody().get()) {
            return in.readAllBytes();
        }
    }

    private static String stripTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    @Override
    public String toString() {
        return signingName + " at " + endpoint + " in " + region.id();
    }
}

package cn.org.cast.dianzan.lambda.http;

import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.core.FieldError;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where results and failures become HTTP responses. */
@Singleton
public class ApiResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ApiResponses.class);
    private static final Map<String, String> BASE_HEADERS = Map.of(
            "Content-Type", "application/json; charset=utf-8",
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff");

    @Serdeable
    public record ErrorBody(ErrorDetail error) {
    }

    @Serdeable
    public record ErrorDetail(String code, String message, List<FieldError> fields, Map<String, Object> details,
                              String requestId) {
    }

    private final JsonMapper json;

    public ApiResponses(JsonMapper json) {
        this.json = json;
    }

    public JsonMapper json() {
        return json;
    }

    /** Runs a handler's route and maps whatever it returns or throws. */
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Function<ApiRequest, ApiResponse> route) {
        ApiRequest request = null;
        try {
            request = ApiRequest.of(event);
            return toHttp(route.apply(request));
        } catch (DomainException e) {
            return error(e, request == null ? null : request.requestId());
        } catch (RuntimeException e) {
            // The route key and request id only: bodies and claims may hold personal data.
            LOG.error("Unhandled failure on {} (request {}): {}", event.getRouteKey(),
                    request == null ? null : request.requestId(), e.getClass().getName(), e);
            return error(new DomainException(Failure.INTERNAL_ERROR), request == null ? null : request.requestId());
        }
    }

    public APIGatewayV2HTTPResponse toHttp(ApiResponse response) {
        Map<String, String> headers = new HashMap<>(BASE_HEADERS);
        headers.putAll(response.headers());
        String body;
        if (response.body() instanceof ApiResponse.TextBody text) {
            headers.put("Content-Type", text.contentType());
            body = text.text();
        } else {
            body = response.body() == null ? null : write(response.body());
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    public APIGatewayV2HTTPResponse error(DomainException e, String requestId) {
        ErrorDetail detail = new ErrorDetail(e.code().name(), e.userMessage(), e.fields(), e.details(), requestId);
        Object retryAfter = e.details().get("retryAfterSeconds");
        Map<String, String> headers = retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter.toString());
        return toHttp(new ApiResponse(HttpStatuses.of(e.code()), new ErrorBody(detail), headers));
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package cn.org.cast.dianzan.lambda.http;

import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.core.DomainException;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An HTTP API (payload 2.0) request as a handler needs it: route, parameters, headers, body, caller. */
public record ApiRequest(String routeKey, Map<String, String> pathParameters, Map<String, String> headers,
                         Map<String, String> query, String body, Caller caller, String requestId) {

    public static ApiRequest of(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        Map<String, String> claims = context == null || context.getAuthorizer() == null
                || context.getAuthorizer().getJwt() == null ? Map.of() : context.getAuthorizer().getJwt().getClaims();
        String body = event.getBody();
        if (body != null && event.getIsBase64Encoded()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new java.util.HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }
        return new ApiRequest(
                event.getRouteKey(),
                event.getPathParameters() == null ? Map.of() : Map.copyOf(event.getPathParameters()),
                Map.copyOf(headers),
                event.getQueryStringParameters() == null ? Map.of() : Map.copyOf(event.getQueryStringParameters()),
                body,
                Caller.fromClaims(claims),
                context == null ? null : context.getRequestId());
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The version named by {@code If-Match} ({@code "3"}, {@code 3} or {@code W/"3"}), if sent.
     * A value that is not a version is a client error, not a silent overwrite.
     */
    public Optional<Long> ifMatchVersion() {
        return header("If-Match").map(value -> {
            String digits = value.strip().replaceFirst("^W/", "").replace("\"", "");
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw DomainException.invalid("If-Match", "INVALID_VERSION", "If-Match 须为内容的版本号");
            }
        });
    }
}

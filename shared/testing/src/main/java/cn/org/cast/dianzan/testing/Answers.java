package cn.org.cast.dianzan.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reading a function's HTTP answer in tests: its JSON body, its error code and failing fields. */
public final class Answers {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private Answers() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> body(APIGatewayV2HTTPResponse response) {
        try {
            return JSON.readValue(response.getBody(), Map.class);
        } catch (IOException e) {
            throw new AssertionError(response.getBody(), e);
        }
    }

    /** The {@code items} of a list answer. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> items(APIGatewayV2HTTPResponse response) {
        return (List<Map<String, Object>>) body(response).get("items");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> error(APIGatewayV2HTTPResponse response) {
        return (Map<String, Object>) body(response).get("error");
    }

    public static String errorCode(APIGatewayV2HTTPResponse response) {
        return (String) error(response).get("code");
    }

    /** The failing fields as {@code field:CODE}. */
    @SuppressWarnings("unchecked")
    public static Set<String> fieldCodes(APIGatewayV2HTTPResponse response) {
        return ((List<Map<String, Object>>) error(response).get("fields")).stream()
                .map(f -> f.get("field") + ":" + f.get("code")).collect(Collectors.toSet());
    }

    /** The answer has this status, and this error code where one is given (a sample event's expectation). */
    public static void assertAnswer(APIGatewayV2HTTPResponse response, int status, String code) {
        if (response.getStatusCode() != status || (code != null && !code.equals(errorCode(response)))) {
            throw new AssertionError("expected " + status + (code == null ? "" : " " + code) + " but got "
                    + response.getStatusCode() + ": " + response.getBody());
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.org.cast.dianzan.lambda.http;

import java.util.Map;

/** What a handler answers: a status, a body to serialize as JSON (or none) and extra headers. */
public record ApiResponse(int status, Object body, Map<String, String> headers) {

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, Map.of());
    }

    public static ApiResponse created(Object body) {
        return new ApiResponse(201, body, Map.of());
    }

    /** Taken on, to finish elsewhere: a code was mailed, an invitation sent. */
    public static ApiResponse accepted(Object body) {
        return new ApiResponse(202, body, Map.of());
    }

    /** A body sent as it is, not as JSON: a CSV export, say. */
    public record TextBody(String contentType, String text) {
    }

    public static ApiResponse text(String contentType, String text, Map<String, String> headers) {
        return new ApiResponse(200, new TextBody(contentType, text), headers);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, Map.of());
    }

    /** The version as a strong ETag, for the client's next {@code If-Match}. */
    public ApiResponse withVersion(long version) {
        return withHeader("ETag", "\"" + version + "\"");
    }

    public ApiResponse withHeader(String name, String value) {
        java.util.HashMap<String, String> all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return new ApiResponse(status, body, Map.copyOf(all));
    }
}

package cn.org.cast.dianzan.api;

import java.util.List;
import java.util.Map;

/** A failure the caller can act on; nothing was changed when it is thrown. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String userMessage;
    private final List<FieldError> fields;
    private final Map<String, Object> details;

    public ApiException(ErrorCode code) {
        this(code, code.message(), List.of(), Map.of());
    }

    public ApiException(ErrorCode code, String userMessage, List<FieldError> fields, Map<String, Object> details) {
        super(code.name(), null, false, false);
        this.code = code;
        this.userMessage = userMessage;
        this.fields = List.copyOf(fields);
        this.details = Map.copyOf(details);
    }

    public static ApiException validation(List<FieldError> fields) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, ErrorCode.VALIDATION_FAILED.message(), fields, Map.of());
    }

    public static ApiException invalid(String field, String code, String message) {
        return validation(List.of(new FieldError(field, code, message)));
    }

    public static ApiException versionConflict(long currentVersion) {
        return new ApiException(ErrorCode.VERSION_CONFLICT, ErrorCode.VERSION_CONFLICT.message(), List.of(),
                Map.of("currentVersion", currentVersion));
    }

    public ErrorCode code() {
        return code;
    }

    public String userMessage() {
        return userMessage;
    }

    public List<FieldError> fields() {
        return fields;
    }

    public Map<String, Object> details() {
        return details;
    }
}

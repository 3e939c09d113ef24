package cn.org.cast.dianzan.core;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on; nothing was changed when it is thrown, except where the failure
 * says so (a refused upload's object is deleted: {@link Failure#FILE_REJECTED}).
 */
public class DomainException extends RuntimeException {

    private final Failure code;
    private final String userMessage;
    private final List<FieldError> fields;
    private final Map<String, Object> details;

    public DomainException(Failure code) {
        this(code, code.message(), List.of(), Map.of());
    }

    public DomainException(Failure code, String userMessage, List<FieldError> fields, Map<String, Object> details) {
        super(code.name(), null, false, false);
        this.code = code;
        this.userMessage = userMessage;
        this.fields = List.copyOf(fields);
        this.details = Map.copyOf(details);
    }

    public static DomainException validation(List<FieldError> fields) {
        return new DomainException(Failure.VALIDATION_FAILED, Failure.VALIDATION_FAILED.message(), fields, Map.of());
    }

    public static DomainException invalid(String field, String code, String message) {
        return validation(List.of(new FieldError(field, code, message)));
    }

    public static DomainException versionConflict(long currentVersion) {
        return new DomainException(Failure.VERSION_CONFLICT, Failure.VERSION_CONFLICT.message(), List.of(),
                Map.of("currentVersion", currentVersion));
    }

    public Failure code() {
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

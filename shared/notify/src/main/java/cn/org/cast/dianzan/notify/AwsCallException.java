package cn.org.cast.dianzan.notify;

/**
 * An AWS service answered a signed JSON call with an error, or did not answer. {@link #errorType()} is
 * AWS's error code without its namespace ({@code MessageRejected}, {@code ResourceNotFoundException},
 * {@code ThrottlingException}); {@link #statusCode()} is 0 when no response came (the type is then the
 * I/O failure's class). The message has addresses masked: AWS quotes them (SES names unverified identities).
 */
public class AwsCallException extends RuntimeException {

    private final String service;
    private final int statusCode;
    private final String errorType;

    public AwsCallException(String service, int statusCode, String errorType, String message) {
        super(service + " " + (statusCode == 0 ? "unreachable" : "HTTP " + statusCode) + " " + errorType
                + (message == null || message.isBlank() ? "" : ": " + Masked.emailsIn(message)));
        this.service = service;
        this.statusCode = statusCode;
        this.errorType = errorType;
    }

    public String service() {
        return service;
    }

    public int statusCode() {
        return statusCode;
    }

    public String errorType() {
        return errorType;
    }
}

package cn.org.cast.dianzan.lambda.http;

import cn.org.cast.dianzan.core.Failure;

/**
 * The one table from a domain failure to its HTTP status. The switch is exhaustive: a failure
 * added to the domain does not compile until it has a status here.
 */
public final class HttpStatuses {

    private HttpStatuses() {
    }

    public static int of(Failure failure) {
        return switch (failure) {
            case INVALID_JSON, VALIDATION_FAILED, CODE_MALFORMED, CODE_CHECK_FAILED, CASE_INCOMPLETE,
                    IDEMPOTENCY_KEY_REQUIRED, VERIFICATION_CODE_INVALID -> 400;
            case UNAUTHENTICATED, INVALID_CREDENTIALS, TOTP_REQUIRED, TOTP_INVALID, REFRESH_TOKEN_INVALID,
                    REFRESH_TOKEN_REUSED -> 401;
            case ADMIN_ONLY, WRONG_ACCOUNT_TYPE, NOT_JOINED, MEMBERSHIP_DETACHED, CASE_READ_ONLY, CAMPAIGN_NOT_OPEN,
                    CAMPAIGN_CLOSED -> 403;
            case NOT_FOUND, CODE_NOT_FOUND, UNIT_NOT_BOUND, MEMBER_NOT_FOUND, ROUTE_NOT_FOUND, PERSON_NOT_FOUND -> 404;
            case VERSION_CONFLICT, CODE_REVOKED, CODE_ALREADY_BOUND, CODE_NOT_BOUND, CODE_ALREADY_REPLACED,
                    ACCOUNT_ALREADY_BOUND, CASE_NOT_EDITABLE, CASE_NOT_DRAFT, CASE_HAS_FILES, SELECTED_IN_2025, TOO_MANY_FILES,
                    UPLOAD_ALREADY_COMPLETED, UPLOAD_NOT_RECEIVED, CASE_NOT_SUBMITTED, CASE_NOT_APPROVED,
                    CASE_ALREADY_RECOMMENDED, CASE_NOT_RECOMMENDED, CASE_RECOMMENDED, QUOTA_EXCEEDED, SWAP_NOT_SAME_CATEGORY,
                    QUOTA_BELOW_RECOMMENDED, NOTHING_RECOMMENDED, SUMMARY_NOT_GENERATED, SUMMARY_STALE,
                    SCAN_OF_OTHER_SHEET, EMAIL_ALREADY_REGISTERED, CONTACT_PERSON, TOO_MANY_MEMBERS -> 409;
            case VERIFICATION_CODE_EXPIRED -> 410;
            case PAYLOAD_TOO_LARGE -> 413;
            case IDEMPOTENCY_KEY_REUSED, FILE_REJECTED, SCAN_PAGES_MISMATCH -> 422;
            case ACCOUNT_LOCKED -> 423;
            case PRECONDITION_REQUIRED -> 428;
            case TOO_MANY_CODE_ATTEMPTS, TOO_MANY_UPLOADS, TOO_MANY_CODES -> 429;
            case INTERNAL_ERROR -> 500;
        };
    }
}

package cn.org.cast.dianzan.codes;

import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The query of an admin's code list: {@code ?status=BOUND&limit=50&cursor=…}, each checked. */
public record CodeListQuery(CodeStatus status, int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static CodeListQuery from(Map<String, String> query) {
        List<FieldError> errors = new ArrayList<>();
        CodeStatus status = null;
        String statusText = query.get("status");
        if (statusText != null && !statusText.isBlank()) {
            try {
                status = CodeStatus.valueOf(statusText.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "UNKNOWN_VALUE", "状态须为 ISSUED（待绑定）、BOUND（已绑定）或 REVOKED（已作废）"));
            }
        }
        int limit = DEFAULT_LIMIT;
        String limitText = query.get("limit");
        if (limitText != null && !limitText.isBlank()) {
            try {
                limit = Integer.parseInt(limitText.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                errors.add(new FieldError("limit", "OUT_OF_RANGE", "每页条数须在1到" + MAX_LIMIT + "之间"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.validation(errors);
        }
        String cursor = query.get("cursor");
        return new CodeListQuery(status, limit, cursor == null || cursor.isBlank() ? null : cursor.strip());
    }
}

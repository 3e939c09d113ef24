package cn.org.cast.dianzan.api;

/**
 * Every failure a caller can act on: one stable English code, one HTTP status and the Chinese
 * message shown to the user. Mapped to a response in one place, {@link ApiResponses}.
 */
public enum ErrorCode {
    INVALID_JSON(400, "请求内容不是有效的JSON"),
    VALIDATION_FAILED(400, "提交的信息有误，请按提示修改"),
    UNAUTHENTICATED(401, "请先登录"),
    ADMIN_ONLY(403, "仅管理员可以执行此操作"),
    NOT_FOUND(404, "请求的内容不存在"),
    VERSION_CONFLICT(409, "内容已被他人修改，请刷新后再试"),
    INTERNAL_ERROR(500, "系统繁忙，请稍后再试");

    private final int status;
    private final String message;

    ErrorCode(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }
}

package cn.org.cast.dianzan.core;

/**
 * Every failure a caller can act on: one stable English code and the Chinese message shown to the
 * user. The domain names the failure; each kind of adapter decides what it means for its caller
 * (the HTTP adapter maps each to a status in one table).
 */
public enum Failure {
    INVALID_JSON("请求内容不是有效的JSON"),
    VALIDATION_FAILED("提交的信息有误，请按提示修改"),
    CODE_MALFORMED("推荐码格式不正确，应为15位字母和数字"),
    CODE_CHECK_FAILED("推荐码校验位错误，请核对后重新输入"),
    CASE_INCOMPLETE("案例信息不完整，请按提示补充后再提交"),
    IDEMPOTENCY_KEY_REQUIRED("新建案例须带 Idempotency-Key 请求头（8到128位字母、数字、- 或 _）"),
    UNAUTHENTICATED("请先登录"),
    ADMIN_ONLY("仅管理员可以执行此操作"),
    WRONG_ACCOUNT_TYPE("当前账号类型不能执行此操作"),
    NOT_JOINED("请先绑定推荐码，或凭推荐码加入推荐单位"),
    MEMBERSHIP_DETACHED("您已被推荐单位移出，原有案例仅可查看"),
    CASE_READ_ONLY("您只能查看该案例，不能修改"),
    CAMPAIGN_NOT_OPEN("征集尚未开始"),
    CAMPAIGN_CLOSED("征集已截止"),
    NOT_FOUND("请求的内容不存在"),
    CODE_NOT_FOUND("推荐码不存在，请核对后重新输入"),
    UNIT_NOT_BOUND("当前账号尚未绑定推荐码"),
    MEMBER_NOT_FOUND("该实施单位不在本单位名下"),
    /** A request the function declares no route for: distinct from a missing resource, so neither hides the other. */
    ROUTE_NOT_FOUND("不支持的请求"),
    VERSION_CONFLICT("内容已被他人修改，请刷新后再试"),
    CODE_REVOKED("该推荐码已作废，请联系管理员获取新的推荐码"),
    CODE_ALREADY_BOUND("该推荐码已被其他单位绑定，一个推荐码只能绑定一个单位"),
    CODE_NOT_BOUND("该推荐码尚未被推荐单位绑定，暂不能加入"),
    CODE_ALREADY_REPLACED("该推荐码已重新发放过"),
    ACCOUNT_ALREADY_BOUND("当前账号在本次征集中已绑定推荐码或已加入推荐单位"),
    CASE_NOT_EDITABLE("推荐单位已处理该案例，不能再修改"),
    CASE_NOT_DRAFT("只能删除草稿状态的案例"),
    CASE_HAS_FILES("请先删除该案例已上传的文件，再删除草稿"),
    SELECTED_IN_2025("2025年已入选的案例不再重复提交"),
    TOO_MANY_FILES("该类文件已达上限"),
    UPLOAD_ALREADY_COMPLETED("该文件已上传完成"),
    UPLOAD_NOT_RECEIVED("尚未收到上传的文件，请先上传再确认"),
    FILE_REJECTED("上传的文件不符合要求，已删除，请重新上传"),
    CASE_NOT_SUBMITTED("只能审核已提交推荐单位的案例"),
    CASE_NOT_APPROVED("只能推荐审核通过的案例"),
    CASE_ALREADY_RECOMMENDED("该案例已推荐"),
    CASE_NOT_RECOMMENDED("该案例尚未推荐"),
    CASE_RECOMMENDED("该案例已推荐，请先撤回推荐"),
    QUOTA_EXCEEDED("推荐名额已满"),
    SWAP_NOT_SAME_CATEGORY("只能替换同一类别中已推荐的案例"),
    QUOTA_BELOW_RECOMMENDED("限额不能低于推荐单位已推荐的数量"),
    NOTHING_RECOMMENDED("尚未推荐任何案例，不能生成汇总表"),
    SUMMARY_NOT_GENERATED("请先生成汇总表，打印盖章后再上传扫描件"),
    SUMMARY_STALE("汇总表生成后推荐名单或案例内容已变更，请重新生成汇总表，盖章后上传"),
    SCAN_OF_OTHER_SHEET("扫描件不是本单位当前的汇总表"),
    SCAN_PAGES_MISMATCH("扫描件的页数与汇总表不符，请扫描汇总表的全部页面"),
    IDEMPOTENCY_KEY_REUSED("该 Idempotency-Key 已用于内容不同的另一次新建"),
    PRECONDITION_REQUIRED("修改须带 If-Match 请求头，值为您最后看到的版本号"),
    TOO_MANY_CODE_ATTEMPTS("推荐码输入错误次数过多，请稍后再试"),
    TOO_MANY_UPLOADS("申请上传过于频繁，请稍后再试"),
    PAYLOAD_TOO_LARGE("请求内容过大，不能超过10MB"),
    INVALID_CREDENTIALS("邮箱或密码不正确（如刚注册，请先完成邮箱验证）"),
    ACCOUNT_LOCKED("登录失败次数过多，账号已暂时锁定，请稍后再试或重置密码"),
    TOTP_REQUIRED("管理员登录须输入身份验证器上的6位动态码"),
    TOTP_INVALID("动态码不正确或已使用，请输入身份验证器上当前的6位动态码"),
    VERIFICATION_CODE_INVALID("验证码不正确，请核对邮件中的6位验证码"),
    VERIFICATION_CODE_EXPIRED("验证码已失效，请重新获取"),
    TOO_MANY_CODES("验证码发送过于频繁，请稍后再试"),
    REFRESH_TOKEN_INVALID("登录已失效，请重新登录"),
    REFRESH_TOKEN_REUSED("该登录凭据已被使用过，为安全起见已结束这次登录，请重新登录"),
    EMAIL_ALREADY_REGISTERED("该邮箱已注册账号，请直接登录或找回密码"),
    PERSON_NOT_FOUND("该成员不在本账号下"),
    CONTACT_PERSON("该成员是单位联系人，请先把联系人移交给其他成员"),
    TOO_MANY_MEMBERS("本账号的成员已达上限"),
    INTERNAL_ERROR("系统繁忙，请稍后再试");

    private final String message;

    Failure(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}

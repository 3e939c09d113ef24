package cn.org.cast.dianzan.cases;

import cn.org.cast.dianzan.campaign.Category;
import cn.org.cast.dianzan.core.FieldError;
import cn.org.cast.dianzan.core.Form;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The case information form (案例信息表) of the notice's attachment. A draft may leave anything
 * out, but what it holds must already be valid; {@link #missingForSubmission} says what a submission
 * still needs. Text is stored as typed, trimmed; it is data, escaped wherever it is shown.
 */
@Serdeable
public record CaseForm(String name, String implementingUnit, String address, String contactName, String contactTitle,
                       String phone, String email, Category category, Subtype subtype, String otherSubtype,
                       String summary, List<MediaReport> mediaReports, List<Award> awards, String detail,
                       LocalDate startedOn, LocalDate endedOn) {

    public static final int NAME_MAX = 20;
    public static final int SUMMARY_MAX = 500;
    public static final int DETAIL_MAX = 3000;
    public static final int MEDIA_REPORTS_MAX = 3;
    public static final int AWARDS_MAX = 10;
    public static final int OTHER_SUBTYPE_MAX = 20;
    public static final LocalDate EARLIEST_START = LocalDate.of(2025, 1, 1);
    public static final List<String> DETAIL_OUTLINE = List.of("一、实施、应用及推广情况", "二、成效与创新亮点", "三、经验及思考");

    /** 媒体报道: a title and an http(s) link. */
    @Serdeable
    public record MediaReport(String title, String url) {
    }

    /** 获奖情况: the award, its level and year; the proof file is attached through media upload. */
    @Serdeable
    public record Award(String name, AwardLevel level, Integer year) {
    }

    public CaseForm {
        mediaReports = mediaReports == null ? List.of() : List.copyOf(mediaReports);
        awards = awards == null ? List.of() : List.copyOf(awards);
    }

    /** Reads a (draft) form: every field optional, every field sent checked; all problems thrown at once. */
    public static CaseForm read(Form f) {
        String name = f.optional("name", k -> f.text(k, "案例名称", NAME_MAX));
        String unit = f.optional("implementingUnit", k -> f.text(k, "实施单位", 100));
        String address = f.optional("address", k -> f.text(k, "单位地址", 200));
        String contact = f.optional("contactName", k -> f.text(k, "联系人", 50));
        String title = f.optional("contactTitle", k -> f.text(k, "职务/职称", 50));
        String phone = f.optional("phone", k -> f.phone(k, "联系电话"));
        String email = f.optional("email", k -> f.email(k, "电子邮箱"));
        Category category = f.optional("category", k -> f.choice(k, "所属类别", Category.class, Category::label));
        Subtype subtype = f.optional("subtype", k -> f.choice(k, "类别细项", Subtype.class, Subtype::label));
        String other = f.optional("otherSubtype", k -> f.text(k, "其他类别说明", OTHER_SUBTYPE_MAX));
        if (subtype != null && category == null && !f.hasErrorOn("category")) {
            f.error("category", "REQUIRED", "选择类别细项前须先选择所属类别");
        }
        if (subtype != null && category != null && !subtype.belongsTo(category)) {
            f.error("subtype", "SUBTYPE_NOT_IN_CATEGORY", "“" + subtype.label() + "”不属于“" + category.label() + "”");
        }
        if (subtype == Subtype.OTHER && other == null && !f.hasErrorOn("otherSubtype")) {
            f.error("otherSubtype", "REQUIRED", "选择“其他”时须填写具体类别");
        }
        String summary = f.optional("summary", k -> f.multilineText(k, "简要概述", SUMMARY_MAX));
        List<MediaReport> reports = new ArrayList<>();
        for (Form r : f.optionalObjects("mediaReports", "媒体报道", MEDIA_REPORTS_MAX)) {
            reports.add(new MediaReport(r.text("title", "报道标题", 100), r.webLink("url", "报道链接")));
        }
        List<Award> awards = new ArrayList<>();
        for (Form a : f.optionalObjects("awards", "获奖情况", AWARDS_MAX)) {
            awards.add(new Award(a.text("name", "奖项名称", 100),
                    a.choice("level", "奖项级别", AwardLevel.class, AwardLevel::label),
                    a.integer("year", "获奖年份", 1950, 2100)));
        }
        String detail = f.optional("detail", k -> f.multilineText(k, "详细材料", DETAIL_MAX));
        LocalDate startedOn = f.optional("startedOn", k -> f.date(k, "开始日期"));
        LocalDate endedOn = f.optional("endedOn", k -> f.date(k, "结束日期"));
        if (startedOn != null && startedOn.isBefore(EARLIEST_START)) {
            f.error("startedOn", "BEFORE_2025", "案例须为2025年1月1日以来开展的工作");
        }
        if (startedOn != null && endedOn != null && endedOn.isBefore(startedOn)) {
            f.error("endedOn", "END_BEFORE_START", "结束日期不能早于开始日期");
        }
        f.throwIfInvalid();
        return new CaseForm(name, unit, address, contact, title, phone, email, category, subtype,
                subtype == Subtype.OTHER ? other : null, summary, reports, awards, detail, startedOn, endedOn);
    }

    /** What a submission still needs, every item at once; {@code today} is China's calendar day. */
    public List<FieldError> missingForSubmission(LocalDate today) {
        List<FieldError> missing = new ArrayList<>();
        require(missing, name, "name", "案例名称");
        require(missing, implementingUnit, "implementingUnit", "实施单位");
        require(missing, address, "address", "单位地址");
        require(missing, contactName, "contactName", "联系人");
        require(missing, contactTitle, "contactTitle", "职务/职称");
        require(missing, phone, "phone", "联系电话");
        require(missing, email, "email", "电子邮箱");
        require(missing, category, "category", "所属类别");
        require(missing, subtype, "subtype", "类别细项");
        require(missing, summary, "summary", "简要概述");
        require(missing, detail, "detail", "详细材料");
        require(missing, startedOn, "startedOn", "开始日期");
        if (startedOn != null && startedOn.isAfter(today)) {
            missing.add(new FieldError("startedOn", "DATE_IN_FUTURE", "开始日期不能晚于提交当天"));
        }
        if (endedOn != null && endedOn.isAfter(today)) {
            missing.add(new FieldError("endedOn", "DATE_IN_FUTURE", "结束日期不能晚于提交当天"));
        }
        for (int i = 0; i < awards.size(); i++) {
            Integer year = awards.get(i).year();
            if (year != null && year > today.getYear()) {
                missing.add(new FieldError("awards[" + i + "].year", "DATE_IN_FUTURE", "获奖年份不能晚于今年"));
            }
        }
        return missing;
    }

    private static void require(List<FieldError> missing, Object value, String field, String label) {
        if (value == null) {
            missing.add(new FieldError(field, "REQUIRED", label + "为必填项"));
        }
    }
}

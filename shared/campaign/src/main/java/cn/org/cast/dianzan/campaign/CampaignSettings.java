package cn.org.cast.dianzan.campaign;

import cn.org.cast.dianzan.core.Form;
import java.time.Instant;

/** What an admin sets on a campaign, validated as a whole: every problem is reported at once. */
public record CampaignSettings(String name, Instant registrationOpensAt, Instant submissionClosesAt, Quotas quotas) {

    public static final int NAME_MAX = 50;

    public static CampaignSettings from(Form fields) {
        String name = fields.text("name", "活动名称", NAME_MAX);
        Instant opens = fields.instant("registrationOpensAt", "注册开始时间");
        Instant closes = fields.instant("submissionClosesAt", "提交截止时间");
        Form quotaFields = fields.object("quotas", "推荐限额");
        Integer activity = quotaFields.integer("activityService", "科普活动服务类限额", Quotas.MIN, Quotas.MAX);
        Integer venue = quotaFields.integer("venueBuilding", "科普阵地建设类限额", Quotas.MIN, Quotas.MAX);
        Integer total = quotaFields.integer("total", "推荐总数限额", Quotas.MIN, Quotas.MAX);
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            fields.error("submissionClosesAt", "DEADLINE_NOT_AFTER_OPENING", "提交截止时间必须晚于注册开始时间");
        }
        fields.throwIfInvalid();
        return new CampaignSettings(name, opens, closes, new Quotas(activity, venue, total));
    }
}

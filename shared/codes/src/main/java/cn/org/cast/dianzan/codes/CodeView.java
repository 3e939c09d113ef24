package cn.org.cast.dianzan.codes;

import cn.org.cast.dianzan.campaign.ChinaTime;
import io.micronaut.serde.annotation.Serdeable;

/** A code as an admin sees it in lists and exports; times in China time. */
@Serdeable
public record CodeView(String code, CodeStatus status, String statusLabel, String intendedUnitName, UnitType unitType,
                       String unitTypeLabel, String province, String issuedAt, String boundUnitName, String boundAt,
                       String replaces, String replacedBy, long version) {

    public static CodeView of(IssuedCode c) {
        return new CodeView(c.code().display(), c.status(), c.status().label(), c.intended().name(), c.intended().type(),
                c.intended().type().label(), c.intended().province(), ChinaTime.format(c.issuedAt()), c.boundUnitName(),
                c.boundAt() == null ? null : ChinaTime.format(c.boundAt()), display(c.replaces()), display(c.replacedBy()),
                c.version());
    }

    private static String display(String code) {
        return code == null ? null : new RecommendationCode(code).display();
    }
}

package cn.org.cast.dianzan.codes;

import cn.org.cast.dianzan.campaign.ChinaTime;
import io.micronaut.serde.annotation.Serdeable;

/** What clients see of units, members and their own account. */
public final class UnitViews {

    private UnitViews() {
    }

    /** A unit as its owner (and admins) see it, contact details included. */
    @Serdeable
    public record UnitView(String unitId, String code, String unitName, String address, String contactName,
                           String contactTitle, String phone, String email, UnitType unitType, String unitTypeLabel,
                           String province, String registeredAt) {

        public static UnitView of(Unit u) {
            return new UnitView(u.unitId(), new RecommendationCode(u.code()).display(), u.info().unitName(),
                    u.info().address(), u.info().contactName(), u.info().contactTitle(), u.info().phone(),
                    u.info().email(), u.type(), u.type().label(), u.province(), ChinaTime.format(u.registeredAt()));
        }
    }

    /** An implementing unit's account as its recommending unit sees it. */
    @Serdeable
    public record MemberView(String memberId, String organization, String username, Membership.Status status,
                             String joinedAt, String detachedAt) {

        public static MemberView of(Membership m) {
            return new MemberView(m.memberSubject(), m.organization(), m.username(), m.status(),
                    ChinaTime.format(m.joinedAt()), m.detachedAt() == null ? null : ChinaTime.format(m.detachedAt()));
        }
    }

    /** The unit an implementer joined: its name only, never its contact details. */
    @Serdeable
    public record MembershipView(String unitId, String unitName, String organization, Membership.Status status,
                                 String joinedAt) {
    }

    /** Who the caller is in this campaign. */
    @Serdeable
    public record AccountView(String username, String accountType, boolean admin, UnitView unit,
                              MembershipView membership) {
    }
}

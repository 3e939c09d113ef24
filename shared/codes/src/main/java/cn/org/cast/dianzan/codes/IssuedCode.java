package cn.org.cast.dianzan.codes;

import java.time.Instant;

/** A code as issued by an admin, with what happened to it since. */
public record IssuedCode(RecommendationCode code, String campaignId, CodeStatus status, IntendedUnit intended,
                         Instant issuedAt, String issuedBy, String unitId, String boundUnitName, String boundBy,
                         Instant boundAt, Instant revokedAt, String replacedBy, String replaces, long version) {

    /** The unit the admin issued the code for (the unit registers its own details when it binds). */
    public record IntendedUnit(String name, UnitType type, String province) {
    }

    public static IssuedCode issue(RecommendationCode code, String campaignId, IntendedUnit intended, Instant at,
                                   String by) {
        return new IssuedCode(code, campaignId, CodeStatus.ISSUED, intended, at, by, null, null, null, null, null,
                null, null, 1);
    }

    /** The code that replaces this one: same intended unit, and the same bound unit if there is one. */
    public IssuedCode replacement(RecommendationCode newCode, Instant at, String by) {
        return new IssuedCode(newCode, campaignId, unitId == null ? CodeStatus.ISSUED : CodeStatus.BOUND, intended,
                at, by, unitId, boundUnitName, boundBy, boundAt, null, null, code.value(), 1);
    }
}

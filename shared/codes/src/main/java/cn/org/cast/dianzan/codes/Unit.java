package cn.org.cast.dianzan.codes;

import java.time.Instant;

/** A recommending unit (推荐单位) of a campaign, bound to its current code and owned by one account. */
public record Unit(String unitId, String campaignId, String code, UnitInfo info, UnitType type, String province,
                   String ownerSubject, Instant registeredAt, long version) {
}

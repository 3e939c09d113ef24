package cn.org.cast.dianzan.codes;

import java.time.Instant;

/** What an account is in a campaign: the owner of one recommending unit, or a member of one. At most one. */
public record AccountBinding(String subject, String campaignId, Role role, String unitId, String code, Instant at) {

    public enum Role { RECOMMENDER, IMPLEMENTER }
}

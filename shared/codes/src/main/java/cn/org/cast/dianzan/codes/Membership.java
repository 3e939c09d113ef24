package cn.org.cast.dianzan.codes;

import java.time.Instant;

/** An implementing unit's account under a recommending unit; detached members keep their drafts, read-only. */
public record Membership(String unitId, String memberSubject, String organization, String username, Status status,
                         Instant joinedAt, Instant detachedAt) {

    public enum Status { ACTIVE, DETACHED }
}

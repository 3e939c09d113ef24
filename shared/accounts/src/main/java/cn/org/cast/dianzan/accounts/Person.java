package cn.org.cast.dianzan.accounts;

import java.time.Instant;

/**
 * One colleague behind an account, signing in with their own e-mail and password; their actions are
 * their own in the audit. {@code sessionsValidAfter}: a refresh session opened before it is over (sign
 * out everywhere, password reset, removal). {@code totpSecret} only for admins; {@code lastTotpStep}
 * is the last time step used, so a code works once.
 */
public record Person(String personId, String accountId, String email, String name, String mobile,
                     String passwordHash, Status status, Instant createdAt, Instant sessionsValidAfter,
                     String totpSecret, long lastTotpStep) {

    public enum Status { ACTIVE, REMOVED }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}

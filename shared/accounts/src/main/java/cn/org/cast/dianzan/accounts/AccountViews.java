package cn.org.cast.dianzan.accounts;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** What the accounts routes answer. Times are China time with their offset. */
public final class AccountViews {

    private AccountViews() {
    }

    /** A signed-in session: the bearer token for the API and the one-use refresh token. */
    @Serdeable
    public record TokenSet(String accessToken, String tokenType, long expiresIn, String refreshToken,
                           long refreshExpiresIn, AccountView account) {
    }

    /** A code was mailed (or, for an address that must not be told apart, would have been). */
    @Serdeable
    public record CodeSent(String sentTo, String expiresAt, long resendAfterSeconds) {
        static CodeSent of(String email, Instant expiresAt) {
            return new CodeSent(cn.org.cast.dianzan.notify.Masked.email(email), china(expiresAt), EmailCodes.RESEND_GAP.toSeconds());
        }
    }

    /** One colleague as the account's members see them. */
    @Serdeable
    public record PersonView(String personId, String name, String email, String mobile, boolean contact,
                             String status, String joinedAt) {
        static PersonView of(Person person, Account account) {
            return new PersonView(person.personId(), person.name(), person.email(), person.mobile(),
                    person.personId().equals(account.contactPersonId()), person.status().name(), china(person.createdAt()));
        }
    }

    /** The account, who is signed in, and its colleagues (removed ones listed too, for the history). */
    @Serdeable
    public record AccountView(String accountId, String accountType, String accountTypeLabel, PersonView person,
                              String contactPersonId, List<PersonView> members) {
    }

    /** An invitation accepted: a colleague is signed in; a new admin gets the authenticator secret, once. */
    @Serdeable
    public record Accepted(TokenSet session, AdminEnrolment admin) {
    }

    /** A new admin's second factor: shown once, to be added to an authenticator app. */
    @Serdeable
    public record AdminEnrolment(String personId, String email, String totpSecret, String totpUri, String nextStep) {
    }

    private static final java.time.format.DateTimeFormatter CHINA = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ZoneId.of("Asia/Shanghai"));

    /** China time to the second, seconds always written: {@code 2026-06-20T10:15:00+08:00}. */
    static String china(Instant at) {
        return at == null ? null : CHINA.format(at);
    }
}

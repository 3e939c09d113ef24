package cn.org.cast.dianzan.accounts;

import cn.org.cast.dianzan.accounts.AccountCommands.Acceptance;
import cn.org.cast.dianzan.accounts.AccountCommands.Address;
import cn.org.cast.dianzan.accounts.AccountCommands.Handover;
import cn.org.cast.dianzan.accounts.AccountCommands.Invitation;
import cn.org.cast.dianzan.accounts.AccountCommands.PasswordChange;
import cn.org.cast.dianzan.accounts.AccountCommands.Registration;
import cn.org.cast.dianzan.accounts.AccountCommands.Reset;
import cn.org.cast.dianzan.accounts.AccountCommands.SignIn;
import cn.org.cast.dianzan.accounts.AccountCommands.Verification;
import cn.org.cast.dianzan.accounts.AccountViews.Accepted;
import cn.org.cast.dianzan.accounts.AccountViews.AccountView;
import cn.org.cast.dianzan.accounts.AccountViews.AdminEnrolment;
import cn.org.cast.dianzan.accounts.AccountViews.CodeSent;
import cn.org.cast.dianzan.accounts.AccountViews.PersonView;
import cn.org.cast.dianzan.accounts.AccountViews.TokenSet;
import cn.org.cast.dianzan.accounts.EmailCodes.Purpose;
import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.core.audit.AuditLog;
import cn.org.cast.dianzan.notify.Mailer;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Accounts of our own, the same in both AWS partitions: registration verified by a mailed code,
 * sign-in with lockout, rotating refresh sessions, password reset, colleagues and handover, admins
 * with a second factor. No answer tells a caller whether an address is registered: registration,
 * resend and reset answer alike for every address, and sign-in refuses an unknown address exactly as
 * a wrong password, after spending the same hashing time.
 */
@Singleton
public class AccountService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AccountService.class);

    /** Colleagues on one account, removed ones not counted. */
    public static final int MAX_MEMBERS = 10;
    private static final String NEW_ADMIN = "NEW_ADMIN";

    private final AccountRepository accounts;
    private final EmailCodes codes;
    private final SignInGuard guard;
    private final Sessions sessions;
    private final PasswordHasher hasher;
    private final AccessTokens tokens;
    private final AdminAccounts admins;
    private final Mailer mailer;
    private final AuditLog audit;
    private final Clock clock;

    public AccountService(AccountRepository accounts, EmailCodes codes, SignInGuard guard, Sessions sessions,
                          PasswordHasher hasher, AccessTokens tokens, AdminAccounts admins, Mailer mailer, AuditLog audit,
                          Clock clock) {
        this.accounts = accounts;
        this.codes = codes;
        this.guard = guard;
        this.sessions = sessions;
        this.hasher = hasher;
        this.tokens = tokens;
        this.admins = admins;
        this.mailer = mailer;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Registration: nothing is created until the address is proved. The password hash and details wait
     * beside the mailed code. An address that already has an account gets a notice instead of a code,
     * and the caller the same answer.
     */
    public CodeSent register(Registration registration) {
        String hash = hasher.hash(registration.password());
        boolean known = accounts.byEmail(registration.email()).isPresent();
        EmailCodes.Issued issued = codes.issue(registration.email(), Purpose.REGISTER, Map.of(
                "passwordHash", hash, "accountType", registration.accountType().name(),
                "contactName", registration.contactName(), "mobile", registration.mobile()), EmailCodes.LIFETIME);
        sendQuietly(known ? AccountMails.alreadyRegistered(registration.email())
                : AccountMails.verification(registration.email(), issued.code(), issued.expiresAt()));
        return CodeSent.of(registration.email(), issued.expiresAt());
    }

    /** A new code for a registration waiting for one (answered alike for any address). */
    public CodeSent resendVerification(Address address) {
        Map<String, String> waiting = codes.payload(address.email(), Purpose.REGISTER);
        EmailCodes.Issued issued = codes.issue(address.email(), Purpose.REGISTER, waiting, EmailCodes.LIFETIME);
        if (!waiting.isEmpty() && accounts.byEmail(address.email()).isEmpty()) {
            sendQuietly(AccountMails.verification(address.email(), issued.code(), issued.expiresAt()));
        }
        return CodeSent.of(address.email(), issued.expiresAt());
    }

    /** The address is proved: the account and its first person (the contact) are created, and signed in. */
    public TokenSet verify(Verification verification) {
        Map<String, String> registration = codes.use(verification.email(), Purpose.REGISTER, verification.code(),
                waiting -> hasher.matches(verification.password(), waiting.get("passwordHash")));
        if (!registration.containsKey("passwordHash")) {
            throw new DomainException(Failure.VERIFICATION_CODE_EXPIRED);
        }
        Instant now = clock.instant();
        String accountId = Ids.newAccount();
        String personId = Ids.newPerson();
        Account account = new Account(accountId, AccountType.valueOf(registration.get("accountType")), personId, now, 1);
        Person person = new Person(personId, accountId, verification.email(), registration.get("contactName"),
                registration.get("mobile"), registration.get("passwordHash"), Person.Status.ACTIVE, now, Instant.EPOCH,
                null, -1);
        if (!accounts.create(account, person)) {
            throw new DomainException(Failure.EMAIL_ALREADY_REGISTERED);
        }
        audit.record(entity(accountId), "ACCOUNT_REGISTERED", personId, null,
                Map.of("accountType", account.type(), "person", personId, "email", cn.org.cast.dianzan.notify.Masked.email(person.email())));
        return signedIn(account, person);
    }

    /**
     * Sign-in. Locked addresses are refused first; an unknown address, a removed person and a wrong
     * password count as the same failure. Admins add their authenticator's code; each admin sign-in,
     * refused or not, is audited.
     */
    public TokenSet signIn(SignIn signIn) {
        long attempt = guard.attempt(signIn.email());
        Person person = accounts.byEmail(signIn.email()).filter(Person::active).orElse(null);
        if (person == null) {
            hasher.spendTime(signIn.password());
            fail(signIn.email(), attempt, null, "UNKNOWN_OR_REMOVED");
        }
        if (!hasher.matches(signIn.password(), person.passwordHash())) {
            fail(signIn.email(), attempt, person, "WRONG_PASSWORD");
        }
        Account account = accounts.account(person.accountId()).orElseThrow(() -> new DomainException(Failure.INVALID_CREDENTIALS));
        if (account.type() == AccountType.ADMIN) {
            if (signIn.totp() == null) {
                // counted like any attempt (clearing it here would let a holder of the password guess codes
                // without limit); the admin's client sends the code with the password next time
                audit.record(entity(account.accountId()), "ADMIN_SIGN_IN_REFUSED", person.personId(), null,
                        Map.of("reason", "TOTP_REQUIRED"));
                throw new DomainException(Failure.TOTP_REQUIRED);
            }
            OptionalLong step = Totp.matchingStep(person.totpSecret(), signIn.totp(), clock.instant());
            if (step.isEmpty() || !accounts.useTotpStep(person, step.getAsLong())) {
                audit.record(entity(account.accountId()), "ADMIN_SIGN_IN_REFUSED", person.personId(), null,
                        Map.of("reason", "TOTP_INVALID"));
                guard.failed(signIn.email(), attempt);
                throw new DomainException(Failure.TOTP_INVALID);
            }
        }
        guard.clear(signIn.email());
        if (hasher.outdated(person.passwordHash())) {
            accounts.rehash(person, hasher.hash(signIn.password()));
        }
        if (account.type() == AccountType.ADMIN) {
            audit.record(entity(account.accountId()), "ADMIN_SIGNED_IN", person.personId(), null, Map.of("person", person.personId()));
        }
        return signedIn(account, person);
    }

    /** Uses a refresh token once: new access and refresh tokens with the person's current claims. */
    public TokenSet refresh(String refreshToken) {
        Sessions.Family family = sessions.read(refreshToken);
        Sessions.Presented presented = family.presented();
        Person person = accounts.person(presented.accountId(), presented.personId()).filter(Person::active)
                .orElseThrow(() -> new DomainException(Failure.REFRESH_TOKEN_INVALID));
        if (!family.startedAt().isAfter(person.sessionsValidAfter())) {
            throw new DomainException(Failure.REFRESH_TOKEN_INVALID);
        }
        String next = sessions.rotate(family);
        Account account = accounts.account(person.accountId()).orElseThrow(() -> new DomainException(Failure.REFRESH_TOKEN_INVALID));
        return tokens(account, person, next);
    }

    /** Ends the session a refresh token belongs to; answered alike whether or not it was still open. */
    public void signOut(String refreshToken) {
        try {
            Sessions.Family family = sessions.read(refreshToken);
            // the current token ends its session; an older one is a replay, which ends it too (as a refresh
            // would); a token of a future generation, or the right ids with a wrong secret, ends nothing
            if (sessions.isCurrent(family) || family.presented().generation() < family.generation()) {
                sessions.revoke(family.presented());
            }
        } catch (DomainException | software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException gone) {
            // nothing open under that token: signed out already
        }
    }

    /** Ends every session of the person signed in (access tokens already issued run out within 15 minutes). */
    public void signOutEverywhere(Caller caller) {
        Person person = self(caller);
        accounts.endSessions(person, clock.instant());
        audit.record(entity(person.accountId()), "SIGNED_OUT_EVERYWHERE", caller, null, Map.of("person", person.personId()));
    }

    /** Mails a reset code if the address has an account; answered alike for any address. */
    public CodeSent forgotPassword(Address address) {
        boolean known = accounts.byEmail(address.email()).filter(Person::active).isPresent();
        EmailCodes.Issued issued = codes.issue(address.email(), Purpose.RESET, Map.of(), EmailCodes.LIFETIME);
        if (known) {
            sendQuietly(AccountMails.reset(address.email(), issued.code(), issued.expiresAt()));
        }
        return CodeSent.of(address.email(), issued.expiresAt());
    }

    /** A new password by the mailed code: every session of the person ends, the lockout is lifted. */
    public void resetPassword(Reset reset) {
        codes.use(reset.email(), Purpose.RESET, reset.code());
        Person person = accounts.byEmail(reset.email()).filter(Person::active)
                .orElseThrow(() -> new DomainException(Failure.VERIFICATION_CODE_EXPIRED));
        Instant now = clock.instant();
        accounts.changePassword(person, hasher.hash(reset.newPassword()), now);
        guard.clear(reset.email());
        audit.record(entity(person.accountId()), "PASSWORD_RESET", person.personId(), null, Map.of("person", person.personId()));
        sendQuietly(AccountMails.passwordChanged(person.email(), now));
    }

    /** A signed-in person changes their password: other sessions end, this one continues with new tokens. */
    public TokenSet changePassword(Caller caller, cn.org.cast.dianzan.core.Form form) {
        Person person = self(caller);
        PasswordChange change = PasswordChange.from(form, person.email());
        if (!hasher.matches(change.currentPassword(), person.passwordHash())) {
            throw DomainException.invalid("currentPassword", "WRONG_PASSWORD", "当前密码不正确");
        }
        Instant now = clock.instant();
        accounts.changePassword(person, hasher.hash(change.newPassword()), now);
        audit.record(entity(person.accountId()), "PASSWORD_CHANGED", caller, null, Map.of("person", person.personId()));
        sendQuietly(AccountMails.passwordChanged(person.email(), now));
        Person changed = accounts.person(person.accountId(), person.personId()).orElseThrow();
        return signedIn(account(caller), changed);
    }

    public AccountView me(Caller caller) {
        return view(account(caller), self(caller));
    }

    /** Invites a colleague by address: the same rights over the account, their own name in the audit. */
    public CodeSent invite(Caller caller, Invitation invitation) {
        Person inviter = self(caller);
        Account account = account(caller);
        if (account.type() == AccountType.ADMIN) {
            throw new DomainException(Failure.WRONG_ACCOUNT_TYPE, "管理员请在“管理员”页面添加其他管理员", List.of(), Map.of());
        }
        return sendInvitation(account, invitation, inviter.name(), caller.actor(), false);
    }

    /** An admin adds a person to an account whose people can no longer sign in (lost mailbox, left). */
    public CodeSent inviteAsAdmin(Caller caller, String accountId, Invitation invitation) {
        caller.requireAdmin();
        Account account = Ids.account(accountId).flatMap(accounts::account).filter(a -> a.type() != AccountType.ADMIN)
                .orElseThrow(() -> new DomainException(Failure.NOT_FOUND));
        return sendInvitation(account, invitation, "系统管理员", caller.actor(), true);
    }

    /** An admin invites a new admin; admins are never self-registered. */
    public CodeSent inviteAdmin(Caller caller, Invitation invitation) {
        caller.requireAdmin();
        EmailCodes.Issued issued = codes.issue(invitation.email(), Purpose.INVITE, Map.of("accountId", NEW_ADMIN,
                "invitedBy", caller.actor(), "name", invitation.name()), EmailCodes.INVITATION_LIFETIME);
        mailer.send(AccountMails.invitation(invitation.email(), "系统管理员", "管理员", issued.code(), issued.expiresAt()));
        audit.record("ADMINS", "ADMIN_INVITED", caller, null, Map.of("email", cn.org.cast.dianzan.notify.Masked.email(invitation.email())));
        return CodeSent.of(invitation.email(), issued.expiresAt());
    }

    /** The invited person joins with the mailed code; a new admin gets their authenticator secret, once. */
    public Accepted accept(Acceptance acceptance) {
        Map<String, String> invitation = codes.use(acceptance.email(), Purpose.INVITE, acceptance.code());
        Instant now = clock.instant();
        String personId = Ids.newPerson();
        String hash = hasher.hash(acceptance.password());
        if (NEW_ADMIN.equals(invitation.get("accountId"))) {
            AdminEnrolment enrolment = admins.create(personId, acceptance.email(), acceptance.name(), acceptance.mobile(), hash,
                    invitation.get("invitedBy"));
            return new Accepted(null, enrolment);
        }
        Account account = accounts.account(invitation.get("accountId"))
                .orElseThrow(() -> new DomainException(Failure.VERIFICATION_CODE_EXPIRED));
        // an invitation lapses with its sender: a colleague removed meanwhile cannot bring someone in
        boolean senderActive = "true".equals(invitation.get("byAdmin")) || Ids.person(invitation.get("invitedBy"))
                .flatMap(id -> accounts.person(account.accountId(), id)).filter(Person::active).isPresent();
        if (!senderActive) {
            throw new DomainException(Failure.VERIFICATION_CODE_EXPIRED, "邀请人已不在该账号中，邀请已失效", List.of(), Map.of());
        }
        requireRoom(account);
        Person person = new Person(personId, account.accountId(), acceptance.email(), acceptance.name(), acceptance.mobile(),
                hash, Person.Status.ACTIVE, now, Instant.EPOCH, null, -1);
        if (!accounts.addPerson(person)) {
            throw new DomainException(Failure.EMAIL_ALREADY_REGISTERED);
        }
        audit.record(entity(account.accountId()), "MEMBER_JOINED", personId, null,
                Map.of("person", personId, "invitedBy", invitation.getOrDefault("invitedBy", "")));
        return new Accepted(signedIn(account, person), null);
    }

    /** Takes a colleague off the account (never the contact person: hand over first). */
    public AccountView removeMember(Caller caller, String personId) {
        Account account = account(caller);
        self(caller);
        Person target = Ids.person(personId).flatMap(id -> accounts.person(account.accountId(), id)).filter(Person::active)
                .orElseThrow(() -> new DomainException(Failure.PERSON_NOT_FOUND));
        if (personId.equals(account.contactPersonId())) {
            throw new DomainException(Failure.CONTACT_PERSON);
        }
        accounts.remove(target, clock.instant());
        audit.record(entity(account.accountId()), "MEMBER_REMOVED", caller,
                Map.of("person", personId, "status", Person.Status.ACTIVE), Map.of("person", personId, "status", Person.Status.REMOVED));
        return me(caller);
    }

    /** Hands the account to another colleague as its contact person; everything it did stays with it. */
    public AccountView handOver(Caller caller, Handover handover) {
        Account account = account(caller);
        self(caller);
        Ids.person(handover.personId()).flatMap(id -> accounts.person(account.accountId(), id)).filter(Person::active)
                .orElseThrow(() -> new DomainException(Failure.PERSON_NOT_FOUND));
        if (!accounts.changeContact(account, handover.personId())) {
            throw DomainException.versionConflict(account.version());
        }
        audit.record(entity(account.accountId()), "CONTACT_HANDED_OVER", caller,
                Map.of("contactPersonId", account.contactPersonId()), Map.of("contactPersonId", handover.personId()));
        return me(caller);
    }

    /** An admin finds the account an address belongs to (to recover it). */
    public AccountView lookUp(Caller caller, Address address) {
        caller.requireAdmin();
        Person person = accounts.byEmail(address.email()).orElseThrow(() -> new DomainException(Failure.NOT_FOUND));
        Account account = accounts.account(person.accountId()).orElseThrow(() -> new DomainException(Failure.NOT_FOUND));
        audit.record(entity(account.accountId()), "ADMIN_ACCOUNT_LOOKUP", caller, null, Map.of("person", person.personId()));
        return view(account, person);
    }

    private CodeSent sendInvitation(Account account, Invitation invitation, String inviterName, String actor, boolean byAdmin) {
        requireRoom(account);
        EmailCodes.Issued issued = codes.issue(invitation.email(), Purpose.INVITE, Map.of("accountId", account.accountId(),
                "invitedBy", actor, "byAdmin", Boolean.toString(byAdmin), "name", invitation.name()),
                EmailCodes.INVITATION_LIFETIME);
        mailer.send(AccountMails.invitation(invitation.email(), inviterName, account.type().label(), issued.code(),
                issued.expiresAt()));
        audit.record(entity(account.accountId()), "MEMBER_INVITED", actor, null, Map.of("email", cn.org.cast.dianzan.notify.Masked.email(invitation.email())));
        return CodeSent.of(invitation.email(), issued.expiresAt());
    }

    /**
     * Mail whose failure must not change the answer: the answers of registration, resend and reset are the
     * same for every address, and a refused send (for a known address only) would tell them apart. The
     * person asks again after the minute; the failure is logged, the address masked.
     */
    private void sendQuietly(cn.org.cast.dianzan.notify.Mail mail) {
        try {
            mailer.send(mail);
        } catch (cn.org.cast.dianzan.notify.MailFailure failed) {
            LOG.warn("mail not sent, the caller is answered as if it were: {}", failed.getMessage());
        }
    }

    private void requireRoom(Account account) {
        long active = accounts.people(account.accountId()).stream().filter(Person::active).count();
        if (active >= MAX_MEMBERS) {
            throw new DomainException(Failure.TOO_MANY_MEMBERS, "本账号已有" + active + "名成员，达到上限，请先移除不再使用的成员",
                    List.of(), Map.of("max", MAX_MEMBERS));
        }
    }

    private void fail(String email, long attempt, Person person, String reason) {
        if (person != null) {
            accounts.account(person.accountId()).filter(a -> a.type() == AccountType.ADMIN).ifPresent(a ->
                    audit.record(entity(a.accountId()), "ADMIN_SIGN_IN_REFUSED", person.personId(), null, Map.of("reason", reason)));
        }
        guard.failed(email, attempt);
        throw new DomainException(Failure.INVALID_CREDENTIALS);
    }

    private TokenSet signedIn(Account account, Person person) {
        return tokens(account, person, sessions.open(person));
    }

    private TokenSet tokens(Account account, Person person, String refreshToken) {
        return new TokenSet(tokens.issue(account, person), "Bearer", AccessTokens.LIFETIME.toSeconds(), refreshToken,
                Sessions.LIFETIME.toSeconds(), view(account, person));
    }

    private AccountView view(Account account, Person person) {
        List<PersonView> members = accounts.people(account.accountId()).stream()
                .sorted(Comparator.comparing(Person::createdAt)).map(p -> PersonView.of(p, account)).toList();
        return new AccountView(account.accountId(), account.type().name(), account.type().label(),
                PersonView.of(person, account), account.contactPersonId(), members);
    }

    private Account account(Caller caller) {
        caller.requireAuthenticated();
        return accounts.account(caller.subject()).orElseThrow(() -> new DomainException(Failure.UNAUTHENTICATED));
    }

    private Person self(Caller caller) {
        caller.requireAuthenticated();
        return accounts.person(caller.subject(), caller.person()).filter(Person::active)
                .orElseThrow(() -> new DomainException(Failure.UNAUTHENTICATED));
    }

    private static String entity(String accountId) {
        return "ACCOUNT#" + accountId;
    }
}

package cn.org.cast.dianzan.accounts;

import cn.org.cast.dianzan.accounts.AccountViews.AdminEnrolment;
import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.core.audit.AuditLog;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Admins are made, never self-registered: the first by a one-time bootstrap command run by the
 * operator, the others invited by an admin. Each has an account of its own and a TOTP secret, shown
 * once at creation. Needs no signing key and no mail, so the bootstrap command runs with table access
 * alone.
 */
@Singleton
public class AdminAccounts {

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    public AdminAccounts(AccountRepository accounts, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The first admin. Refused (IllegalStateException) once a bootstrap was done, whoever did it; a
     * bootstrap whose creation failed (the address taken) is undone so it can be run again.
     */
    public AdminEnrolment bootstrap(String email, String name, String mobile, String password) {
        String normalized = Emails.normalize(email);
        PasswordPolicy.check("password", password, normalized);
        String personId = Ids.newPerson();
        if (!accounts.claimBootstrap(personId, clock.instant())) {
            throw new IllegalStateException("管理员已初始化过，其他管理员请由管理员邀请 / an admin was bootstrapped before: "
                    + "further admins are invited by an admin (POST /admin/admins)");
        }
        try {
            return create(personId, normalized, name, mobile, hasher.hash(password), "bootstrap");
        } catch (RuntimeException e) {
            accounts.releaseBootstrap(personId);
            throw e;
        }
    }

    /** A new admin account with its person and second factor. */
    AdminEnrolment create(String personId, String email, String name, String mobile, String passwordHash, String by) {
        Instant now = clock.instant();
        String accountId = Ids.newAccount();
        String secret = Totp.newSecret();
        Account account = new Account(accountId, AccountType.ADMIN, personId, now, 1);
        Person person = new Person(personId, accountId, email, name, mobile, passwordHash, Person.Status.ACTIVE, now,
                Instant.EPOCH, secret, -1);
        if (!accounts.create(account, person)) {
            throw new DomainException(Failure.EMAIL_ALREADY_REGISTERED);
        }
        audit.record("ACCOUNT#" + accountId, "ADMIN_CREATED", by, null, Map.of("person", personId, "email", cn.org.cast.dianzan.notify.Masked.email(email)));
        return new AdminEnrolment(personId, email, secret, Totp.uri(secret, email),
                "请用身份验证器应用（如 Microsoft Authenticator、Google Authenticator）添加此密钥，登录时输入其上的6位动态码。密钥只显示这一次。");
    }
}

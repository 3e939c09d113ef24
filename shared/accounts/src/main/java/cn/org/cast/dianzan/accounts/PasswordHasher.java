package cn.org.cast.dianzan.accounts;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Argon2id (RFC 9106) through password4j, pure Java. The stored form is the PHC string
 * ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}): parameters and a 16-byte random salt travel with
 * the hash, so a change of parameters applies to new hashes and, on the next sign-in, to old ones.
 * The defaults (19 MiB, 2 passes, 1 lane: OWASP's first Argon2id set) were measured by {@code bin/bench-accounts}
 * at about 50 ms on one whole CPU of the bench machine, which is about 87 ms on the accounts function's 1024 MB,
 * whose share of a vCPU is 0.58: the "about 100 ms on a Lambda-sized CPU". Four passes would cost 92 ms on
 * a whole CPU (docs/performance.md).
 */
@Singleton
public class PasswordHasher {

    private final Argon2Function function;
    private final String dummy;

    public PasswordHasher(@Value("${dianzan.accounts.argon2.memory-kib:19456}") int memoryKib,
                          @Value("${dianzan.accounts.argon2.iterations:2}") int iterations,
                          @Value("${dianzan.accounts.argon2.parallelism:1}") int parallelism) {
        this.function = Argon2Function.getInstance(memoryKib, iterations, parallelism, 32, Argon2.ID);
        this.dummy = hash("not-a-password-of-anyone");
    }

    public String hash(String password) {
        return function.hash(password).getResult();
    }

    public boolean matches(String password, String stored) {
        if (password == null || stored == null || !stored.startsWith("$argon2id$")) {
            return false;
        }
        return Argon2Function.getInstanceFromHash(stored).check(password, stored);
    }

    /** As long as a real check: a sign-in for an unknown address takes the time a known one would. */
    public void spendTime(String password) {
        matches(password == null ? "" : password, dummy);
    }

    /** True if the stored hash was made with other parameters than today's. */
    public boolean outdated(String stored) {
        return !Argon2Function.getInstanceFromHash(stored).equals(function);
    }

    public String parameters() {
        return function.toString();
    }
}

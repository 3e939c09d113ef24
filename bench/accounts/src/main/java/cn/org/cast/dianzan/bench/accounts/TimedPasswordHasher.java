package cn.org.cast.dianzan.bench.accounts;

import cn.org.cast.dianzan.accounts.PasswordHasher;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * PasswordHasher as the function has it, timing each Argon2id call on the calling thread, so the bench
 * can tell which part of a sign-in through the handler was Argon2. Only in the bench's jar; the bench
 * sets the three properties (to PasswordHasher's defaults) itself.
 */
@Singleton
@Replaces(PasswordHasher.class)
public class TimedPasswordHasher extends PasswordHasher {

    private static final ThreadLocal<long[]> SPENT = ThreadLocal.withInitial(() -> new long[1]);

    public TimedPasswordHasher(@Value("${" + Argon2Parameters.MEMORY + "}") int memoryKib,
                               @Value("${" + Argon2Parameters.ITERATIONS + "}") int iterations,
                               @Value("${" + Argon2Parameters.PARALLELISM + "}") int parallelism) {
        super(memoryKib, iterations, parallelism);
    }

    /** Nanoseconds this thread has spent in Argon2id through this hasher so far. */
    static long spentByThisThread() {
        return SPENT.get()[0];
    }

    @Override
    public String hash(String password) {
        long start = System.nanoTime();
        try {
            return super.hash(password);
        } finally {
            SPENT.get()[0] += System.nanoTime() - start;
        }
    }

    @Override
    public boolean matches(String password, String stored) {
        long start = System.nanoTime();
        try {
            return super.matches(password, stored);
        } finally {
            SPENT.get()[0] += System.nanoTime() - start;
        }
    }
}

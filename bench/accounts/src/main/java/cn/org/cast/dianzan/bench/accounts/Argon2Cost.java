package cn.org.cast.dianzan.bench.accounts;

import cn.org.cast.dianzan.accounts.PasswordHasher;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * One Argon2id parameter set, measured in a JVM of its own ({@link Argon2Bench} starts one per set, limited as
 * a Lambda is): PasswordHasher built (its constructor makes the dummy hash, the first hash of a fresh JVM,
 * as at the function's init), the first verify, then W untimed hash + verify rounds, then R timed hashes and
 * R timed verifies (PasswordHasher's {@code matches}, which reads the parameters from the stored PHC
 * string), alternating; the process's CPU time over the timed verifies (its clock ticks in 10 ms here:
 * summed over the calls, not per call). A JVM per set because password4j 1.8.4 caches every Argon2Function it makes, each
 * holding an m-KiB block array for good: sets measured one after another in one JVM would carry the earlier
 * sets' memory in their heap, which the function, with one set, never does.
 * Prints one line: {@code RESULT} and the figures, or {@code FAILED} and why.
 */
public final class Argon2Cost {

    private static final String PASSWORD = "推荐单位的密码-2026年";
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Argon2Cost() {
    }

    public static void main(String[] args) {
        Argon2Parameters parameters = new Argon2Parameters(BenchAccounts.arg(args, "--memory-kib", 19456),
                BenchAccounts.arg(args, "--iterations", 2), BenchAccounts.arg(args, "--parallelism", 1));
        int runs = BenchAccounts.arg(args, "--runs", 30);
        int warmUp = BenchAccounts.arg(args, "--warmup", 10);
        long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        try {
            long cpu = OS.getProcessCpuTime();
            long start = System.nanoTime();
            PasswordHasher hasher = parameters.hasher();
            double firstHashMs = (System.nanoTime() - start) / 1e6;
            double firstHashCpuMs = (OS.getProcessCpuTime() - cpu) / 1e6;
            String stored = hasher.hash(PASSWORD);
            start = System.nanoTime();
            require(hasher.matches(PASSWORD, stored));
            double firstVerifyMs = (System.nanoTime() - start) / 1e6;
            for (int i = 0; i < warmUp; i++) {
                stored = hasher.hash(PASSWORD + i);
                require(hasher.matches(PASSWORD + i, stored));
            }
            long[] hash = new long[runs];
            long[] verify = new long[runs];
            long verifyCpu = 0;
            long gcBefore = gcMillis();
            for (int i = 0; i < runs; i++) {
                String password = PASSWORD + "-" + i;
                start = System.nanoTime();
                stored = hasher.hash(password);
                hash[i] = System.nanoTime() - start;
                cpu = OS.getProcessCpuTime();
                start = System.nanoTime();
                boolean matched = hasher.matches(password, stored);
                verify[i] = System.nanoTime() - start;
                verifyCpu += OS.getProcessCpuTime() - cpu;
                require(matched);
            }
            double gcPerCall = (gcMillis() - gcBefore) / (2.0 * runs);
            double mean = (Arrays.stream(hash).sum() + Arrays.stream(verify).sum()) / 1e6 / (2.0 * runs);
            Arrays.sort(hash);
            Arrays.sort(verify);
            System.out.printf(Locale.ROOT, "RESULT %.3f %.3f %.3f %.3f %.3f %.3f %.1f %.1f %.1f %.3f %d %d%n",
                    at(hash, 0.5) / 1e6, at(hash, 0.9) / 1e6, at(verify, 0.5) / 1e6, at(verify, 0.9) / 1e6,
                    verifyCpu / 1e6 / runs, gcPerCall, firstHashMs, firstHashCpuMs, firstVerifyMs, mean, heapMb,
                    stored.length());
        } catch (OutOfMemoryError e) {
            System.out.println("FAILED OutOfMemoryError at a " + heapMb + " MB heap");
        }
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static void require(boolean matched) {
        if (!matched) {
            throw new IllegalStateException("a hash did not verify");
        }
    }

    /** The value at a share of the sorted sample, by nearest rank. */
    static double at(long[] sorted, double share) {
        return sorted[Math.max(0, (int) Math.ceil(share * sorted.length) - 1)];
    }
}

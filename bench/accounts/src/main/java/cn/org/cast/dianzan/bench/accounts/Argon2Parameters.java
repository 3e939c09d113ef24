package cn.org.cast.dianzan.bench.accounts;

import cn.org.cast.dianzan.accounts.PasswordHasher;
import io.micronaut.context.annotation.Value;
import java.lang.annotation.Annotation;
import java.util.Locale;
import java.util.Map;

/**
 * Argon2id parameters: memory in KiB, passes (iterations), lanes (parallelism). The defaults are read
 * from PasswordHasher's own {@code @Value} defaults, so the bench measures what the function would use
 * without settings, and follows them when they change.
 */
record Argon2Parameters(int memoryKib, int iterations, int parallelism) {

    static final String MEMORY = "dianzan.accounts.argon2.memory-kib";
    static final String ITERATIONS = "dianzan.accounts.argon2.iterations";
    static final String PARALLELISM = "dianzan.accounts.argon2.parallelism";

    /** PasswordHasher's defaults: {@code ${dianzan.accounts.argon2.memory-kib:19456}} and the others. */
    static Argon2Parameters defaults() {
        try {
            Annotation[][] annotations = PasswordHasher.class.getConstructor(int.class, int.class, int.class)
                    .getParameterAnnotations();
            int[] values = new int[3];
            String[] names = {MEMORY, ITERATIONS, PARALLELISM};
            for (int i = 0; i < 3; i++) {
                String expression = null;
                for (Annotation annotation : annotations[i]) {
                    if (annotation instanceof Value value) {
                        expression = value.value();
                    }
                }
                String prefix = "${" + names[i] + ":";
                if (expression == null || !expression.startsWith(prefix) || !expression.endsWith("}")) {
                    throw new IllegalStateException("PasswordHasher's parameter " + i + " is no longer " + prefix + "…}: "
                            + expression);
                }
                values[i] = Integer.parseInt(expression.substring(prefix.length(), expression.length() - 1));
            }
            return new Argon2Parameters(values[0], values[1], values[2]);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("PasswordHasher(int, int, int) is gone: update bench/accounts", e);
        }
    }

    /** The properties that configure PasswordHasher with these parameters. */
    Map<String, Object> properties() {
        return Map.of(MEMORY, memoryKib, ITERATIONS, iterations, PARALLELISM, parallelism);
    }

    PasswordHasher hasher() {
        return new PasswordHasher(memoryKib, iterations, parallelism);
    }

    /** Memory × passes: the work of one hash, in KiB-passes. */
    long work() {
        return (long) memoryKib * iterations;
    }

    /** {@code m=19 MiB (19456 KiB), t=2, p=1} */
    @Override
    public String toString() {
        String mib = memoryKib % 1024 == 0 ? Integer.toString(memoryKib / 1024)
                : String.format(Locale.ROOT, "%.1f", memoryKib / 1024.0);
        return "m=" + mib + " MiB (" + memoryKib + " KiB), t=" + iterations + ", p=" + parallelism;
    }
}

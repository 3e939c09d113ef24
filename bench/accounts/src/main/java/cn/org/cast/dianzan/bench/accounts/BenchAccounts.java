package cn.org.cast.dianzan.bench.accounts;

import static cn.org.cast.dianzan.testing.HttpEvents.request;

import cn.org.cast.dianzan.accounts.PasswordHasher;
import cn.org.cast.dianzan.engines.GreenMailServer;
import cn.org.cast.dianzan.engines.LocalEngines;
import cn.org.cast.dianzan.engines.Provisioner;
import cn.org.cast.dianzan.engines.SamTemplate;
import cn.org.cast.dianzan.functions.accounts.AccountsHandler;
import cn.org.cast.dianzan.testing.Answers;
import cn.org.cast.dianzan.testing.FakeLambdaContext;
import cn.org.cast.dianzan.testing.TestContexts;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bin/bench-accounts. First the Argon2id cost alone ({@link Argon2Cost}, in a JVM of its own limited
 * as a Lambda is, before anything else runs); then, on dynalite and GreenMail, N accounts registered
 * through the accounts handler (POST /accounts/register, the code read from the mail GreenMail
 * received, POST /accounts/verify), and sign-ins (POST /auth/sign-in) through the same handler, one
 * after another and T threads at once, each timed with the Argon2id time spent inside it; then
 * refreshes (POST /auth/refresh, no Argon2) the same way for contrast. Argon2 at PasswordHasher's
 * defaults throughout.
 */
public final class BenchAccounts {

    private static final String PASSWORD = "推荐单位的密码-2026年";
    private static final Pattern CODE = Pattern.compile("(\\d{6})");
    private static final int WARM_UP = 20;
    /**
     * password4j 1.8.4 logs a WARN on every hash (no psw4j.properties: "Global salt length is not defined");
     * the function does too. Silenced in the bench's JVMs, whose output would be mostly that line.
     */
    static final String QUIET_PASSWORD4J = "-Dorg.slf4j.simpleLogger.log.com.password4j=error";
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final AccountsHandler handler;
    private final List<String> emails;
    /** Per account, the refresh token to use next: the last sign-in's, then each refresh's. */
    private final AtomicReferenceArray<String> refreshTokens;

    private BenchAccounts(AccountsHandler handler, List<String> emails) {
        this.handler = handler;
        this.emails = emails;
        this.refreshTokens = new AtomicReferenceArray<>(emails.size());
    }

    /** One timed kind of call: how many, in what wall time, each one's latency and Argon2 time, the JVM's CPU. */
    record Run(String label, int threads, long[] nanos, long[] argon2Nanos, long wallNanos, long cpuNanos) {
        double perSecond() {
            return nanos.length / (wallNanos / 1e9);
        }

        double argon2Share() {
            return Arrays.stream(argon2Nanos).sum() / (double) Arrays.stream(nanos).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        int accounts = arg(args, "--accounts", 100);
        int signIns = arg(args, "--sign-ins", 300);
        int threads = arg(args, "--threads", 4);
        int runs = arg(args, "--runs", 30);
        int warmUp = arg(args, "--warmup", 10);
        if (accounts < threads) {
            throw new IllegalArgumentException("--accounts must be at least --threads: each thread refreshes accounts of its own");
        }
        int memoryMb = Integer.getInteger("dianzan.memory-mb", 1024);
        String loadBefore = loadAverage();

        // 1. Argon2 alone, before the engines start: nothing else on the machine's CPUs but this idle JVM.
        Argon2Bench.Result argon2 = Argon2Bench.run(memoryMb, runs, warmUp);

        // 2. The handler on the engines.
        Argon2Parameters defaults = Argon2Parameters.defaults();
        Path work = Files.createTempDirectory("bench-accounts");
        try (LocalEngines engines = LocalEngines.inMemory(work.resolve("logs"))) {
            Provisioner.Provisioned provisioned = Provisioner.provision(engines, SamTemplate.load(), "bench-");
            Map<String, Object> properties = new HashMap<>(TestContexts.withTokens(provisioned.properties()));
            properties.put("dianzan.tokens.key-file", work.resolve("signing-key.json").toString());
            properties.putAll(defaults.properties());
            ApplicationContext context = ApplicationContext.builder().properties(properties).start();
            if (!(context.getBean(PasswordHasher.class) instanceof TimedPasswordHasher)) {
                throw new IllegalStateException("the timed hasher did not replace PasswordHasher: Argon2 would not be timed");
            }
            try (AccountsHandler handler = new AccountsHandler(context)) {
                List<String> emails = new ArrayList<>();
                String run = Long.toString(System.currentTimeMillis(), 36);
                for (int i = 0; i < accounts; i++) {
                    emails.add("bench-" + run + "-" + i + "@bench.dianzan.local");
                }
                BenchAccounts bench = new BenchAccounts(handler, emails);
                Run registrations = bench.register(engines.greenMail(), threads);
                for (int i = 0; i < WARM_UP; i++) {
                    bench.signIn(i % accounts);
                    bench.refresh(i % accounts);
                }
                List<Run> timed = new ArrayList<>();
                timed.add(bench.race("sign-in (`POST /auth/sign-in`, 200)", 1, signIns, bench::signIn));
                timed.add(bench.race("sign-in (`POST /auth/sign-in`, 200)", threads, signIns, bench::signIn));
                timed.add(bench.race("refresh (`POST /auth/refresh`, 200)", 1, signIns, bench::refresh));
                timed.add(bench.race("refresh (`POST /auth/refresh`, 200)", threads, signIns, bench::refresh));
                System.out.println(report(accounts, signIns, threads, defaults, argon2, registrations, timed, loadBefore));
            }
        }
    }

    /** Registers every account through the handler, T threads at once; each sample is register + verify. */
    private Run register(GreenMailServer mail, int threads) throws Exception {
        int count = emails.size();
        long[] nanos = new long[count];
        long[] argon2 = new long[count];
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        race(threads, t -> {
            for (int i = t; i < count; i += threads) {
                String email = emails.get(i);
                long spent = TimedPasswordHasher.spentByThisThread();
                long begin = System.nanoTime();
                require(202, call(request("POST", "/accounts/register").body(Answers.json(Map.of("email", email,
                        "password", PASSWORD, "accountType", "RECOMMENDER", "contactName", "王老师",
                        "mobile", "13912345678")))), "register");
                long registered = System.nanoTime() - begin;
                long registerArgon2 = TimedPasswordHasher.spentByThisThread() - spent;
                String code = code(mail, email);
                begin = System.nanoTime();
                APIGatewayV2HTTPResponse verified = call(request("POST", "/accounts/verify").body(Answers.json(Map.of(
                        "email", email, "code", code, "password", PASSWORD))));
                nanos[i] = registered + System.nanoTime() - begin;
                argon2[i] = registerArgon2;
                require(201, verified, "verify");
                refreshTokens.set(i, (String) Answers.body(verified).get("refreshToken"));
            }
            return null;
        });
        return new Run("register + verify (before the warm-up: the JVM's first calls; the mailed code read from GreenMail between them, not timed)", threads,
                nanos, argon2, System.nanoTime() - start, OS.getProcessCpuTime() - cpu);
    }

    /** One sign-in of account i: its latency and the Argon2 time in it; the session's refresh token kept. */
    private long[] signIn(int account) {
        APIGatewayV2HTTPEvent event = request("POST", "/auth/sign-in").body(Answers.json(Map.of(
                "email", emails.get(account), "password", PASSWORD))).build();
        long spent = TimedPasswordHasher.spentByThisThread();
        long start = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new FakeLambdaContext());
        long nanos = System.nanoTime() - start;
        long argon2 = TimedPasswordHasher.spentByThisThread() - spent;
        require(200, response, "sign-in");
        refreshTokens.set(account, (String) Answers.body(response).get("refreshToken"));
        return new long[] {nanos, argon2};
    }

    /** One refresh of account i's latest token (one use: the answer's token is the next one). */
    private long[] refresh(int account) {
        APIGatewayV2HTTPEvent event = request("POST", "/auth/refresh").body(Answers.json(Map.of(
                "refreshToken", refreshTokens.get(account)))).build();
        long spent = TimedPasswordHasher.spentByThisThread();
        long start = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new FakeLambdaContext());
        long nanos = System.nanoTime() - start;
        long argon2 = TimedPasswordHasher.spentByThisThread() - spent;
        require(200, response, "refresh");
        refreshTokens.set(account, (String) Answers.body(response).get("refreshToken"));
        return new long[] {nanos, argon2};
    }

    private interface Call {
        long[] on(int account);
    }

    /**
     * {@code total} calls by T threads at once (T = 1: one after another); thread t takes the accounts
     * t, t + T, t + 2T, …, in turn, so no two threads ever use the same account's session at once.
     */
    private Run race(String label, int threads, int total, Call call) throws Exception {
        int each = total / threads;
        long[] nanos = new long[each * threads];
        long[] argon2 = new long[each * threads];
        int accounts = emails.size();
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        race(threads, t -> {
            int owned = (accounts - t - 1) / threads + 1;
            for (int i = 0; i < each; i++) {
                long[] sample = call.on(t + (i % owned) * threads);
                nanos[t * each + i] = sample[0];
                argon2[t * each + i] = sample[1];
            }
            return null;
        });
        Run run = new Run(label, threads, nanos, argon2, System.nanoTime() - start, OS.getProcessCpuTime() - cpu);
        System.err.printf(Locale.ROOT, "  %s, %d thread(s): %.1f per second%n", label, threads, run.perSecond());
        return run;
    }

    private interface ThreadWork {
        Object run(int thread) throws Exception;
    }

    private static void race(int threads, ThreadWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit((Callable<Object>) () -> work.run(thread)));
            }
            for (Future<Object> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private APIGatewayV2HTTPResponse call(cn.org.cast.dianzan.testing.HttpEvents event) {
        return handler.handleRequest(event.build(), new FakeLambdaContext());
    }

    private static String code(GreenMailServer mail, String email) {
        List<GreenMailServer.ReceivedMail> received = mail.awaitMessages(email, 1, Duration.ofSeconds(20));
        Matcher matcher = CODE.matcher(received.get(received.size() - 1).subject());
        if (!matcher.find()) {
            throw new IllegalStateException("no code in the mail to " + email + ": " + received.get(0).subject());
        }
        return matcher.group(1);
    }

    private static void require(int expected, APIGatewayV2HTTPResponse response, String step) {
        if (response.getStatusCode() != expected) {
            throw new IllegalStateException(step + " answered " + response.getStatusCode() + ", expected " + expected
                    + ": " + response.getBody());
        }
    }

    private static String report(int accounts, int signIns, int threads, Argon2Parameters defaults, Argon2Bench.Result argon2,
                                 Run registrations, List<Run> runs, String loadBefore) throws IOException {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "Measured %s at commit `%s` with `bin/bench-accounts --accounts %d --sign-ins %d --threads %d`."
                        + " Machine: %s; load average (1, 5, 15 min) %s before, %s after.%n%n",
                LocalDate.now(ZoneOffset.UTC), System.getProperty("dianzan.commit", "unknown"), accounts, signIns,
                threads, System.getProperty("dianzan.machine", "unknown"), loadBefore, loadAverage()));
        md.append("**Argon2id alone.** ").append(argon2.markdown()).append("\n");
        md.append(String.format(Locale.ROOT, "**Through the handler**, on dynalite and GreenMail (in memory), Argon2id at"
                + " the defaults (%s), in one JVM with the engines as child processes, all on the machine's %d CPUs."
                + " %d accounts registered through the handler first; then %d untimed sign-ins and refreshes; then %d"
                + " of each, one after another and %d threads at once (thread t takes the accounts t, t + %d, … in"
                + " turn). Argon2 ms: time inside PasswordHasher during the call (a timing subclass replaces it in the"
                + " bench's context); JVM CPUs: the JVM's CPU time over the wall time (dynalite's not counted).%n%n",
                defaults, Runtime.getRuntime().availableProcessors(), accounts, WARM_UP, signIns, threads, threads));
        md.append("| calls | threads | per second | median ms | p95 ms | p99 ms | Argon2 wall ms (median) | Argon2 share |"
                + " JVM CPUs |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        List<Run> all = new ArrayList<>();
        all.add(registrations);
        all.addAll(runs);
        for (Run run : all) {
            long[] nanos = run.nanos().clone();
            long[] argon = run.argon2Nanos().clone();
            Arrays.sort(nanos);
            Arrays.sort(argon);
            md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f%% | %.2f |%n",
                    run.label(), run.threads(), run.perSecond(), at(nanos, 0.5) / 1e6,
                    at(nanos, 0.95) / 1e6, at(nanos, 0.99) / 1e6, at(argon, 0.5) / 1e6,
                    100 * run.argon2Share(), run.cpuNanos() / (double) run.wallNanos()));
        }
        Run oneByOne = runs.get(0);
        Run together = runs.get(1);
        long[] argon = oneByOne.argon2Nanos().clone();
        Arrays.sort(argon);
        md.append(String.format(Locale.ROOT, "%nArgon2 in a sign-in one after another: %.1f ms (median) against %.1f ms for"
                        + " a verify alone on one pinned CPU above (median; %.1f ms the mean of its calls); the rest of a sign-in (%.1f ms on average: seven"
                        + " DynamoDB calls, the RS256 signature, JSON) is %.0f%% of it. With %d threads: %.1f sign-ins"
                        + " per second, %.2f× one after another.%n",
                at(argon, 0.5) / 1e6, argon2.verifyMs(), argon2.meanMs(),
                (Arrays.stream(oneByOne.nanos()).sum() - Arrays.stream(oneByOne.argon2Nanos()).sum())
                        / 1e6 / oneByOne.nanos().length,
                100 * (1 - oneByOne.argon2Share()), threads, together.perSecond(),
                together.perSecond() / oneByOne.perSecond()));
        return md.toString();
    }

    private static double at(long[] sorted, double share) {
        return Argon2Cost.at(sorted, share);
    }

    static int arg(String[] args, String name, int otherwise) {
        List<String> known = List.of("--accounts", "--sign-ins", "--threads", "--runs", "--warmup", "--memory-kib",
                "--iterations", "--parallelism");
        for (int i = 0; i < args.length; i++) {
            if (!known.contains(args[i]) || i + 1 >= args.length || !args[i + 1].matches("[1-9][0-9]{0,5}")) {
                System.err.println("usage: bin/bench-accounts [--accounts N, default 100] [--sign-ins S, default 300]"
                        + " [--threads T, default 4] [--runs R, default 30] [--warmup W, default 10]");
                System.exit(2);
            }
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
            i++;
        }
        return otherwise;
    }

    private static String loadAverage() throws IOException {
        return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
    }
}

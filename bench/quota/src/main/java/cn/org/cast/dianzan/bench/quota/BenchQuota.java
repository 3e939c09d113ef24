package cn.org.cast.dianzan.bench.quota;

import static cn.org.cast.dianzan.testing.HttpEvents.request;

import cn.org.cast.dianzan.campaign.Category;
import cn.org.cast.dianzan.cases.CaseFile;
import cn.org.cast.dianzan.cases.CaseFileService;
import cn.org.cast.dianzan.cases.CaseForm;
import cn.org.cast.dianzan.cases.CaseService;
import cn.org.cast.dianzan.cases.FileKind;
import cn.org.cast.dianzan.codes.BindingService;
import cn.org.cast.dianzan.codes.CodeService;
import cn.org.cast.dianzan.codes.IssuedCode;
import cn.org.cast.dianzan.codes.JoinDetails;
import cn.org.cast.dianzan.codes.UnitInfo;
import cn.org.cast.dianzan.codes.UnitType;
import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.core.Form;
import cn.org.cast.dianzan.engines.LocalEngines;
import cn.org.cast.dianzan.engines.Provisioner;
import cn.org.cast.dianzan.engines.SamTemplate;
import cn.org.cast.dianzan.functions.quota.QuotaHandler;
import cn.org.cast.dianzan.review.ReviewService;
import cn.org.cast.dianzan.testing.FakeLambdaContext;
import cn.org.cast.dianzan.testing.HttpEvents;
import cn.org.cast.dianzan.testing.TestContexts;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * bin/bench-quota: recommendations per second through the quota handler on dynalite, and beside them,
 * in the same run on the same engine, raw conditional UpdateItems of a ledger item with the same
 * expression and condition: what the handler's recommendation costs over the one write that decides it.
 * Each measured recommendation succeeds and is then withdrawn (untimed), so the ledger never fills;
 * the contended run has T threads recommend cases of one category of one unit at once (quota 3), where
 * most attempts are refused by the condition.
 */
public final class BenchQuota {

    private static final String OPEN = "2026-06-20T10:00:00+08:00";
    private static final int WARM_UP = 30;

    private final QuotaHandler handler;
    private final Map<String, String> unit;

    private BenchQuota(QuotaHandler handler, Map<String, String> unit) {
        this.handler = handler;
        this.unit = unit;
    }

    public static void main(String[] args) throws Exception {
        int operations = arg(args, "--operations", 300);
        int threads = arg(args, "--threads", 8);
        String loadBefore = loadAverage();
        try (LocalEngines engines = LocalEngines.inMemory(Files.createTempDirectory("bench-quota").resolve("logs"))) {
            Provisioner.Provisioned provisioned = Provisioner.provision(engines, SamTemplate.load(), "bench-");
            Clock open = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), TestContexts.instant(OPEN)));
            ApplicationContext context = ApplicationContext.builder()
                    .properties(new HashMap<>(provisioned.properties())).singletons(open).start();
            String table = provisioned.physicalNames().get("MainTable");
            try (QuotaHandler handler = new QuotaHandler(context)) {
                // The handler's own client: the raw writes travel the same way as the handler's.
                DynamoDbClient dynamo = context.getBean(DynamoDbClient.class);
                Map<String, String> unit = HttpEvents.recommender("bench-unit");
                List<String> cases = approvedCases(context, unit, Math.max(threads, 1));
                BenchQuota bench = new BenchQuota(handler, unit);
                RawLedger raw = new RawLedger(dynamo, table);
                for (int i = 0; i < WARM_UP; i++) {
                    bench.recommendThenWithdraw(cases.get(0));
                    raw.addThenRemove("warm-" + i);
                }
                long[] handlerNanos = new long[operations];
                long[] rawNanos = new long[operations];
                for (int i = 0; i < operations; i++) {
                    handlerNanos[i] = bench.recommendThenWithdraw(cases.get(i % cases.size()));
                    rawNanos[i] = raw.addThenRemove("C" + i);
                }
                Contended handlerRace = bench.contended(cases, threads, operations);
                Contended rawRace = raw.contended(threads, operations);
                System.out.println(report(operations, threads, handlerNanos, rawNanos, handlerRace, rawRace, loadBefore));
            }
        }
    }

    /** What T threads achieved together: attempts, how many took a place, and the wall time. */
    record Contended(long attempts, long succeeded, long nanos) {
        double perSecond() {
            return attempts / (nanos / 1e9);
        }
    }

    /** One timed recommendation through the handler (200), then an untimed withdrawal (200). */
    private long recommendThenWithdraw(String caseId) {
        APIGatewayV2HTTPEvent recommend = request("POST", "/cases/{id}/recommend").path("id", caseId).as(unit).build();
        APIGatewayV2HTTPEvent withdraw = request("DELETE", "/cases/{id}/recommend").path("id", caseId).as(unit).build();
        long start = System.nanoTime();
        require(200, handler.handleRequest(recommend, new FakeLambdaContext()).getStatusCode(), "recommend");
        long nanos = System.nanoTime() - start;
        require(200, handler.handleRequest(withdraw, new FakeLambdaContext()).getStatusCode(), "withdraw");
        return nanos;
    }

    /** T threads recommend their own case of one category at once, each withdrawing its place when it got one. */
    private Contended contended(List<String> cases, int threads, int attemptsEach) throws Exception {
        AtomicLong succeeded = new AtomicLong();
        long start = System.nanoTime();
        long attempts = race(threads, t -> {
            APIGatewayV2HTTPEvent recommend = request("POST", "/cases/{id}/recommend").path("id", cases.get(t)).as(unit)
                    .build();
            APIGatewayV2HTTPEvent withdraw = request("DELETE", "/cases/{id}/recommend").path("id", cases.get(t))
                    .as(unit).build();
            for (int i = 0; i < attemptsEach / threads; i++) {
                int status = handler.handleRequest(recommend, new FakeLambdaContext()).getStatusCode();
                if (status == 200) {
                    succeeded.incrementAndGet();
                    require(200, handler.handleRequest(withdraw, new FakeLambdaContext()).getStatusCode(), "withdraw");
                } else {
                    require(409, status, "recommend in a race");
                }
            }
            return (long) (attemptsEach / threads);
        });
        return new Contended(attempts, succeeded.get(), System.nanoTime() - start);
    }

    /** The ledger's one write, alone: the same expression and condition on an item of its own. */
    private static final class RawLedger {

        private final DynamoDbClient dynamo;
        private final String table;
        private final Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("BENCH#raw"),
                "sk", AttributeValue.fromS("QUOTA#2026"));

        RawLedger(DynamoDbClient dynamo, String table) {
            this.dynamo = dynamo;
            this.table = table;
            Map<String, AttributeValue> item = new HashMap<>(key);
            item.put("ACTIVITY_SERVICE", AttributeValue.fromM(Map.of()));
            item.put("total", AttributeValue.fromN("0"));
            dynamo.putItem(b -> b.tableName(table).item(item));
        }

        boolean add(String caseId) {
            try {
                dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("SET #cat.#case = :at ADD #total :one")
                        .conditionExpression("size(#cat) < :q AND #total < :tq AND attribute_not_exists(#cat.#case)")
                        .expressionAttributeNames(Map.of("#cat", "ACTIVITY_SERVICE", "#case", caseId, "#total", "total"))
                        .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(Instant.now().toString()),
                                ":one", AttributeValue.fromN("1"), ":q", AttributeValue.fromN("3"),
                                ":tq", AttributeValue.fromN("6"))));
                return true;
            } catch (ConditionalCheckFailedException refused) {
                return false;
            }
        }

        void remove(String caseId) {
            dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("REMOVE #cat.#case ADD #total :minusOne")
                    .conditionExpression("attribute_exists(#cat.#case)")
                    .expressionAttributeNames(Map.of("#cat", "ACTIVITY_SERVICE", "#case", caseId, "#total", "total"))
                    .expressionAttributeValues(Map.of(":minusOne", AttributeValue.fromN("-1"))));
        }

        /** One timed conditional add, then an untimed remove. */
        long addThenRemove(String caseId) {
            long start = System.nanoTime();
            if (!add(caseId)) {
                throw new IllegalStateException("the raw ledger refused an add on an empty map");
            }
            long nanos = System.nanoTime() - start;
            remove(caseId);
            return nanos;
        }

        Contended contended(int threads, int attemptsEach) throws Exception {
            AtomicLong succeeded = new AtomicLong();
            long start = System.nanoTime();
            long attempts = race(threads, t -> {
                for (int i = 0; i < attemptsEach / threads; i++) {
                    if (add("T" + t)) {
                        succeeded.incrementAndGet();
                        remove("T" + t);
                    }
                }
                return (long) (attemptsEach / threads);
            });
            return new Contended(attempts, succeeded.get(), System.nanoTime() - start);
        }
    }

    private interface ThreadWork {
        long run(int thread) throws Exception;
    }

    private static long race(int threads, ThreadWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit((Callable<Long>) () -> work.run(thread)));
            }
            long total = 0;
            for (Future<Long> f : done) {
                total += f.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A unit (its code bound, an implementer joined) with n approved activity cases, through the real flow. */
    private static List<String> approvedCases(ApplicationContext context, Map<String, String> unit, int n) {
        Map<String, String> owner = HttpEvents.implementer("bench-impl");
        IssuedCode issued = context.getBean(CodeService.class).issue(Caller.fromClaims(HttpEvents.admin("bench-admin")),
                List.of(new IssuedCode.IntendedUnit("甲省科协", UnitType.PROVINCIAL_ASSOCIATION, null))).get(0);
        BindingService bindings = context.getBean(BindingService.class);
        bindings.bind(Caller.fromClaims(unit), issued.code().display(), new UnitInfo("甲省科协", "某地1号", "王老师", "部长",
                "13912345678", "unit@example.cn"));
        bindings.join(Caller.fromClaims(owner), issued.code().display(), new JoinDetails("某市科技馆"));
        CaseService cases = context.getBean(CaseService.class);
        CaseFileService files = context.getBean(CaseFileService.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> form = new LinkedHashMap<>(Map.of("name", "科普讲座" + i, "implementingUnit", "某市科技馆",
                    "address", "某市科技大道1号", "contactName", "张老师", "contactTitle", "馆长", "phone", "010-68526300",
                    "email", "kjg@example.cn", "category", Category.ACTIVITY_SERVICE.name(), "subtype", "LECTURE",
                    "summary", "全年举办科普讲座120场。"));
            form.put("detail", "一、实施、应用及推广情况\n……");
            form.put("startedOn", "2025-03-01");
            String id = cases.create(Caller.fromClaims(owner), Optional.of(UUID.randomUUID().toString()),
                    CaseForm.read(Form.of(form))).record().id();
            for (FileKind kind : List.of(FileKind.LANDSCAPE_PHOTO, FileKind.PORTRAIT_PHOTO)) {
                boolean wide = kind == FileKind.LANDSCAPE_PHOTO;
                files.attach(new CaseFile("U" + kind.ordinal() + id, id, kind, null, "media/bench/" + id, "照片.jpg",
                        "image/jpeg", 1024, wide ? 400 : 300, wide ? 300 : 400, Instant.now(), owner.get("sub")));
            }
            cases.submit(Caller.fromClaims(owner), id, Optional.empty());
            context.getBean(ReviewService.class).approve(Caller.fromClaims(unit), id, Optional.empty());
            ids.add(id);
        }
        return ids;
    }

    private static void require(int expected, int status, String step) {
        if (status != expected) {
            throw new IllegalStateException(step + " answered " + status + ", expected " + expected);
        }
    }

    private static String report(int operations, int threads, long[] handlerNanos, long[] rawNanos, Contended handlerRace,
                                 Contended rawRace, String loadBefore) throws Exception {
        Arrays.sort(handlerNanos);
        Arrays.sort(rawNanos);
        double handlerRate = operations / (Arrays.stream(handlerNanos).sum() / 1e9);
        double rawRate = operations / (Arrays.stream(rawNanos).sum() / 1e9);
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "Measured %s at commit `%s` with `bin/bench-quota --operations %d --threads %d`, on dynalite in memory,"
                        + " after %d untimed rounds of each. Machine: %s; load average (1, 5, 15 min) %s before, %s after.%n%n",
                LocalDate.now(ZoneOffset.UTC), System.getProperty("dianzan.commit", "unknown"), operations, threads,
                WARM_UP, System.getProperty("dianzan.machine", "unknown"), loadBefore, loadAverage()));
        md.append("| one after another | per second | median ms | p99 ms |\n|---|--:|--:|--:|\n");
        md.append(String.format(Locale.ROOT, "| recommendation through the handler (`POST /cases/{id}/recommend`, 200) |"
                + " %.0f | %.1f | %.1f |%n", handlerRate, at(handlerNanos, 0.5) / 1e6, at(handlerNanos, 0.99) / 1e6));
        md.append(String.format(Locale.ROOT, "| raw conditional UpdateItem of a ledger item (the same expression and"
                + " condition) | %.0f | %.1f | %.1f |%n", rawRate, at(rawNanos, 0.5) / 1e6, at(rawNanos, 0.99) / 1e6));
        md.append(String.format(Locale.ROOT, "%nRatio, one after another: the raw write is %.1f× as fast as a whole"
                + " recommendation.%n%n", rawRate / handlerRate));
        md.append("| " + threads + " threads at once, one category, quota 3 | attempts per second | attempts | took a place |\n"
                + "|---|--:|--:|--:|\n");
        md.append(String.format(Locale.ROOT, "| through the handler | %.0f | %d | %d |%n", handlerRace.perSecond(),
                handlerRace.attempts(), handlerRace.succeeded()));
        md.append(String.format(Locale.ROOT, "| raw conditional UpdateItems | %.0f | %d | %d |%n", rawRace.perSecond(),
                rawRace.attempts(), rawRace.succeeded()));
        return md.toString();
    }

    /** The value at a share of the sorted sample, by nearest rank. */
    private static double at(long[] sorted, double share) {
        return sorted[Math.max(0, (int) Math.ceil(share * sorted.length) - 1)];
    }

    private static int arg(String[] args, String name, int otherwise) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name) && args[i + 1].matches("[1-9][0-9]{0,5}")) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        if (args.length % 2 != 0 || Arrays.stream(args).filter(a -> a.startsWith("--"))
                .anyMatch(a -> !a.equals("--operations") && !a.equals("--threads"))) {
            System.err.println("usage: bin/bench-quota [--operations N, default 300] [--threads T, default 8]");
            System.exit(2);
        }
        return otherwise;
    }

    private static String loadAverage() throws java.io.IOException {
        return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
    }
}

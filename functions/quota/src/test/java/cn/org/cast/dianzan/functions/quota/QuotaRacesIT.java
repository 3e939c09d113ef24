package cn.org.cast.dianzan.functions.quota;

import static cn.org.cast.dianzan.testing.HttpEvents.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.campaign.CampaignService;
import cn.org.cast.dianzan.campaign.CampaignSettings;
import cn.org.cast.dianzan.campaign.Category;
import cn.org.cast.dianzan.campaign.QuotaLedger;
import cn.org.cast.dianzan.campaign.QuotaService;
import cn.org.cast.dianzan.campaign.Quotas;
import cn.org.cast.dianzan.cases.CaseRecord;
import cn.org.cast.dianzan.cases.CaseService;
import cn.org.cast.dianzan.cases.CaseStatus;
import cn.org.cast.dianzan.codes.BindingService;
import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.engines.junit.AwsEnginesExtension;
import cn.org.cast.dianzan.engines.junit.AwsResources;
import cn.org.cast.dianzan.testing.FakeLambdaContext;
import cn.org.cast.dianzan.testing.HttpEvents;
import cn.org.cast.dianzan.testing.TestContexts;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The quota under races, retries and crashes, through the handler on the engines: the ledger's one
 * conditional write per change is the only thing that stands between a rush and a fourth place.
 */
@ExtendWith(AwsEnginesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuotaRacesIT {

    private static final String OPEN = "2026-06-20T10:00:00+08:00";

    private final AwsResources aws;
    private ApplicationContext context;
    private QuotaHandler handler;
    private ReviewFixture fixture;

    QuotaRacesIT(AwsResources aws) {
        this.aws = aws;
    }

    @BeforeAll
    void start() {
        context = TestContexts.against(aws, TestContexts.fixedAt(OPEN));
        handler = new QuotaHandler(context);
        fixture = new ReviewFixture(context);
    }

    @AfterAll
    void stop() {
        handler.close();
    }

    private int call(HttpEvents event) {
        return handler.handleRequest(event.build(), new FakeLambdaContext()).getStatusCode();
    }

    private int recommend(ReviewFixture.Unit unit, String caseId) {
        return call(request("POST", "/cases/{id}/recommend").path("id", caseId).as(unit.recommender()));
    }

    private int swap(ReviewFixture.Unit unit, String caseId, String replaces) {
        return call(request("POST", "/cases/{id}/recommend").path("id", caseId).as(unit.recommender())
                .body("{\"replaces\":\"" + replaces + "\"}"));
    }

    private int withdraw(ReviewFixture.Unit unit, String caseId) {
        return call(request("DELETE", "/cases/{id}/recommend").path("id", caseId).as(unit.recommender()));
    }

    private QuotaLedger ledger(ReviewFixture.Unit unit) {
        String unitId = context.getBean(BindingService.class).ownUnitId(Caller.fromClaims(unit.recommender()));
        return context.getBean(QuotaService.class).find(unitId).orElseThrow();
    }

    private Map<String, CaseStatus> statuses(List<String> ids) {
        CaseService cases = context.getBean(CaseService.class);
        return ids.stream().collect(Collectors.toMap(id -> id, id -> cases.find(id).map(CaseRecord::status).orElseThrow()));
    }

    /** The cases marked recommended are exactly those the ledger holds. */
    private void assertStatusesAgreeWithLedger(ReviewFixture.Unit unit, List<String> ids) {
        QuotaLedger ledger = ledger(unit);
        Map<String, CaseStatus> statuses = statuses(ids);
        Set<String> marked = statuses.entrySet().stream().filter(e -> e.getValue() == CaseStatus.RECOMMENDED)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        Set<String> held = ids.stream().filter(ledger::contains).collect(Collectors.toSet());
        assertEquals(held, marked, "the ledger and the case statuses agree");
        assertTrue(statuses.values().stream().allMatch(s -> s == CaseStatus.APPROVED || s == CaseStatus.RECOMMENDED));
    }

    @Test
    void ofOneHundredConcurrentRecommendationsInOneCategoryExactlyThreeWinInEachOfFiftyRounds() throws Exception {
        ReviewFixture.Unit unit = fixture.unit("某省科学技术协会");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(fixture.approved(unit, Category.ACTIVITY_SERVICE, "科普讲座" + i));
        }

        for (int round = 0; round < 50; round++) {
            List<Integer> answers = concurrently(100, i -> recommend(unit, ids.get(i)));

            assertEquals(3, answers.stream().filter(s -> s == 200).count(), "round " + round + ": " + answers);
            assertEquals(97, answers.stream().filter(s -> s == 409).count(), "round " + round + ": " + answers);
            QuotaLedger ledger = ledger(unit);
            assertEquals(3, ledger.in(Category.ACTIVITY_SERVICE).size());
            assertEquals(3, ledger.total());
            assertStatusesAgreeWithLedger(unit, ids);
            for (String id : ledger.in(Category.ACTIVITY_SERVICE)) {
                assertEquals(200, withdraw(unit, id));
            }
        }
        assertEquals(0, ledger(unit).total());
        assertTrue(statuses(ids).values().stream().allMatch(s -> s == CaseStatus.APPROVED));
    }

    /**
     * The notice's quotas (3 per category, 6 in all), and category quotas of 4 with a total of 6, where
     * the total binds before either category does.
     */
    @ParameterizedTest(name = "quotas {0}/{1}, total {2}")
    @CsvSource({"3, 3, 6", "4, 4, 6"})
    void mixedRecommendWithdrawAndSwapRacesNeverExceedAQuotaAndLeaveLedgerAndStatusesAgreed(int perActivity,
            int perVenue, int total) throws Exception {
        context.getBean(CampaignService.class).update(Caller.fromClaims(HttpEvents.admin("admin")),
                new CampaignSettings("2026年度“典赞·科普中国”科普案例征集", TestContexts.instant("2026-06-17T00:00:00+08:00"),
                        TestContexts.instant("2026-07-01T00:00:00+08:00"), new Quotas(perActivity, perVenue, total)),
                Optional.empty());
        ReviewFixture.Unit unit = fixture.unit("某学会" + perActivity);
        try {
            List<String> activity = new ArrayList<>();
            List<String> venue = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                activity.add(fixture.approved(unit, Category.ACTIVITY_SERVICE, "活动" + i));
                venue.add(fixture.approved(unit, Category.VENUE_BUILDING, "阵地" + i));
            }
            List<String> all = new ArrayList<>(activity);
            all.addAll(venue);
            AtomicBoolean racing = new AtomicBoolean(true);
            List<String> violations = new ArrayList<>();
            Thread watcher = new Thread(() -> {
                while (racing.get()) {
                    QuotaLedger now = ledger(unit);
                    if (now.in(Category.ACTIVITY_SERVICE).size() > perActivity
                            || now.in(Category.VENUE_BUILDING).size() > perVenue
                            || now.total() > total || now.total() != now.in(Category.ACTIVITY_SERVICE).size()
                            + now.in(Category.VENUE_BUILDING).size()) {
                        synchronized (violations) {
                            violations.add(now.toString());
                        }
                    }
                }
            });
            recommend(unit, activity.get(0));
            watcher.start();

            List<Integer> answers = concurrently(400, i -> {
                Random random = new Random(i);
                List<String> pool = random.nextBoolean() ? activity : venue;
                String a = pool.get(random.nextInt(pool.size()));
                String b = pool.get((pool.indexOf(a) + 1 + random.nextInt(pool.size() - 1)) % pool.size());
                return switch (random.nextInt(3)) {
                    case 0 -> recommend(unit, a);
                    case 1 -> withdraw(unit, a);
                    default -> swap(unit, a, b);
                };
            });
            racing.set(false);
            watcher.join();

            assertEquals(List.of(), violations, "a quota exceeded or the total out of step at some moment");
            assertTrue(answers.stream().allMatch(s -> s == 200 || s == 409), answers.toString());
            assertTrue(answers.stream().filter(s -> s == 200).count() > 20, "the races did change the ledger: " + answers);
            QuotaLedger end = ledger(unit);
            assertTrue(end.in(Category.ACTIVITY_SERVICE).size() <= perActivity
                    && end.in(Category.VENUE_BUILDING).size() <= perVenue && end.total() <= total, end.toString());
            assertEquals(200, call(request("GET", "/units/me/quota").as(unit.recommender())), "the read repairs");
            assertStatusesAgreeWithLedger(unit, all);
        } finally {
            // The default quotas back, which this unit's places must first fit under.
            QuotaLedger left = ledger(unit);
            for (Category category : Category.values()) {
                left.in(category).forEach(id -> withdraw(unit, id));
            }
            context.getBean(CampaignService.class).update(Caller.fromClaims(HttpEvents.admin("admin")),
                    new CampaignSettings("2026年度“典赞·科普中国”科普案例征集", TestContexts.instant("2026-06-17T00:00:00+08:00"),
                            TestContexts.instant("2026-07-01T00:00:00+08:00"), new Quotas(3, 3, 6)), Optional.empty());
        }
    }

    @Test
    void aCrashBetweenTheLedgerWriteAndTheCaseWriteIsRepairedOnTheNextRead() {
        ReviewFixture.Unit unit = fixture.unit("某市科协");
        String recommended = fixture.approved(unit, Category.VENUE_BUILDING, "科技馆");
        String withdrawn = fixture.approved(unit, Category.VENUE_BUILDING, "博物馆");
        assertEquals(200, recommend(unit, withdrawn));
        String unitId = context.getBean(BindingService.class).ownUnitId(Caller.fromClaims(unit.recommender()));
        QuotaService quotas = context.getBean(QuotaService.class);

        // The ledger writes alone, as if the function died before writing the cases.
        quotas.recommend(unitId, unit.name(), Category.VENUE_BUILDING, recommended);
        quotas.withdraw(unitId, Category.VENUE_BUILDING, withdrawn);
        assertEquals(Map.of(recommended, CaseStatus.APPROVED, withdrawn, CaseStatus.RECOMMENDED),
                statuses(List.of(recommended, withdrawn)), "the crash left them apart");

        assertEquals(200, call(request("GET", "/units/me/quota").as(unit.recommender())));
        assertEquals(Map.of(recommended, CaseStatus.RECOMMENDED, withdrawn, CaseStatus.APPROVED),
                statuses(List.of(recommended, withdrawn)), "repaired from the ledger");
        assertEquals(200, call(request("GET", "/units/me/quota").as(unit.recommender())));
        assertStatusesAgreeWithLedger(unit, List.of(recommended, withdrawn));
        // A retried recommendation of the case the ledger already holds changes nothing.
        assertEquals(409, recommend(unit, recommended));
        assertEquals(1, ledger(unit).total());
    }

    /** Runs {@code n} calls at once (released together), answering their results in order. */
    private static List<Integer> concurrently(int n, IntFunction<Integer> call) throws Exception {
        int threads = Math.min(n, 100);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                calls.add(() -> {
                    start.await();
                    return call.apply(index);
                });
            }
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> c : calls) {
                futures.add(pool.submit(c));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

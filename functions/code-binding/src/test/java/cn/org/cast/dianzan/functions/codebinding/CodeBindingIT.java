package cn.org.cast.dianzan.functions.codebinding;

import static cn.org.cast.dianzan.testing.Answers.body;
import static cn.org.cast.dianzan.testing.Answers.errorCode;
import static cn.org.cast.dianzan.testing.HttpEvents.admin;
import static cn.org.cast.dianzan.testing.HttpEvents.implementer;
import static cn.org.cast.dianzan.testing.HttpEvents.recommender;
import static cn.org.cast.dianzan.testing.HttpEvents.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.core.audit.AuditLog;
import cn.org.cast.dianzan.engines.junit.AwsEnginesExtension;
import cn.org.cast.dianzan.engines.junit.AwsResources;
import cn.org.cast.dianzan.testing.FakeLambdaContext;
import cn.org.cast.dianzan.testing.HttpEvents;
import cn.org.cast.dianzan.testing.TestContexts;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** "一单位一码" end to end through the code-binding function, on the engines, at 2026-06-20 China time. */
@ExtendWith(AwsEnginesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodeBindingIT {

    private static final Map<String, String> ADMIN = admin("admin-1");
    private static final String UNIT_INFO = """
            {"unitName":"某省科学技术协会","address":"某省某市科技路1号","contactName":"王老师","contactTitle":"科普部部长",
             "phone":"13912345678","email":"kepu@example.cn"}""";

    private final AwsResources aws;
    private ApplicationContext context;
    private CodeBindingHandler handler;
    private int accounts;

    CodeBindingIT(AwsResources aws) {
        this.aws = aws;
    }

    @BeforeAll
    void start() {
        context = TestContexts.against(aws, TestContexts.fixedAt("2026-06-20T10:00:00+08:00"));
        handler = new CodeBindingHandler(context);
    }

    @AfterAll
    void stop() {
        handler.close();
    }

    private APIGatewayV2HTTPResponse call(HttpEvents event) {
        return handler.handleRequest(event.build(), new FakeLambdaContext());
    }



    @SuppressWarnings("unchecked")
    private List<String> issue(int count) {
        StringBuilder units = new StringBuilder("{\"units\":[");
        for (int i = 0; i < count; i++) {
            units.append(i == 0 ? "" : ",").append("{\"name\":\"推荐单位").append(i)
                    .append("\",\"unitType\":\"PROVINCIAL_ASSOCIATION\",\"province\":\"北京市\"}");
        }
        APIGatewayV2HTTPResponse response = call(request("POST", "/admin/codes").as(ADMIN).body(units + "]}"));
        assertEquals(201, response.getStatusCode(), response.getBody());
        return ((List<Map<String, Object>>) body(response).get("items")).stream().map(c -> (String) c.get("code")).toList();
    }

    private String newAccount() {
        return "account-" + (++accounts);
    }

    private APIGatewayV2HTTPResponse bind(String code, String account) {
        return call(request("POST", "/codes/{code}/bind").path("code", code).as(recommender(account)).body(UNIT_INFO));
    }

    private APIGatewayV2HTTPResponse join(String code, String account) {
        return call(request("POST", "/codes/{code}/join").path("code", code).as(implementer(account))
                .body("{\"organization\":\"某市科技馆\"}"));
    }

    @Test
    void anAdminIssuesFiftyDistinctCodesListedAsIssued() {
        List<String> codes = issue(50);

        assertEquals(50, Set.copyOf(codes).size());
        APIGatewayV2HTTPResponse page = call(request("GET", "/admin/codes").as(ADMIN).query("status", "ISSUED")
                .query("limit", "200"));
        assertEquals(200, page.getStatusCode());
        @SuppressWarnings("unchecked")
        Set<String> listed = ((List<Map<String, Object>>) body(page).get("items")).stream()
                .map(c -> (String) c.get("code")).collect(Collectors.toSet());
        assertTrue(listed.containsAll(codes));
    }

    @Test
    void ofFiftyConcurrentBindsOfOneCodeExactlyOneSucceedsAndTheRestAreTold409() throws Exception {
        String code = issue(1).get(0);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Callable<APIGatewayV2HTTPResponse>> binds = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String account = newAccount();
                binds.add(() -> {
                    go.await();
                    return bind(code, account);
                });
            }
            List<Future<APIGatewayV2HTTPResponse>> futures = new ArrayList<>();
            binds.forEach(b -> futures.add(pool.submit(b)));
            go.countDown();
            int created = 0;
            int conflicts = 0;
            for (Future<APIGatewayV2HTTPResponse> future : futures) {
                APIGatewayV2HTTPResponse response = future.get();
                if (response.getStatusCode() == 201) {
                    created++;
                } else {
                    assertEquals(409, response.getStatusCode(), response.getBody());
                    assertEquals("CODE_ALREADY_BOUND", errorCode(response));
                    conflicts++;
                }
            }
            assertEquals(1, created);
            assertEquals(49, conflicts);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAccountThatBoundOneCodeCannotBindASecond() {
        List<String> codes = issue(2);
        String account = newAccount();
        assertEquals(201, bind(codes.get(0), account).getStatusCode());

        APIGatewayV2HTTPResponse second = bind(codes.get(1), account);
        assertEquals(409, second.getStatusCode());
        assertEquals("ACCOUNT_ALREADY_BOUND", errorCode(second));
        assertEquals(201, bind(codes.get(1), newAccount()).getStatusCode());
    }

    @Test
    void aRetriedBindByTheSameAccountAnswersTheSameUnit() {
        String code = issue(1).get(0);
        String account = newAccount();
        Object first = body(bind(code, account)).get("unitId");

        APIGatewayV2HTTPResponse retry = bind(code, account);
        assertEquals(201, retry.getStatusCode());
        assertEquals(first, body(retry).get("unitId"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anImplementerJoinsABoundCodeAndIsListedByItsUnit() {
        String code = issue(1).get(0);
        String unit = newAccount();
        assertEquals(201, bind(code, unit).getStatusCode());
        String member = newAccount();

        assertEquals(201, join(code, member).getStatusCode());
        List<Map<String, Object>> listed = (List<Map<String, Object>>) body(call(request("GET", "/units/me/implementers")
                .as(recommender(unit)))).get("items");
        assertEquals(1, listed.size());
        assertEquals("某市科技馆", listed.get(0).get("organization"));
        assertEquals("ACTIVE", listed.get(0).get("status"));
        Map<String, Object> me = body(call(request("GET", "/me").as(implementer(member))));
        assertEquals("某省科学技术协会", ((Map<String, Object>) me.get("membership")).get("unitName"));
    }

    @Test
    void joiningACodeNoUnitHasBoundYetIsRefused() {
        APIGatewayV2HTTPResponse response = join(issue(1).get(0), newAccount());
        assertEquals(409, response.getStatusCode());
        assertEquals("CODE_NOT_BOUND", errorCode(response));
    }

    @Test
    void aRevokedCodeCanNeitherBeBoundNorJoined() {
        List<String> codes = issue(2);
        assertEquals(201, bind(codes.get(1), newAccount()).getStatusCode());
        for (String code : codes) {
            assertEquals(200, call(request("POST", "/admin/codes/{code}/revoke").path("code", code).as(ADMIN)).getStatusCode());
        }

        APIGatewayV2HTTPResponse bind = bind(codes.get(0), newAccount());
        assertEquals(409, bind.getStatusCode());
        assertEquals("CODE_REVOKED", errorCode(bind));
        APIGatewayV2HTTPResponse join = join(codes.get(1), newAccount());
        assertEquals(409, join.getStatusCode());
        assertEquals("CODE_REVOKED", errorCode(join));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReissuedCodeCarriesTheBoundUnitAndItsImplementersOver() {
        String old = issue(1).get(0);
        String unit = newAccount();
        String unitId = (String) body(bind(old, unit)).get("unitId");
        assertEquals(201, join(old, newAccount()).getStatusCode());

        APIGatewayV2HTTPResponse reissued = call(request("POST", "/admin/codes/{code}/reissue").path("code", old).as(ADMIN));
        assertEquals(201, reissued.getStatusCode(), reissued.getBody());
        String fresh = (String) body(reissued).get("code");
        assertEquals("BOUND", body(reissued).get("status"));

        Map<String, Object> me = body(call(request("GET", "/me").as(recommender(unit))));
        assertEquals(fresh, ((Map<String, Object>) me.get("unit")).get("code"));
        assertEquals(unitId, ((Map<String, Object>) me.get("unit")).get("unitId"));
        assertEquals("CODE_REVOKED", errorCode(join(old, newAccount())));
        assertEquals(201, join(fresh, newAccount()).getStatusCode());
        assertEquals(2, ((List<?>) body(call(request("GET", "/units/me/implementers").as(recommender(unit))))
                .get("items")).size());
        assertEquals("CODE_ALREADY_REPLACED", errorCode(call(request("POST", "/admin/codes/{code}/reissue")
                .path("code", old).as(ADMIN))));
    }

    @Test
    void tenUnknownCodesInAnHourLockTheAccountOutUntilTheHourEnds() {
        String account = newAccount();
        String valid = issue(1).get(0);
        List<String> unknown = new ArrayList<>();
        while (unknown.size() < 10) {
            String candidate = cn.org.cast.dianzan.codes.RecommendationCode.generate(new java.security.SecureRandom()).display();
            if (!candidate.equals(valid)) {
                unknown.add(candidate);
            }
        }
        for (String code : unknown) {
            APIGatewayV2HTTPResponse response = bind(code, account);
            assertEquals(404, response.getStatusCode());
            assertEquals("CODE_NOT_FOUND", errorCode(response));
        }

        APIGatewayV2HTTPResponse locked = bind(valid, account);
        assertEquals(429, locked.getStatusCode());
        assertEquals("TOO_MANY_CODE_ATTEMPTS", errorCode(locked));
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) ((Map<String, Object>) body(locked).get("error")).get("details");
        assertEquals("2026-06-20T11:00:00+08:00", details.get("retryAt"));
        assertEquals("3600", locked.getHeaders().get("Retry-After"));
        assertEquals(10, context.getBean(AuditLog.class).forEntity("ACCOUNT#" + account).stream()
                .filter(e -> e.action().equals("CODE_LOOKUP_FAILED")).count());
    }

    @Test
    void aTypoCaughtByTheCheckCharacterIsA400ThatCostsNoAttempt() {
        String code = issue(1).get(0).replace("-", "");
        char last = code.charAt(14);
        String typo = code.substring(0, 14) + (last == 'A' ? 'B' : 'A');
        String account = newAccount();
        for (int i = 0; i < 12; i++) {
            APIGatewayV2HTTPResponse response = bind(typo, account);
            assertEquals(400, response.getStatusCode());
            assertEquals("CODE_CHECK_FAILED", errorCode(response));
        }
        assertEquals(201, bind(code, account).getStatusCode());
    }

    @Test
    void onlyARecommenderAccountBindsAndOnlyAnAdminIssues() {
        String code = issue(1).get(0);
        APIGatewayV2HTTPResponse byImplementer = call(request("POST", "/codes/{code}/bind").path("code", code)
                .as(implementer(newAccount())).body(UNIT_INFO));
        assertEquals(403, byImplementer.getStatusCode());
        assertEquals("WRONG_ACCOUNT_TYPE", errorCode(byImplementer));

        APIGatewayV2HTTPResponse byUnit = call(request("POST", "/admin/codes").as(recommender(newAccount()))
                .body("{\"units\":[{\"name\":\"x\",\"unitType\":\"OTHER\"}]}"));
        assertEquals(403, byUnit.getStatusCode());
        assertEquals("ADMIN_ONLY", errorCode(byUnit));
        assertEquals(401, call(request("POST", "/codes/{code}/bind").path("code", code).body(UNIT_INFO)).getStatusCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void badUnitDetailsAreAllListedAndTheCodeStaysUnbound() {
        String code = issue(1).get(0);
        APIGatewayV2HTTPResponse response = call(request("POST", "/codes/{code}/bind").path("code", code)
                .as(recommender(newAccount())).body("""
                        {"unitName":"","address":"%s","contactName":"王老师","phone":"12345","email":"not-an-email"}"""
                        .formatted("路".repeat(201))));

        assertEquals(400, response.getStatusCode());
        Set<String> fields = ((List<Map<String, Object>>) ((Map<String, Object>) body(response).get("error")).get("fields"))
                .stream().map(f -> f.get("field") + ":" + f.get("code")).collect(Collectors.toSet());
        assertEquals(Set.of("unitName:REQUIRED", "address:TOO_LONG", "contactTitle:REQUIRED", "phone:INVALID_PHONE",
                "email:INVALID_EMAIL"), fields);
        assertEquals(201, bind(code, newAccount()).getStatusCode());
    }

    @Test
    void badIssueRequestsListEveryBadUnit() {
        APIGatewayV2HTTPResponse response = call(request("POST", "/admin/codes").as(ADMIN).body("""
                {"units":[{"name":"甲","unitType":"PROVINCIAL_ASSOCIATION","province":"火星"},{"unitType":"NOPE"}]}"""));
        assertEquals(400, response.getStatusCode());
        assertTrue(response.getBody().contains("units[0].province") && response.getBody().contains("units[1].name")
                && response.getBody().contains("units[1].unitType"), response.getBody());
    }

    @Test
    void theExportIsACsvExcelReadsWithEveryCode() {
        List<String> codes = issue(3);
        APIGatewayV2HTTPResponse export = call(request("GET", "/admin/codes/export").as(ADMIN));

        assertEquals(200, export.getStatusCode());
        assertTrue(export.getHeaders().get("Content-Type").startsWith("text/csv"));
        assertTrue(export.getBody().startsWith("\uFEFF推荐码,"));
        codes.forEach(code -> assertTrue(export.getBody().contains("\"" + code + "\""), code));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDetachedImplementerIsKeptAsDetachedAndMayJoinAnotherUnit() {
        List<String> codes = issue(2);
        String unitA = newAccount();
        bind(codes.get(0), unitA);
        bind(codes.get(1), newAccount());
        String member = newAccount();
        join(codes.get(0), member);

        APIGatewayV2HTTPResponse detached = call(request("POST", "/units/me/implementers/{memberId}/detach")
                .path("memberId", member).as(recommender(unitA)));
        assertEquals(200, detached.getStatusCode(), detached.getBody());
        assertEquals("DETACHED", body(detached).get("status"));
        assertEquals(201, join(codes.get(1), member).getStatusCode());
        assertEquals("MEMBER_NOT_FOUND", errorCode(call(request("POST", "/units/me/implementers/{memberId}/detach")
                .path("memberId", "someone-else").as(recommender(unitA)))));
    }

    @Test
    void afterTheDeadlineNoCodeIsBoundOrJoinedButAdminsStillIssue() {
        String code = issue(1).get(0);
        try (CodeBindingHandler late = new CodeBindingHandler(
                TestContexts.against(aws, TestContexts.fixedAt("2026-07-01T00:00:00+08:00")))) {
            APIGatewayV2HTTPResponse bound = late.handleRequest(request("POST", "/codes/{code}/bind").path("code", code)
                    .as(recommender(newAccount())).body(UNIT_INFO).build(), new FakeLambdaContext());
            assertEquals(403, bound.getStatusCode());
            assertEquals("CAMPAIGN_CLOSED", errorCode(bound));
            assertEquals("征集已截止", ((Map<?, ?>) body(bound).get("error")).get("message"));
            APIGatewayV2HTTPResponse issued = late.handleRequest(request("POST", "/admin/codes").as(ADMIN)
                    .body("{\"units\":[{\"name\":\"补发单位\",\"unitType\":\"OTHER\"}]}").build(), new FakeLambdaContext());
            assertEquals(201, issued.getStatusCode());
        }
        assertEquals(201, bind(code, newAccount()).getStatusCode());
    }
}

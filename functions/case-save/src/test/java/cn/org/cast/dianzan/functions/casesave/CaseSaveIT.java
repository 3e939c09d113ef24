package cn.org.cast.dianzan.functions.casesave;

import static cn.org.cast.dianzan.testing.Answers.body;
import static cn.org.cast.dianzan.testing.Answers.error;
import static cn.org.cast.dianzan.testing.Answers.fieldCodes;
import static cn.org.cast.dianzan.testing.Answers.json;
import static cn.org.cast.dianzan.testing.HttpEvents.admin;
import static cn.org.cast.dianzan.testing.HttpEvents.implementer;
import static cn.org.cast.dianzan.testing.HttpEvents.recommender;
import static cn.org.cast.dianzan.testing.HttpEvents.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.cases.Selected2025;
import cn.org.cast.dianzan.codes.BindingService;
import cn.org.cast.dianzan.codes.CodeService;
import cn.org.cast.dianzan.codes.IssuedCode;
import cn.org.cast.dianzan.codes.JoinDetails;
import cn.org.cast.dianzan.codes.UnitInfo;
import cn.org.cast.dianzan.codes.UnitType;
import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.core.audit.AuditLog;
import cn.org.cast.dianzan.engines.junit.AwsEnginesExtension;
import cn.org.cast.dianzan.engines.junit.AwsResources;
import cn.org.cast.dianzan.testing.FakeLambdaContext;
import cn.org.cast.dianzan.testing.HttpEvents;
import cn.org.cast.dianzan.testing.TestContexts;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The case form end to end through the case-save function on the engines: two units, an implementer each. */
@ExtendWith(AwsEnginesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseSaveIT {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final String OPEN = "2026-06-20T10:00:00+08:00";
    private static final Map<String, String> UNIT_A = recommender("unit-a");
    private static final Map<String, String> UNIT_B = recommender("unit-b");
    private static final Map<String, String> IMPL_A = implementer("impl-a");
    private static final Map<String, String> IMPL_B = implementer("impl-b");
    private static final Map<String, String> ADMIN = admin("admin-1");

    private final AwsResources aws;
    private ApplicationContext context;
    private CaseSaveHandler handler;

    CaseSaveIT(AwsResources aws) {
        this.aws = aws;
    }

    @BeforeAll
    void unitsWithAnImplementerEach() {
        context = TestContexts.against(aws, TestContexts.fixedAt(OPEN));
        handler = new CaseSaveHandler(context);
        CodeService codes = context.getBean(CodeService.class);
        BindingService bindings = context.getBean(BindingService.class);
        List<IssuedCode> issued = codes.issue(Caller.fromClaims(ADMIN), List.of(
                new IssuedCode.IntendedUnit("甲省科协", UnitType.PROVINCIAL_ASSOCIATION, null),
                new IssuedCode.IntendedUnit("乙学会", UnitType.NATIONAL_SOCIETY, null)));
        String[] names = {"甲省科协", "乙学会"};
        List<Map<String, String>> units = List.of(UNIT_A, UNIT_B);
        List<Map<String, String>> members = List.of(IMPL_A, IMPL_B);
        for (int i = 0; i < 2; i++) {
            String code = issued.get(i).code().display();
            bindings.bind(Caller.fromClaims(units.get(i)), code, new UnitInfo(names[i], "某地1号", "王老师", "部长",
                    "13912345678", "unit@example.cn"));
            bindings.join(Caller.fromClaims(members.get(i)), code, new JoinDetails("实施单位" + i));
        }
    }

    @AfterAll
    void stop() {
        handler.close();
    }

    static Map<String, Object> completeForm(String name) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("implementingUnit", "某市科技馆");
        form.put("address", "某市科技大道1号");
        form.put("contactName", "张老师");
        form.put("contactTitle", "馆长");
        form.put("phone", "010-68526300");
        form.put("email", "kjg@example.cn");
        form.put("category", "VENUE_BUILDING");
        form.put("subtype", "SCIENCE_CENTER");
        form.put("summary", "全年开放300天，接待观众50万人次。");
        form.put("detail", "一、实施、应用及推广情况\n……");
        form.put("startedOn", "2025-01-01");
        return form;
    }


    private APIGatewayV2HTTPResponse call(CaseSaveHandler target, HttpEvents event) {
        return target.handleRequest(event.build(), new FakeLambdaContext());
    }

    private APIGatewayV2HTTPResponse call(HttpEvents event) {
        return call(handler, event);
    }




    /** A case with its form as given, and its two photos already verified and attached. */
    private String create(Map<String, String> who, Object form) {
        String id = createWithoutFiles(who, form);
        VerifiedFiles.attachTo(context, id, who.get("sub"), 0);
        return id;
    }

    private String createWithoutFiles(Map<String, String> who, Object form) {
        APIGatewayV2HTTPResponse response = call(request("POST", "/cases").as(who)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(json(form)));
        assertEquals(201, response.getStatusCode(), response.getBody());
        return (String) body(response).get("id");
    }

    private APIGatewayV2HTTPResponse put(Map<String, String> who, String id, long version, Object form) {
        return call(request("PUT", "/cases/{id}").path("id", id).as(who).header("If-Match", "\"" + version + "\"")
                .body(json(form)));
    }

    private APIGatewayV2HTTPResponse get(Map<String, String> who, String id) {
        return call(request("GET", "/cases/{id}").path("id", id).as(who));
    }

    @Test
    @SuppressWarnings("unchecked")
    void twentyConcurrentRetriesOfOneCreateMakeOneCase() throws Exception {
        String key = "retry-" + UUID.randomUUID();
        String form = json(Map.of("name", "重试不会重复"));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Callable<APIGatewayV2HTTPResponse>> retries = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                retries.add(() -> {
                    go.await();
                    return call(request("POST", "/cases").as(IMPL_A).header("Idempotency-Key", key).body(form));
                });
            }
            List<Future<APIGatewayV2HTTPResponse>> futures = new ArrayList<>();
            retries.forEach(r -> futures.add(pool.submit(r)));
            go.countDown();
            Set<Object> ids = new java.util.HashSet<>();
            int created = 0;
            for (Future<APIGatewayV2HTTPResponse> future : futures) {
                APIGatewayV2HTTPResponse response = future.get();
                assertTrue(response.getStatusCode() == 201 || response.getStatusCode() == 200, response.getBody());
                created += response.getStatusCode() == 201 ? 1 : 0;
                ids.add(body(response).get("id"));
            }
            assertEquals(1, created);
            assertEquals(1, ids.size());
        } finally {
            pool.shutdownNow();
        }
        long sameName = ((List<Map<String, Object>>) body(call(request("GET", "/cases").as(IMPL_A))).get("items"))
                .stream().filter(c -> "重试不会重复".equals(c.get("name"))).count();
        assertEquals(1, sameName);
    }

    @Test
    void aKeyReusedForDifferentContentIsRefusedAndAMissingKeyToo() {
        String key = "reuse-" + UUID.randomUUID();
        assertEquals(201, call(request("POST", "/cases").as(IMPL_A).header("Idempotency-Key", key)
                .body(json(Map.of("name", "第一份")))).getStatusCode());
        APIGatewayV2HTTPResponse reused = call(request("POST", "/cases").as(IMPL_A).header("Idempotency-Key", key)
                .body(json(Map.of("name", "第二份"))));
        assertEquals(422, reused.getStatusCode());
        assertEquals("IDEMPOTENCY_KEY_REUSED", error(reused).get("code"));
        APIGatewayV2HTTPResponse keyless = call(request("POST", "/cases").as(IMPL_A).body(json(Map.of("name", "无键"))));
        assertEquals(400, keyless.getStatusCode());
        assertEquals("IDEMPOTENCY_KEY_REQUIRED", error(keyless).get("code"));
    }

    @Test
    void ofTwoConcurrentUpdatesFromOneVersionOneWinsAndTheOtherIsToldTheCurrentVersion() throws Exception {
        String id = create(IMPL_A, Map.of("name", "并发修改"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<APIGatewayV2HTTPResponse>> edits = new ArrayList<>();
            for (String name : List.of("甲改的名称", "乙改的名称")) {
                edits.add(pool.submit(() -> {
                    go.await();
                    return put(IMPL_A, id, 1, Map.of("name", name));
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<APIGatewayV2HTTPResponse> edit : edits) {
                APIGatewayV2HTTPResponse response = edit.get();
                statuses.add(response.getStatusCode());
                if (response.getStatusCode() == 409) {
                    assertEquals("VERSION_CONFLICT", error(response).get("code"));
                    assertEquals(2, ((Map<?, ?>) error(response).get("details")).get("currentVersion"));
                }
            }
            assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, body(get(IMPL_A, id)).get("version"));
    }

    @Test
    void anEditWithoutIfMatchIsRefusedAndChangesNothing() {
        String id = create(IMPL_A, Map.of("name", "没有版本号"));
        APIGatewayV2HTTPResponse response = call(request("PUT", "/cases/{id}").path("id", id).as(IMPL_A)
                .body(json(Map.of("name", "改了"))));
        assertEquals(428, response.getStatusCode());
        assertEquals("没有版本号", ((Map<?, ?>) body(get(IMPL_A, id)).get("form")).get("name"));
    }

    @Test
    void anotherUnitsCaseAnswers404AndTheOwnUnitReadsItWithoutEditing() {
        String id = create(IMPL_A, Map.of("name", "甲单位的案例"));

        assertEquals(404, get(IMPL_B, id).getStatusCode());
        assertEquals(404, get(UNIT_B, id).getStatusCode());
        assertEquals(404, put(IMPL_B, id, 1, Map.of("name", "越权")).getStatusCode());
        APIGatewayV2HTTPResponse byUnit = get(UNIT_A, id);
        assertEquals(200, byUnit.getStatusCode());
        assertEquals(false, body(byUnit).get("editable"));
        APIGatewayV2HTTPResponse unitEdit = put(UNIT_A, id, 1, Map.of("name", "推荐单位改"));
        assertEquals(403, unitEdit.getStatusCode());
        assertEquals("CASE_READ_ONLY", error(unitEdit).get("code"));
        assertEquals(200, get(ADMIN, id).getStatusCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRecommendingUnitEntersItsOwnCasesAndListsEveryCaseUnderItsCode() {
        String own = create(UNIT_A, Map.of("name", "推荐单位自己的案例"));
        String members = create(IMPL_A, Map.of("name", "实施单位的案例"));

        Set<Object> listed = ((List<Map<String, Object>>) body(call(request("GET", "/cases").as(UNIT_A))).get("items"))
                .stream().map(c -> c.get("id")).collect(Collectors.toSet());
        assertTrue(listed.containsAll(List.of(own, members)));
        Set<Object> mine = ((List<Map<String, Object>>) body(call(request("GET", "/cases").as(IMPL_A))).get("items"))
                .stream().map(c -> c.get("id")).collect(Collectors.toSet());
        assertFalse(mine.contains(own));
        assertEquals(true, body(get(UNIT_A, own)).get("editable"));
    }

    @Test
    void badInputListsEveryFieldAndLeavesTheStoredCaseUnchanged() {
        String id = create(IMPL_A, completeForm("完好的案例"));
        Map<String, Object> bad = completeForm("这个案例名称已经超过了二十个字的限制了啊！");
        bad.put("mediaReports", List.of(Map.of("title", "t", "url", "javascript:alert(1)")));
        bad.put("startedOn", "2024-12-31");
        bad.put("subtype", "OTHER");

        APIGatewayV2HTTPResponse response = put(IMPL_A, id, 1, bad);
        assertEquals(400, response.getStatusCode());
        assertEquals(Set.of("name:TOO_LONG", "mediaReports[0].url:INVALID_URL", "startedOn:BEFORE_2025",
                "otherSubtype:REQUIRED"), fieldCodes(response));
        Map<String, Object> stored = body(get(IMPL_A, id));
        assertEquals(1, stored.get("version"));
        assertEquals("完好的案例", ((Map<?, ?>) stored.get("form")).get("name"));
        APIGatewayV2HTTPResponse notJson = call(request("PUT", "/cases/{id}").path("id", id).as(IMPL_A)
                .header("If-Match", "1").body("{\"name\":"));
        assertEquals("INVALID_JSON", error(notJson).get("code"));
    }

    @Test
    void submissionListsEverythingMissingAtOnce() {
        String id = create(IMPL_A, Map.of("name", "不完整"));
        APIGatewayV2HTTPResponse response = call(request("POST", "/cases/{id}/submit").path("id", id).as(IMPL_A));

        assertEquals(400, response.getStatusCode());
        assertEquals("CASE_INCOMPLETE", error(response).get("code"));
        assertEquals(11, fieldCodes(response).size());
        assertEquals("DRAFT", body(get(IMPL_A, id)).get("status"));
    }

    @Test
    void submissionNamesTheMissingPhotosAndAProofForEachAwardWithTheFormsFields() {
        Map<String, Object> form = completeForm("缺照片");
        form.put("awards", List.of(Map.of("name", "优秀科普活动", "level", "PROVINCIAL", "year", 2025),
                Map.of("name", "科普创新奖", "level", "MUNICIPAL", "year", 2025)));
        String id = createWithoutFiles(IMPL_A, form);

        APIGatewayV2HTTPResponse refused = call(request("POST", "/cases/{id}/submit").path("id", id).as(IMPL_A));

        assertEquals("CASE_INCOMPLETE", error(refused).get("code"));
        assertEquals(Set.of("files.LANDSCAPE_PHOTO:REQUIRED", "files.PORTRAIT_PHOTO:REQUIRED",
                "awards[0].proof:REQUIRED", "awards[1].proof:REQUIRED"), fieldCodes(refused));
        VerifiedFiles.attachTo(context, id, IMPL_A.get("sub"), 2);
        APIGatewayV2HTTPResponse submitted = call(request("POST", "/cases/{id}/submit").path("id", id).as(IMPL_A));
        assertEquals(200, submitted.getStatusCode(), submitted.getBody());
    }

    @Test
    void aSubmittedCaseReturnsToDraftWhenEditedAndTheChangeIsRecorded() {
        String id = create(IMPL_A, completeForm("提交后再修改"));
        APIGatewayV2HTTPResponse submitted = call(request("POST", "/cases/{id}/submit").path("id", id).as(IMPL_A));
        assertEquals(200, submitted.getStatusCode(), submitted.getBody());
        assertEquals("SUBMITTED", body(submitted).get("status"));

        APIGatewayV2HTTPResponse edited = put(IMPL_A, id, 2, completeForm("提交后再修改（修订）"));
        assertEquals(200, edited.getStatusCode());
        assertEquals("DRAFT", body(edited).get("status"));
        assertTrue(context.getBean(AuditLog.class).forEntity("CASE#" + id).stream()
                .anyMatch(e -> e.action().equals("CASE_REOPENED_BY_EDIT")));
    }

    @Test
    void onlyDraftsWithoutFilesAreDeleted() {
        String withPhotos = create(IMPL_A, Map.of("name", "有照片的草稿"));
        APIGatewayV2HTTPResponse keepsFiles = call(request("DELETE", "/cases/{id}").path("id", withPhotos).as(IMPL_A));
        assertEquals(409, keepsFiles.getStatusCode());
        assertEquals("CASE_HAS_FILES", error(keepsFiles).get("code"));
        assertEquals(200, get(IMPL_A, withPhotos).getStatusCode());

        String draft = createWithoutFiles(IMPL_A, Map.of("name", "要删除的草稿"));
        assertEquals(204, call(request("DELETE", "/cases/{id}").path("id", draft).as(IMPL_A)).getStatusCode());
        assertEquals(404, get(IMPL_A, draft).getStatusCode());

        String submitted = create(IMPL_A, completeForm("已提交不能删"));
        call(request("POST", "/cases/{id}/submit").path("id", submitted).as(IMPL_A));
        APIGatewayV2HTTPResponse refused = call(request("DELETE", "/cases/{id}").path("id", submitted).as(IMPL_A));
        assertEquals(409, refused.getStatusCode());
        assertEquals("CASE_NOT_DRAFT", error(refused).get("code"));
    }

    @Test
    void theLastSecondOfJuneThirtiethIsAcceptedAndMidnightIsNot() {
        String id = create(IMPL_A, completeForm("截止边界"));
        try (CaseSaveHandler lastSecond = new CaseSaveHandler(TestContexts.against(aws,
                TestContexts.fixedAt("2026-06-30T23:59:59+08:00")))) {
            assertEquals(201, call(lastSecond, request("POST", "/cases").as(IMPL_A)
                    .header("Idempotency-Key", UUID.randomUUID().toString()).body(json(Map.of("name", "最后一秒")))).getStatusCode());
            assertEquals(200, call(lastSecond, request("PUT", "/cases/{id}").path("id", id).as(IMPL_A)
                    .header("If-Match", "1").body(json(completeForm("截止边界（最后一秒）")))).getStatusCode());
        }
        try (CaseSaveHandler midnight = new CaseSaveHandler(TestContexts.against(aws,
                TestContexts.fixedAt("2026-07-01T00:00:00+08:00")))) {
            APIGatewayV2HTTPResponse create = call(midnight, request("POST", "/cases").as(IMPL_A)
                    .header("Idempotency-Key", UUID.randomUUID().toString()).body(json(Map.of("name", "零点"))));
            assertEquals(403, create.getStatusCode());
            assertEquals("征集已截止", error(create).get("message"));
            assertEquals(403, call(midnight, request("PUT", "/cases/{id}").path("id", id).as(IMPL_A)
                    .header("If-Match", "2").body(json(completeForm("零点修改")))).getStatusCode());
            assertEquals(403, call(midnight, request("POST", "/cases/{id}/submit").path("id", id).as(IMPL_A)).getStatusCode());
            assertEquals(403, call(midnight, request("DELETE", "/cases/{id}").path("id", id).as(IMPL_A)).getStatusCode());
            assertEquals(200, call(midnight, request("GET", "/cases/{id}").path("id", id).as(IMPL_A)).getStatusCode());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCaseSelectedIn2025IsRefusedASimilarOneWarnedAndAnAdminCanClearAFalsePositive() {
        APIGatewayV2HTTPResponse imported = call(request("POST", "/admin/selected-2025").as(ADMIN)
                .header("content-type", "text/csv").body("案例名称,实施单位\n科普大篷车进乡村,某县科学技术协会\n"));
        assertEquals(200, imported.getStatusCode(), imported.getBody());

        Map<String, Object> same = completeForm("「科普大篷車」進鄉村");
        same.put("implementingUnit", "某縣科學技術協會");
        String id = create(IMPL_A, same);
        APIGatewayV2HTTPResponse refused = call(request("POST", "/cases/{id}/submit").path("id", id).as(IMPL_A));
        assertEquals(409, refused.getStatusCode());
        assertEquals("SELECTED_IN_2025", error(refused).get("code"));
        assertTrue(((String) error(refused).get("message")).contains("科普大篷车进乡村"));

        String similar = create(IMPL_A, completeForm("科普大篷车进农村"));
        List<Map<String, Object>> warnings = (List<Map<String, Object>>) body(get(IMPL_A, similar)).get("warnings");
        assertEquals("SIMILAR_TO_2025", warnings.get(0).get("code"));

        assertEquals(200, call(request("POST", "/admin/cases/{id}/clear-2025-match").path("id", id).as(ADMIN)).getStatusCode());
        APIGatewayV2HTTPResponse afterClearing = call(request("POST", "/cases/{id}/submit").path("id", id).as(IMPL_A));
        assertEquals(200, afterClearing.getStatusCode(), afterClearing.getBody());
        assertTrue(context.getBean(AuditLog.class).forEntity("CASE#" + id).stream()
                .anyMatch(e -> e.action().equals("CASE_2025_MATCH_CLEARED")));
    }

    @Test
    void aFullSizeListOfFiveThousandRowsIsImportedInBatchesWithRepeatedRowsWrittenOnce() {
        StringBuilder csv = new StringBuilder("案例名称,实施单位\n");
        for (int i = 1; i <= Selected2025.MAX_ROWS - 1; i++) {
            csv.append("批量导入案例").append(i).append(",批量单位").append(i % 37).append('\n');
        }
        csv.append("批量导入案例1,批量单位1\n");

        APIGatewayV2HTTPResponse imported = call(request("POST", "/admin/selected-2025").as(ADMIN)
                .header("content-type", "text/csv").body(csv.toString()));

        assertEquals(200, imported.getStatusCode(), imported.getBody());
        assertEquals(Selected2025.MAX_ROWS, body(imported).get("rows"));
        Selected2025 list = context.getBean(Selected2025.class);
        assertTrue(list.check("批量导入案例1", "批量单位1").exact().isPresent());
        assertTrue(list.check("批量导入案例4999", "批量单位" + 4999 % 37).exact().isPresent());
        long stored = aws.dynamo().queryPaginator(b -> b.tableName(aws.name("MainTable")).indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :pk AND begins_with(gsi1sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SELECTED2025"),
                                ":prefix", AttributeValue.fromS("批量导入案例"))))
                .items().stream().count();
        assertEquals(Selected2025.MAX_ROWS - 1, stored);
    }

    @Test
    void aNonAdminCannotImportThe2025List() {
        APIGatewayV2HTTPResponse response = call(request("POST", "/admin/selected-2025").as(UNIT_A).body("a,b"));
        assertEquals(403, response.getStatusCode());
    }

    @Test
    void aDetachedImplementerStillReadsItsDraftButNoLongerEditsIt() {
        Map<String, String> leaving = implementer("impl-leaving");
        BindingService bindings = context.getBean(BindingService.class);
        String code = bindings.me(Caller.fromClaims(UNIT_A)).unit().code();
        bindings.join(Caller.fromClaims(leaving), code, new JoinDetails("误加入的单位"));
        String id = create(leaving, Map.of("name", "移出前的草稿"));
        bindings.detach(Caller.fromClaims(UNIT_A), "impl-leaving");

        assertEquals(200, get(leaving, id).getStatusCode());
        assertEquals(false, body(get(leaving, id)).get("editable"));
        APIGatewayV2HTTPResponse edit = put(leaving, id, 1, Map.of("name", "移出后修改"));
        assertEquals(403, edit.getStatusCode());
        assertEquals("MEMBERSHIP_DETACHED", error(edit).get("code"));
        assertEquals(200, get(UNIT_A, id).getStatusCode());
    }
}

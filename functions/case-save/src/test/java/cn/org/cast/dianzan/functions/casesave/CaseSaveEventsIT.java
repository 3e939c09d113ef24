package cn.org.cast.dianzan.functions.casesave;

import static cn.org.cast.dianzan.testing.Answers.assertAnswer;
import static cn.org.cast.dianzan.testing.Answers.body;
import static cn.org.cast.dianzan.testing.Answers.items;
import static cn.org.cast.dianzan.testing.SampleAccount.ADMIN;
import static cn.org.cast.dianzan.testing.SampleAccount.MUSEUM_B;
import static cn.org.cast.dianzan.testing.SampleAccount.UNIT_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.cases.CaseForm;
import cn.org.cast.dianzan.cases.CaseRecord;
import cn.org.cast.dianzan.cases.CaseRepository;
import cn.org.cast.dianzan.cases.CaseService;
import cn.org.cast.dianzan.codes.BindingService;
import cn.org.cast.dianzan.codes.CodeService;
import cn.org.cast.dianzan.codes.IssuedCode;
import cn.org.cast.dianzan.codes.JoinDetails;
import cn.org.cast.dianzan.codes.UnitInfo;
import cn.org.cast.dianzan.codes.UnitType;
import cn.org.cast.dianzan.core.FieldError;
import cn.org.cast.dianzan.core.Form;
import cn.org.cast.dianzan.engines.junit.AwsEnginesExtension;
import cn.org.cast.dianzan.engines.junit.AwsResources;
import cn.org.cast.dianzan.testing.FakeLambdaContext;
import cn.org.cast.dianzan.testing.HttpEvents;
import cn.org.cast.dianzan.testing.SampleEvents;
import cn.org.cast.dianzan.testing.SampleEventsContract;
import cn.org.cast.dianzan.testing.TestContexts;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every sample of events/case-save gets the answer its name promises, against data set up for it:
 * museum-b (某市科技馆, under unit-a) owns one case per sample that names a case, created with an
 * idempotency key chosen so that its id is the one the sample names. The samples may run in any order.
 */
@ExtendWith(AwsEnginesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseSaveEventsIT implements SampleEventsContract {

    /** The id create-case's Idempotency-Key gives museum-b's new case. */
    private static final String CREATED_CASE = "C23ae2bd5484ad0013e466b00a83ae2cb";
    private static final String GET_CASE = "Cf5340d727481126e0a68c40dd5beb9d2";
    private static final String UPDATE_CASE = "C6ffe73267d0f98373496f0291b32d642";
    private static final String DELETE_CASE = "C008c13074bf7f682f62ac90871684bbc";
    private static final String SUBMIT_CASE = "C9e42f526e2dd54808d62dd29d903454b";
    private static final String CLEAR_2025_CASE = "Cfb5a926c9c1729a0e6654120f0f07504";
    /** A name and unit on the 2025 list: the case clear-2025-match clears was entered under them. */
    private static final String SELECTED_2025_NAME = "科技馆奇妙夜";

    private final AwsResources aws;
    private CaseSaveHandler handler;
    private CaseService cases;
    private CaseRepository stored;

    CaseSaveEventsIT(AwsResources aws) {
        this.aws = aws;
    }

    @BeforeAll
    void museumBWithACaseForEachSampleThatNamesOne() {
        ApplicationContext context =
                TestContexts.against(aws, TestContexts.fixedAt("2026-06-20T10:00:00+08:00"));
        handler = new CaseSaveHandler(context);
        cases = context.getBean(CaseService.class);
        stored = context.getBean(CaseRepository.class);
        String code = context.getBean(CodeService.class).issue(ADMIN.caller(), List.of(new IssuedCode.IntendedUnit(
                "某省科学技术协会", UnitType.PROVINCIAL_ASSOCIATION, "浙江省"))).get(0).code().display();
        BindingService bindings = context.getBean(BindingService.class);
        bindings.bind(UNIT_A.caller(), code,
                new UnitInfo("某省科学技术协会", "某省某市科技路1号", "王老师", "科普部部长", "13912345678", "kepu@example.cn"));
        bindings.join(MUSEUM_B.caller(), code, new JoinDetails("某市科技馆"));

        draft("sample-get-case", GET_CASE, "科学家进校园");
        draft("sample-update-case", UPDATE_CASE, "青少年科学实验周");
        draft("sample-delete-case", DELETE_CASE, "暑期科普夏令营");
        draft("sample-submit-case", SUBMIT_CASE, "流动科技馆进基层");
        VerifiedFiles.attachTo(context, SUBMIT_CASE, MUSEUM_B.subject(), 0);
        cases.import2025(ADMIN.caller(), "案例名称,实施单位\n" + SELECTED_2025_NAME + ",某市科技馆\n");
        CaseRecord matched = draft("sample-clear-2025-match", CLEAR_2025_CASE, SELECTED_2025_NAME);
        assertEquals(List.of("SELECTED_IN_2025"), matched.warnings().stream().map(FieldError::code).toList());
    }

    /** A complete draft of museum-b's; the sample names it by the id its idempotency key gives it. */
    private CaseRecord draft(String idempotencyKey, String sampleCaseId, String name) {
        CaseRecord record = cases.create(MUSEUM_B.caller(), Optional.of(idempotencyKey),
                CaseForm.read(Form.of(CaseSaveIT.completeForm(name)))).record();
        assertEquals(sampleCaseId, record.id(), "the id the samples name for the case of key " + idempotencyKey);
        return record;
    }

    @AfterAll
    void stop() {
        handler.close();
    }

    @Override
    public SampleEvents samples() {
        return SampleEvents.in("case-save")
                .answers("get-case-form", 200, "the form's limits and outline", this::theFormsLimitsAndOutline)
                .answers("create-case", 201, "a draft under the id its key gives", this::aDraftUnderTheIdItsKeyGives)
                .fails("create-case-without-idempotency-key", 400, "IDEMPOTENCY_KEY_REQUIRED")
                .fails("create-case-bad-fields", 400, "VALIDATION_FAILED")
                .fails("create-case-invalid-json", 400, "INVALID_JSON")
                .answers("list-cases", 200, "museum-b's cases", this::museumBsCasesListed)
                .answers("get-case", 200, "the case it names", this::theCaseItNames)
                .fails("get-case-of-another-account", 404, "NOT_FOUND")
                .answers("update-case", 200, "version 2 under the new name", this::version2UnderTheNewName)
                .fails("update-case-without-if-match", 428, "PRECONDITION_REQUIRED")
                .answers("delete-case", 204, "the draft gone", this::theDraftGone)
                .answers("submit-case", 200, "the case submitted", this::theCaseSubmitted)
                .answers("import-2025-selections", 200, "one row imported", r -> assertEquals(1, number(r, "rows")))
                .fails("import-2025-selections-not-admin", 403, "ADMIN_ONLY")
                .answers("clear-2025-match", 200, "the 2025 warning cleared", this::the2025WarningCleared);
    }

    @Override
    public CaseSaveHandler handler() {
        return handler;
    }

    private void theFormsLimitsAndOutline(APIGatewayV2HTTPResponse response) {
        assertEquals(CaseForm.NAME_MAX, number(response, "nameMax"));
        assertEquals(CaseForm.DETAIL_OUTLINE, body(response).get("detailOutline"));
    }

    private void aDraftUnderTheIdItsKeyGives(APIGatewayV2HTTPResponse response) {
        assertEquals(CREATED_CASE, body(response).get("id"));
        assertEquals("DRAFT", body(response).get("status"));
        assertEquals(1, number(response, "version"));
        assertEquals("青少年科学实验季", form(response).get("name"));
    }

    private void museumBsCasesListed(APIGatewayV2HTTPResponse response) {
        assertTrue(items(response).stream().anyMatch(c -> GET_CASE.equals(c.get("id")) && "科学家进校园".equals(c.get("name"))),
                response.getBody());
    }

    private void theCaseItNames(APIGatewayV2HTTPResponse response) {
        assertEquals(GET_CASE, body(response).get("id"));
        assertEquals("科学家进校园", form(response).get("name"));
        assertEquals("\"1\"", response.getHeaders().get("ETag"));
    }

    private void version2UnderTheNewName(APIGatewayV2HTTPResponse response) {
        assertEquals(UPDATE_CASE, body(response).get("id"));
        assertEquals(2, number(response, "version"));
        assertEquals("青少年科学实验季", form(response).get("name"));
        assertEquals("青少年科学实验季", stored.find(UPDATE_CASE).orElseThrow().form().name());
    }

    private void theDraftGone(APIGatewayV2HTTPResponse response) {
        APIGatewayV2HTTPResponse read = handler.handleRequest(HttpEvents.request("GET", "/cases/{id}")
                .path("id", DELETE_CASE).as(MUSEUM_B.claims()).build(), new FakeLambdaContext());
        assertAnswer(read, 404, "NOT_FOUND");
        assertTrue(stored.find(DELETE_CASE).isEmpty());
    }

    private void theCaseSubmitted(APIGatewayV2HTTPResponse response) {
        assertEquals(SUBMIT_CASE, body(response).get("id"));
        assertEquals("SUBMITTED", body(response).get("status"));
        assertEquals("2026-06-20T10:00:00+08:00", body(response).get("submittedAt"));
    }

    private void the2025WarningCleared(APIGatewayV2HTTPResponse response) {
        assertEquals(CLEAR_2025_CASE, body(response).get("id"));
        assertEquals(List.of(), body(response).getOrDefault("warnings", List.of()), response.getBody());
        CaseRecord cleared = stored.find(CLEAR_2025_CASE).orElseThrow();
        assertEquals(List.of(), cleared.warnings());
        assertEquals(ADMIN.subject(), cleared.cleared2025By());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> form(APIGatewayV2HTTPResponse response) {
        return (Map<String, Object>) body(response).get("form");
    }

    private static long number(APIGatewayV2HTTPResponse response, String field) {
        return ((Number) body(response).get(field)).longValue();
    }
}

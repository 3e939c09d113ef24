package cn.org.cast.dianzan.functions.quota;

import static cn.org.cast.dianzan.testing.Answers.body;
import static cn.org.cast.dianzan.testing.Answers.errorCode;
import static cn.org.cast.dianzan.testing.Answers.fieldCodes;
import static cn.org.cast.dianzan.testing.HttpEvents.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.campaign.Category;
import cn.org.cast.dianzan.campaign.QuotaService;
import cn.org.cast.dianzan.cases.CaseForm;
import cn.org.cast.dianzan.cases.CaseService;
import cn.org.cast.dianzan.cases.CaseStatus;
import cn.org.cast.dianzan.codes.BindingService;
import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.core.Form;
import cn.org.cast.dianzan.engines.junit.AwsEnginesExtension;
import cn.org.cast.dianzan.engines.junit.AwsResources;
import cn.org.cast.dianzan.testing.FakeLambdaContext;
import cn.org.cast.dianzan.testing.HttpEvents;
import cn.org.cast.dianzan.testing.TestContexts;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The unit's review through the handler: each action, its history, what changed since a return, and every bad input. */
@ExtendWith(AwsEnginesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewIT {

    private static final String OPEN = "2026-06-20T10:00:00+08:00";

    private final AwsResources aws;
    private ApplicationContext context;
    private QuotaHandler handler;
    private ReviewFixture fixture;

    ReviewIT(AwsResources aws) {
        this.aws = aws;
    }

    @BeforeAll
    void start() {
        // A running clock: the history is read in the order its events were stamped.
        context = TestContexts.against(aws, TestContexts.runningFrom(OPEN));
        handler = new QuotaHandler(context);
        fixture = new ReviewFixture(context);
    }

    @AfterAll
    void stop() {
        handler.close();
    }

    private APIGatewayV2HTTPResponse call(HttpEvents event) {
        return handler.handleRequest(event.build(), new FakeLambdaContext());
    }

    private APIGatewayV2HTTPResponse act(ReviewFixture.Unit unit, String action, String caseId, String body) {
        HttpEvents event = request("POST", "/cases/{id}/" + action).path("id", caseId).as(unit.recommender());
        return call(body == null ? event : event.body(body));
    }

    private CaseStatus status(String caseId) {
        return context.getBean(CaseService.class).find(caseId).orElseThrow().status();
    }

    private long placesUsed(ReviewFixture.Unit unit) {
        String unitId = context.getBean(BindingService.class).ownUnitId(Caller.fromClaims(unit.recommender()));
        return context.getBean(QuotaService.class).find(unitId).map(l -> l.total()).orElse(0L);
    }

    @Test
    void aReturnedCaseComesBackWithWhatChangedShownFieldByFieldAndItsHistoryTellsWhoDidWhatAndWhy() {
        ReviewFixture.Unit unit = fixture.unit("某省科学技术协会");
        String id = fixture.submitted(unit, Category.ACTIVITY_SERVICE, "科学之夜");

        APIGatewayV2HTTPResponse returned = act(unit, "return", id,
                "{\"reason\":\"成效缺少数据\",\"comments\":[{\"field\":\"summary\",\"comment\":\"请写明人次\"}]}");
        assertEquals(200, returned.getStatusCode(), returned.getBody());
        assertEquals("RETURNED", body(returned).get("status"));
        Map<String, Object> seenByImplementer = body(call(request("GET", "/cases/{id}/review").path("id", id)
                .as(unit.implementer())));
        assertEquals(Map.of("field", "summary", "comment", "请写明人次"),
                ((List<?>) ((Map<?, ?>) seenByImplementer.get("returned")).get("comments")).get(0));

        Caller owner = Caller.fromClaims(unit.implementer());
        CaseService cases = context.getBean(CaseService.class);
        Map<String, Object> form = ReviewFixture.form("科学之夜", Category.ACTIVITY_SERVICE);
        form.put("summary", "全年举办科普讲座120场，覆盖青少年3.5万人次。");
        long version = cases.find(id).orElseThrow().version();
        cases.update(owner, id, Optional.of(version), CaseForm.read(Form.of(form)));
        assertEquals(CaseStatus.RETURNED, status(id), "still returned while it is being changed");
        cases.submit(owner, id, Optional.empty());

        Map<String, Object> review = body(call(request("GET", "/cases/{id}/review").path("id", id).as(unit.recommender())));
        assertEquals(List.of(Map.of("field", "summary", "before", "全年举办科普讲座120场，覆盖青少年3万人次。",
                "after", "全年举办科普讲座120场，覆盖青少年3.5万人次。")), review.get("changesSinceReturn"));
        assertEquals(200, act(unit, "approve", id, null).getStatusCode());
        List<?> history = (List<?>) body(call(request("GET", "/cases/{id}/review").path("id", id)
                .as(unit.implementer()))).get("history");
        List<String> actions = history.stream().map(e -> (String) ((Map<?, ?>) e).get("action")).toList();
        assertEquals(List.of("CASE_CREATED", "CASE_SUBMITTED", "CASE_RETURNED", "CASE_UPDATED", "CASE_SUBMITTED",
                "CASE_APPROVED"), actions.stream().filter(a -> !a.startsWith("FILE") && !a.startsWith("CASE_REOPENED"))
                .toList());
        Map<?, ?> returnEntry = (Map<?, ?>) history.get(actions.indexOf("CASE_RETURNED"));
        assertEquals("推荐单位", returnEntry.get("by"));
        assertEquals("成效缺少数据", returnEntry.get("reason"));
        assertEquals("实施单位", ((Map<?, ?>) history.get(actions.indexOf("CASE_UPDATED"))).get("by"));
    }

    @Test
    void badReviewsAndRecommendationsAreRefusedWithAStableCodeAndLeaveTheLedgerUnchanged() {
        ReviewFixture.Unit unit = fixture.unit("某学会");
        ReviewFixture.Unit other = fixture.unit("另一学会");
        String draft = context.getBean(CaseService.class).create(Caller.fromClaims(unit.implementer()),
                Optional.of("draft-" + System.nanoTime()), CaseForm.read(Form.of(Map.of("name", "草稿")))).record().id();
        String submitted = fixture.submitted(unit, Category.VENUE_BUILDING, "科技馆");
        String returned = fixture.submitted(unit, Category.VENUE_BUILDING, "博物馆");
        act(unit, "return", returned, "{\"reason\":\"请补充\"}");
        String rejected = fixture.submitted(unit, Category.VENUE_BUILDING, "基地");
        act(unit, "reject", rejected, "{\"reason\":\"重复\"}");
        String approved = fixture.approved(unit, Category.VENUE_BUILDING, "展馆");
        String othersCase = fixture.approved(other, Category.VENUE_BUILDING, "别家的");

        assertEquals("CASE_NOT_SUBMITTED", errorCode(act(unit, "approve", draft, null)));
        assertEquals("CASE_NOT_SUBMITTED", errorCode(act(unit, "approve", rejected, null)), "a rejection is final");
        assertEquals(Set.of("reason:REQUIRED"), fieldCodes(act(unit, "return", submitted, "{\"reason\":\"  \"}")));
        assertEquals(Set.of("reason:TOO_LONG"), fieldCodes(act(unit, "reject", submitted,
                "{\"reason\":\"" + "理".repeat(501) + "\"}")));
        assertEquals(Set.of("comments[0].field:UNKNOWN_FIELD"), fieldCodes(act(unit, "return", submitted,
                "{\"reason\":\"请改\",\"comments\":[{\"field\":\"colour\",\"comment\":\"?\"}]}")));
        assertEquals("INVALID_JSON", errorCode(act(unit, "reject", submitted, "not json")));
        for (String notApproved : List.of(draft, submitted, returned, rejected)) {
            assertEquals("CASE_NOT_APPROVED", errorCode(act(unit, "recommend", notApproved, null)), notApproved);
        }
        assertEquals(404, act(unit, "recommend", othersCase, null).getStatusCode(), "another unit's case");
        assertEquals(404, act(unit, "approve", othersCase, null).getStatusCode());
        assertEquals("CASE_NOT_RECOMMENDED", errorCode(call(request("DELETE", "/cases/{id}/recommend")
                .path("id", approved).as(unit.recommender()))));
        assertEquals(Set.of("replaces:SAME_CASE"), fieldCodes(act(unit, "recommend", approved,
                "{\"replaces\":\"" + approved + "\"}")));
        assertEquals("CASE_NOT_RECOMMENDED", errorCode(act(unit, "recommend", approved,
                "{\"replaces\":\"" + submitted + "\"}")));
        assertEquals(0, placesUsed(unit), "nothing refused took a place");
        assertEquals(CaseStatus.SUBMITTED, status(submitted), "nothing refused changed the case");

        assertEquals(200, act(unit, "recommend", approved, null).getStatusCode());
        assertEquals("CASE_ALREADY_RECOMMENDED", errorCode(act(unit, "recommend", approved, null)));
        assertEquals("CASE_RECOMMENDED", errorCode(act(unit, "return", approved, "{\"reason\":\"再改改\"}")));
        String activity = fixture.approved(unit, Category.ACTIVITY_SERVICE, "讲座");
        assertEquals("SWAP_NOT_SAME_CATEGORY", errorCode(act(unit, "recommend", activity,
                "{\"replaces\":\"" + approved + "\"}")));
        assertEquals(1, placesUsed(unit));
        assertEquals("WRONG_ACCOUNT_TYPE", errorCode(call(request("POST", "/cases/{id}/recommend").path("id", activity)
                .as(unit.implementer()))));
    }

    @Test
    void afterTheDeadlineNothingIsReviewedRecommendedOrWithdrawnButReadsKeepWorking() {
        ReviewFixture.Unit unit = fixture.unit("某市科协");
        String submitted = fixture.submitted(unit, Category.ACTIVITY_SERVICE, "科普市集");
        String approved = fixture.approved(unit, Category.ACTIVITY_SERVICE, "科学表演");
        String recommended = fixture.approved(unit, Category.ACTIVITY_SERVICE, "研学");
        assertEquals(200, act(unit, "recommend", recommended, null).getStatusCode());

        try (QuotaHandler late = new QuotaHandler(TestContexts.against(aws, TestContexts.fixedAt("2026-07-01T00:00:01+08:00")))) {
            java.util.function.Function<HttpEvents, APIGatewayV2HTTPResponse> at = e -> late.handleRequest(e.build(),
                    new FakeLambdaContext());
            for (String action : List.of("approve", "return", "reject")) {
                assertEquals("CAMPAIGN_CLOSED", errorCode(at.apply(request("POST", "/cases/{id}/" + action)
                        .path("id", submitted).as(unit.recommender()).body("{\"reason\":\"迟了\"}"))), action);
            }
            assertEquals("CAMPAIGN_CLOSED", errorCode(at.apply(request("POST", "/cases/{id}/recommend")
                    .path("id", approved).as(unit.recommender()))));
            assertEquals("CAMPAIGN_CLOSED", errorCode(at.apply(request("DELETE", "/cases/{id}/recommend")
                    .path("id", recommended).as(unit.recommender()))));
            assertEquals(200, at.apply(request("GET", "/units/me/quota").as(unit.recommender())).getStatusCode());
            assertEquals(200, at.apply(request("GET", "/units/me/cases").as(unit.recommender())).getStatusCode());
            assertEquals(200, at.apply(request("GET", "/cases/{id}/review").path("id", submitted)
                    .as(unit.implementer())).getStatusCode());
        }
        assertEquals(CaseStatus.SUBMITTED, status(submitted));
        assertEquals(1, placesUsed(unit));
        assertTrue(status(recommended) == CaseStatus.RECOMMENDED);
    }
}

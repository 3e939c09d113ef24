package cn.org.cast.dianzan.functions.codebinding;

import static cn.org.cast.dianzan.testing.Answers.body;
import static cn.org.cast.dianzan.testing.Answers.items;
import static cn.org.cast.dianzan.testing.SampleAccount.ADMIN;
import static cn.org.cast.dianzan.testing.SampleAccount.MUSEUM_B;
import static cn.org.cast.dianzan.testing.SampleAccount.MUSEUM_C;
import static cn.org.cast.dianzan.testing.SampleAccount.SCHOOL_D;
import static cn.org.cast.dianzan.testing.SampleAccount.UNIT_A;
import static cn.org.cast.dianzan.testing.SampleAccount.UNIT_B;
import static cn.org.cast.dianzan.testing.SampleAccount.UNIT_C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.campaign.CampaignService;
import cn.org.cast.dianzan.codes.BindingService;
import cn.org.cast.dianzan.codes.CodeRepository;
import cn.org.cast.dianzan.codes.CodeStatus;
import cn.org.cast.dianzan.codes.IssuedCode;
import cn.org.cast.dianzan.codes.JoinDetails;
import cn.org.cast.dianzan.codes.RecommendationCode;
import cn.org.cast.dianzan.codes.UnitInfo;
import cn.org.cast.dianzan.codes.UnitType;
import cn.org.cast.dianzan.engines.junit.AwsEnginesExtension;
import cn.org.cast.dianzan.engines.junit.AwsResources;
import cn.org.cast.dianzan.testing.SampleEvents;
import cn.org.cast.dianzan.testing.SampleEventsContract;
import cn.org.cast.dianzan.testing.TestContexts;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every sample of events/code-binding gets the answer its name promises, against data set up for it
 * under the codes and accounts it names. Each success sample has its own code or member, so the
 * samples may run in any order.
 */
@ExtendWith(AwsEnginesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodeBindingEventsIT implements SampleEventsContract {

    /** unit-a's code: bound, with museum-b (某市科技馆) and school-d as members. */
    private static final String UNIT_A_CODE = "6MWUT-4A5HT-GHPEB";
    private static final String UNIT_A_NAME = "某省科学技术协会";
    /** Issued, never bound: revoke-code revokes it. */
    private static final String REVOKE_CODE = "5CJZJ-PWZ5X-9XNNG";
    /** Issued, never bound: reissue-code replaces it. */
    private static final String REISSUE_CODE = "KFUMK-VSTTH-TTMGK";
    /** Issued for unit-b, which binds it in bind-code. */
    private static final String BIND_CODE = "92N45-BV5G2-VXQHU";
    /** Bound by unit-c: museum-c joins with it in join-code. */
    private static final String JOIN_CODE = "QC8EA-DYDUE-SJP44";

    private final AwsResources aws;
    private CodeBindingHandler handler;
    private CodeRepository codes;
    private CampaignService campaigns;
    private Clock clock;

    CodeBindingEventsIT(AwsResources aws) {
        this.aws = aws;
    }

    @BeforeAll
    void theCodesAndUnitsTheSamplesName() {
        ApplicationContext context = TestContexts.against(aws, TestContexts.fixedAt("2026-06-20T10:00:00+08:00"));
        handler = new CodeBindingHandler(context);
        codes = context.getBean(CodeRepository.class);
        campaigns = context.getBean(CampaignService.class);
        clock = context.getBean(Clock.class);
        BindingService bindings = context.getBean(BindingService.class);

        issue(UNIT_A_CODE, UNIT_A_NAME, UnitType.PROVINCIAL_ASSOCIATION, "浙江省");
        bindings.bind(UNIT_A.caller(), UNIT_A_CODE,
                new UnitInfo(UNIT_A_NAME, "某省某市科技路1号", "王老师", "科普部部长", "13912345678", "kepu@example.cn"));
        bindings.join(MUSEUM_B.caller(), UNIT_A_CODE, new JoinDetails("某市科技馆"));
        bindings.join(SCHOOL_D.caller(), UNIT_A_CODE, new JoinDetails("某市第一中学"));

        issue(REVOKE_CODE, "某园区科学技术协会", UnitType.PARK_ENTERPRISE_ASSOCIATION, null);
        issue(REISSUE_CODE, "某网络科普平台", UnitType.ONLINE_PLATFORM, null);
        issue(BIND_CODE, "某大学科学技术协会", UnitType.UNIVERSITY_ASSOCIATION, null);
        issue(JOIN_CODE, "某全国学会", UnitType.NATIONAL_SOCIETY, null);
        bindings.bind(UNIT_C.caller(), JOIN_CODE,
                new UnitInfo("某全国学会", "某市学会路2号", "陈老师", "秘书长", "13612345678", "xh@example.org.cn"));
    }

    @AfterAll
    void stop() {
        handler.close();
    }

    @Override
    public SampleEvents samples() {
        return SampleEvents.in("code-binding")
                .answers("issue-codes", 201, "a code for each unit, ready to bind", this::aCodeIssuedForEachUnit)
                .fails("issue-codes-bad-units", 400, "VALIDATION_FAILED")
                .fails("issue-codes-not-admin", 403, "ADMIN_ONLY")
                .answers("list-codes", 200, "the bound codes, unit-a's among them", this::onlyBoundCodesWithUnitAs)
                .fails("list-codes-bad-query", 400, "VALIDATION_FAILED")
                .answers("export-codes", 200, "a CSV with unit-a's code and unit", this::aCsvWithUnitAsRow)
                .answers("revoke-code", 200, "the code revoked", this::theCodeRevoked)
                .answers("reissue-code", 201, "a new code that replaces the old", this::aNewCodeReplacingTheOld)
                .answers("bind-code", 201, "unit-b registered under the code", this::unitBBoundToTheCode)
                .fails("bind-code-typo", 400, "CODE_CHECK_FAILED")
                .fails("bind-code-malformed", 400, "CODE_MALFORMED")
                .fails("bind-code-never-issued", 404, "CODE_NOT_FOUND")
                .fails("bind-code-bad-details", 400, "VALIDATION_FAILED")
                .fails("bind-code-by-implementer", 403, "WRONG_ACCOUNT_TYPE")
                .answers("join-code", 201, "museum-c an active member", this::museumCJoined)
                .fails("join-code-missing-organization", 400, "VALIDATION_FAILED")
                .answers("list-implementers", 200, "museum-b listed, active", this::museumBListedActive)
                .fails("list-implementers-before-binding", 404, "UNIT_NOT_BOUND")
                .answers("detach-implementer", 200, "school-d detached", this::schoolDDetached)
                .answers("who-am-i", 200, "museum-b, a member of unit-a", this::museumBAMemberOfUnitA);
    }

    @Override
    public CodeBindingHandler handler() {
        return handler;
    }

    private void aCodeIssuedForEachUnit(APIGatewayV2HTTPResponse response) {
        List<Map<String, Object>> items = items(response);
        assertEquals(List.of("某省科学技术协会", "某全国学会"), items.stream().map(c -> c.get("intendedUnitName")).toList());
        items.forEach(c -> assertEquals("ISSUED", c.get("status")));
    }

    private void onlyBoundCodesWithUnitAs(APIGatewayV2HTTPResponse response) {
        List<Map<String, Object>> items = items(response);
        items.forEach(c -> assertEquals("BOUND", c.get("status"), c.toString()));
        assertTrue(items.stream().anyMatch(c -> UNIT_A_CODE.equals(c.get("code"))
                && UNIT_A_NAME.equals(c.get("boundUnitName"))), items.toString());
    }

    private void aCsvWithUnitAsRow(APIGatewayV2HTTPResponse response) {
        assertTrue(response.getHeaders().get("Content-Type").startsWith("text/csv"));
        assertTrue(response.getBody().startsWith("\uFEFF推荐码,"), response.getBody());
        assertTrue(response.getBody().contains("\"" + UNIT_A_CODE + "\",\"" + UNIT_A_NAME + "\""), response.getBody());
    }

    private void theCodeRevoked(APIGatewayV2HTTPResponse response) {
        assertEquals(REVOKE_CODE, body(response).get("code"));
        assertEquals("REVOKED", body(response).get("status"));
        assertEquals(CodeStatus.REVOKED, stored(REVOKE_CODE).status());
    }

    private void aNewCodeReplacingTheOld(APIGatewayV2HTTPResponse response) {
        Map<String, Object> replacement = body(response);
        String newCode = (String) replacement.get("code");
        assertNotEquals(REISSUE_CODE, newCode);
        assertEquals(REISSUE_CODE, replacement.get("replaces"));
        assertEquals("ISSUED", replacement.get("status"));
        assertEquals("某网络科普平台", replacement.get("intendedUnitName"));
        IssuedCode old = stored(REISSUE_CODE);
        assertEquals(CodeStatus.REVOKED, old.status());
        assertEquals(RecommendationCode.parse(newCode).value(), old.replacedBy());
    }

    private void unitBBoundToTheCode(APIGatewayV2HTTPResponse response) {
        assertEquals(BIND_CODE, body(response).get("code"));
        assertEquals("某大学科学技术协会", body(response).get("unitName"));
        assertEquals("UNIVERSITY_ASSOCIATION", body(response).get("unitType"));
        IssuedCode bound = stored(BIND_CODE);
        assertEquals(CodeStatus.BOUND, bound.status());
        assertEquals(UNIT_B.subject(), bound.boundBy());
    }

    private void museumCJoined(APIGatewayV2HTTPResponse response) {
        assertEquals(MUSEUM_C.subject(), body(response).get("memberId"));
        assertEquals("某自然博物馆", body(response).get("organization"));
        assertEquals("ACTIVE", body(response).get("status"));
    }

    private void museumBListedActive(APIGatewayV2HTTPResponse response) {
        Map<String, Object> museumB = items(response).stream()
                .filter(m -> MUSEUM_B.subject().equals(m.get("memberId"))).findFirst()
                .orElseThrow(() -> new AssertionError("museum-b is not listed: " + response.getBody()));
        assertEquals("某市科技馆", museumB.get("organization"));
        assertEquals(MUSEUM_B.username(), museumB.get("username"));
        assertEquals("ACTIVE", museumB.get("status"));
    }

    private void schoolDDetached(APIGatewayV2HTTPResponse response) {
        assertEquals(SCHOOL_D.subject(), body(response).get("memberId"));
        assertEquals("DETACHED", body(response).get("status"));
        assertEquals("2026-06-20T10:00:00+08:00", body(response).get("detachedAt"));
    }

    @SuppressWarnings("unchecked")
    private void museumBAMemberOfUnitA(APIGatewayV2HTTPResponse response) {
        Map<String, Object> membership = (Map<String, Object>) body(response).get("membership");
        assertEquals(UNIT_A_NAME, membership.get("unitName"), response.getBody());
        assertEquals("某市科技馆", membership.get("organization"));
        assertEquals("ACTIVE", membership.get("status"));
    }

    private IssuedCode stored(String code) {
        return codes.find(RecommendationCode.parse(code)).orElseThrow();
    }

    /** Codes are drawn at random when issued; the samples name fixed ones, so those are stored as issued. */
    private void issue(String code, String unitName, UnitType type, String province) {
        assertTrue(codes.insert(IssuedCode.issue(RecommendationCode.parse(code), campaigns.campaignId(),
                new IssuedCode.IntendedUnit(unitName, type, province), clock.instant(), ADMIN.subject())),
                code + " was issued already");
    }
}

package cn.org.cast.dianzan.functions.quota;

import static cn.org.cast.dianzan.testing.Answers.body;
import static cn.org.cast.dianzan.testing.SampleAccount.ADMIN;
import static cn.org.cast.dianzan.testing.SampleAccount.MUSEUM_B;
import static cn.org.cast.dianzan.testing.SampleAccount.UNIT_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import cn.org.cast.dianzan.core.Form;
import cn.org.cast.dianzan.engines.junit.AwsEnginesExtension;
import cn.org.cast.dianzan.engines.junit.AwsResources;
import cn.org.cast.dianzan.review.RecommendationService;
import cn.org.cast.dianzan.review.ReturnRequest;
import cn.org.cast.dianzan.review.ReviewService;
import cn.org.cast.dianzan.testing.SampleEvents;
import cn.org.cast.dianzan.testing.SampleEventsContract;
import cn.org.cast.dianzan.testing.TestContexts;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every sample of events/quota gets the answer its name promises, against data set up for it:
 * museum-b (某市科技馆, under unit-a) owns one case per sample that names a case, created with the
 * idempotency key that gives the id the sample names, and brought to the state the sample needs.
 */
@ExtendWith(AwsEnginesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuotaEventsIT implements SampleEventsContract {

    private static final String VENUE_1 = "Cc24d0d3fb3af8fbac5fde74303dc4e47";
    private static final String SWAP_IN = "C0e7988eb65990690285e952069dd515b";

    private final AwsResources aws;
    private ApplicationContext context;
    private QuotaHandler handler;

    QuotaEventsIT(AwsResources aws) {
        this.aws = aws;
    }

    @BeforeAll
    void unitAWithMuseumBsCasesInEveryState() {
        context = TestContexts.against(aws, TestContexts.fixedAt("2026-06-20T10:00:00+08:00"));
        handler = new QuotaHandler(context);
        String code = context.getBean(CodeService.class).issue(ADMIN.caller(), List.of(new IssuedCode.IntendedUnit(
                "某省科学技术协会", UnitType.PROVINCIAL_ASSOCIATION, null))).get(0).code().display();
        BindingService bindings = context.getBean(BindingService.class);
        bindings.bind(UNIT_A.caller(), code,
                new UnitInfo("某省科学技术协会", "某省某市科技路1号", "王老师", "科普部部长", "13912345678", "kepu@example.cn"));
        bindings.join(MUSEUM_B.caller(), code, new JoinDetails("某市科技馆"));
        ReviewService reviews = context.getBean(ReviewService.class);

        create("sample-review-draft", "C62699e536ed33a26975093eb8d6d410a", false);
        for (String[] submitted : new String[][] {{"sample-review-approve", "C58d0e05fa037bce3028fa7a81c8df2c2"},
                {"sample-review-return", "Cd697bb089f16e258374d49519f0c29b1"},
                {"sample-review-reject", "C152f2aded264511fd7534d29ddcc9cea"},
                {"sample-review-returned", "C1470b09eb7fc505fd8b1725c98fc4749"}}) {
            create(submitted[0], submitted[1], true);
        }
        reviews.returnForChanges(UNIT_A.caller(), "C1470b09eb7fc505fd8b1725c98fc4749", Optional.empty(),
                new ReturnRequest("请补充成效数据", List.of(new ReturnRequest.FieldComment("summary", "请写明参与人次"))));
        for (String[] approved : new String[][] {{"sample-review-recommend", "C816da23bbcb0151d574cfd23f1e30441"},
                {"sample-review-withdraw", "Cf6e0fee02b5df06ef02454f75e0d4d21"},
                {"sample-review-approved-only", "C1a970f50152d0448d98b42982c58885a"}}) {
            create(approved[0], approved[1], true);
            reviews.approve(UNIT_A.caller(), approved[1], Optional.empty());
        }
        RecommendationService recommendations = context.getBean(RecommendationService.class);
        recommendations.recommend(UNIT_A.caller(), "Cf6e0fee02b5df06ef02454f75e0d4d21", Optional.empty());
        // The venue category full (3 of 3), one more approved case to refuse and one to swap in.
        for (String[] venue : new String[][] {{"sample-review-venue-1", VENUE_1}, {"sample-review-venue-2",
                "C4639afb2f3a0f379d53107535d20230c"}, {"sample-review-venue-3", "Cba3e973d0a4e30c78bf80e7b1fa0a58f"},
                {"sample-review-venue-over", "C95d5ddae41e4c18f290fefcb48f348a2"},
                {"sample-review-venue-swap-in", SWAP_IN}}) {
            create(venue[0], venue[1], true, Category.VENUE_BUILDING);
            reviews.approve(UNIT_A.caller(), venue[1], Optional.empty());
            if (!venue[0].endsWith("over") && !venue[0].endsWith("swap-in")) {
                recommendations.recommend(UNIT_A.caller(), venue[1], Optional.empty());
            }
        }
    }

    @AfterAll
    void stop() {
        handler.close();
    }

    /** Museum-b's case under that key (its id the one the samples name), complete, with photos; submitted if asked. */
    private void create(String key, String expectedId, boolean submit) {
        create(key, expectedId, submit, Category.ACTIVITY_SERVICE);
    }

    private void create(String key, String expectedId, boolean submit, Category category) {
        CaseService cases = context.getBean(CaseService.class);
        String id = cases.create(MUSEUM_B.caller(), Optional.of(key),
                CaseForm.read(Form.of(ReviewFixture.form("科普案例" + key.length(), category))))
                .record().id();
        assertEquals(expectedId, id, "the id the samples name for " + key);
        if (submit) {
            CaseFileService files = context.getBean(CaseFileService.class);
            for (FileKind kind : List.of(FileKind.LANDSCAPE_PHOTO, FileKind.PORTRAIT_PHOTO)) {
                boolean wide = kind == FileKind.LANDSCAPE_PHOTO;
                files.attach(new CaseFile("U" + kind.ordinal() + id, id, kind, null, "media/sample/" + id + "/" + kind,
                        kind.label() + ".jpg", "image/jpeg", 1024, wide ? 400 : 300, wide ? 300 : 400,
                        Instant.parse("2026-06-20T02:00:00Z"), MUSEUM_B.subject()));
            }
            cases.afterFilesChanged(id, MUSEUM_B.caller());
            cases.submit(MUSEUM_B.caller(), id, Optional.empty());
        }
    }

    @Override
    public SampleEvents samples() {
        return SampleEvents.in("quota")
                .answers("approve-case", 200, "the case approved", r -> assertEquals("APPROVED", body(r).get("status")))
                .fails("approve-draft", 409, "CASE_NOT_SUBMITTED")
                .answers("return-case", 200, "the case returned for changes",
                        r -> assertEquals("RETURNED", body(r).get("status")))
                .fails("return-case-without-reason", 400, "VALIDATION_FAILED")
                .answers("reject-case", 200, "the case not recommended, for good",
                        r -> assertEquals("REJECTED", body(r).get("status")))
                .answers("get-case-review", 200, "the return's reason shown to the implementer",
                        r -> assertEquals("请补充成效数据", ((Map<?, ?>) body(r).get("returned")).get("reason")))
                .answers("recommend-case", 200, "the case holds a place of its category",
                        r -> assertTrue(r.getBody().contains("\"id\":\"C816da23bbcb0151d574cfd23f1e30441\""), r.getBody()))
                .fails("recommend-unapproved-case", 409, "CASE_NOT_APPROVED")
                .fails("recommend-over-quota", 409, "QUOTA_EXCEEDED")
                .answers("swap-recommendation", 200, "the new case takes the replaced one's place",
                        r -> assertTrue(r.getBody().contains(SWAP_IN) && !r.getBody().contains(VENUE_1), r.getBody()))
                .fails("recommend-by-implementer", 403, "WRONG_ACCOUNT_TYPE")
                .answers("withdraw-recommendation", 200, "the place given back",
                        r -> assertFalse(r.getBody().contains("Cf6e0fee02b5df06ef02454f75e0d4d21"), r.getBody()))
                .fails("withdraw-not-recommended", 409, "CASE_NOT_RECOMMENDED")
                .answers("get-unit-quota", 200, "the places per category and in total",
                        r -> assertEquals(6, ((Number) ((Map<?, ?>) body(r).get("total")).get("quota")).intValue()))
                .answers("list-unit-cases", 200, "the activity cases past draft, whatever the samples did to them",
                        r -> assertEquals(7, ((Number) body(r).get("matching")).intValue()))
                .fails("list-unit-cases-bad-query", 400, "VALIDATION_FAILED");
    }

    @Override
    public QuotaHandler handler() {
        return handler;
    }
}

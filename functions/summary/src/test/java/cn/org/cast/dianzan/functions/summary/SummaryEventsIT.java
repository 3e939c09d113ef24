package cn.org.cast.dianzan.functions.summary;

import static cn.org.cast.dianzan.testing.Answers.body;
import static cn.org.cast.dianzan.testing.SampleAccount.ADMIN;
import static cn.org.cast.dianzan.testing.SampleAccount.MUSEUM_B;
import static cn.org.cast.dianzan.testing.SampleAccount.UNIT_A;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Every sample of events/summary gets the answer its name promises: unit-a bound its code, museum-b
 * joined it with a draft (the case the sheet sample names) and a case unit-a recommended.
 */
@ExtendWith(AwsEnginesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryEventsIT implements SampleEventsContract {

    private static final String DRAFT = "C029cf434ff3bb3204b9217a871fd7d12";

    private final AwsResources aws;
    private SummaryHandler handler;

    SummaryEventsIT(AwsResources aws) {
        this.aws = aws;
    }

    @BeforeAll
    void unitAWithARecommendedCaseAndMuseumBsDraft() {
        ApplicationContext context = TestContexts.against(aws, TestContexts.fixedAt("2026-06-20T10:00:00+08:00"));
        handler = new SummaryHandler(context);
        String code = context.getBean(CodeService.class).issue(ADMIN.caller(), List.of(new IssuedCode.IntendedUnit(
                "某省科学技术协会", UnitType.PROVINCIAL_ASSOCIATION, null))).get(0).code().display();
        BindingService bindings = context.getBean(BindingService.class);
        bindings.bind(UNIT_A.caller(), code,
                new UnitInfo("某省科学技术协会", "某省某市科技路1号", "王老师", "科普部部长", "13912345678", "kepu@example.cn"));
        bindings.join(MUSEUM_B.caller(), code, new JoinDetails("某市科技馆"));
        CaseService cases = context.getBean(CaseService.class);
        String draft = cases.create(MUSEUM_B.caller(), Optional.of("sample-summary-draft"),
                CaseForm.read(Form.of(SummaryFixture.form("科技馆之夜", Category.ACTIVITY_SERVICE)))).record().id();
        assertEquals(DRAFT, draft, "the id the sheet sample names");
        String id = cases.create(MUSEUM_B.caller(), Optional.of("sample-summary-recommended"),
                CaseForm.read(Form.of(SummaryFixture.form("社区科普大讲堂", Category.ACTIVITY_SERVICE)))).record().id();
        CaseFileService files = context.getBean(CaseFileService.class);
        for (FileKind kind : List.of(FileKind.LANDSCAPE_PHOTO, FileKind.PORTRAIT_PHOTO)) {
            boolean wide = kind == FileKind.LANDSCAPE_PHOTO;
            files.attach(new CaseFile("U" + kind.ordinal() + id, id, kind, null, "media/sample/" + id + "/" + kind,
                    kind.label() + ".jpg", "image/jpeg", 1024, wide ? 400 : 300, wide ? 300 : 400,
                    Instant.parse("2026-06-20T02:00:00Z"), MUSEUM_B.subject()));
        }
        cases.afterFilesChanged(id, MUSEUM_B.caller());
        cases.submit(MUSEUM_B.caller(), id, Optional.empty());
        context.getBean(ReviewService.class).approve(UNIT_A.caller(), id, Optional.empty());
        context.getBean(RecommendationService.class).recommend(UNIT_A.caller(), id, Optional.empty());
    }

    @AfterAll
    void stop() {
        handler.close();
    }

    @Override
    public SampleEvents samples() {
        return SampleEvents.in("summary")
                .answers("get-case-sheet", 200, "the draft's sheet, at its version",
                        r -> assertEquals(DRAFT, body(r).get("caseId")))
                .answers("generate-summary", 200, "the sheet of the one recommended case, awaiting its stamp",
                        r -> assertEquals("AWAITING_STAMP", body(r).get("status")))
                .fails("generate-summary-by-implementer", 403, "WRONG_ACCOUNT_TYPE")
                .answers("get-summary", 200, "the sheet, still current",
                        r -> assertEquals(true, ((Map<?, ?>) body(r).get("sheet")).get("current")))
                .answers("sign-stamped-scan", 201, "a presigned PUT for the scan",
                        r -> assertEquals("PUT", body(r).get("method")))
                .fails("sign-stamped-scan-too-large", 400, "VALIDATION_FAILED")
                .fails("confirm-unknown-scan", 404, "NOT_FOUND")
                .fails("get-unit-summary-unknown-unit", 404, "NOT_FOUND");
    }

    @Override
    public SummaryHandler handler() {
        return handler;
    }
}

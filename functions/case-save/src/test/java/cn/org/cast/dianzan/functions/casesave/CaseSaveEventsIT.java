package cn.org.cast.dianzan.functions.casesave;

import static cn.org.cast.dianzan.testing.Answers.assertAnswer;

import cn.org.cast.dianzan.codes.BindingService;
import cn.org.cast.dianzan.codes.CodeService;
import cn.org.cast.dianzan.codes.IssuedCode;
import cn.org.cast.dianzan.codes.JoinDetails;
import cn.org.cast.dianzan.codes.UnitInfo;
import cn.org.cast.dianzan.codes.UnitType;
import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.engines.junit.AwsEnginesExtension;
import cn.org.cast.dianzan.engines.junit.AwsResources;
import cn.org.cast.dianzan.testing.FakeLambdaContext;
import cn.org.cast.dianzan.testing.HttpEvents;
import cn.org.cast.dianzan.testing.LambdaEvents;
import cn.org.cast.dianzan.testing.TestContexts;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every sample of events/case-save answers as documented. */
@ExtendWith(AwsEnginesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseSaveEventsIT {

    private final AwsResources aws;
    private CaseSaveHandler handler;

    CaseSaveEventsIT(AwsResources aws) {
        this.aws = aws;
    }

    @BeforeAll
    void start() {
        ApplicationContext context =
                TestContexts.against(aws, TestContexts.fixedAt("2026-06-20T10:00:00+08:00"));
        handler = new CaseSaveHandler(context);
        // the samples' implementer has joined a unit; the case id they name was never created
        String code = context.getBean(CodeService.class).issue(
                Caller.fromClaims(HttpEvents.admin("admin")),
                List.of(new IssuedCode.IntendedUnit("样例单位",
                        UnitType.OTHER, null))).get(0).code().display();
        BindingService bindings = context.getBean(BindingService.class);
        bindings.bind(Caller.fromClaims(HttpEvents.recommender("sample-unit")),
                code, new UnitInfo("样例单位", "某地1号", "王老师", "部长", "13912345678", "unit@example.cn"));
        bindings.join(Caller.fromClaims(HttpEvents.implementer("7a3f0c22-impl-0001")), code,
                new JoinDetails("某市科技馆"));
    }

    @AfterAll
    void stop() {
        handler.close();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "get-case-form,                       200, ",
        "create-case,                         201, ",
        "create-case-without-idempotency-key, 400, IDEMPOTENCY_KEY_REQUIRED",
        "create-case-bad-fields,              400, VALIDATION_FAILED",
        "create-case-invalid-json,            400, INVALID_JSON",
        "list-cases,                          200, ",
        "get-case,                            404, NOT_FOUND",
        "update-case,                         404, NOT_FOUND",
        "update-case-without-if-match,        428, PRECONDITION_REQUIRED",
        "delete-case,                         404, NOT_FOUND",
        "submit-case,                         404, NOT_FOUND",
        "import-2025-selections,              200, ",
        "import-2025-selections-not-admin,    403, ADMIN_ONLY",
        "clear-2025-match,                    404, NOT_FOUND"
    })
    void theSampleEventAnswersAsDocumented(String event, int status, String code) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                LambdaEvents.http("case-save/" + event + ".json"), new FakeLambdaContext());
        assertAnswer(response, status, code);
    }
}

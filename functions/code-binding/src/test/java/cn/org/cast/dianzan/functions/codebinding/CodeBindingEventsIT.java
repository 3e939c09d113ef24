package cn.org.cast.dianzan.functions.codebinding;

import static cn.org.cast.dianzan.testing.Answers.assertAnswer;

import cn.org.cast.dianzan.engines.junit.AwsEnginesExtension;
import cn.org.cast.dianzan.engines.junit.AwsResources;
import cn.org.cast.dianzan.testing.FakeLambdaContext;
import cn.org.cast.dianzan.testing.LambdaEvents;
import cn.org.cast.dianzan.testing.TestContexts;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every sample of events/code-binding answers as documented, on empty tables (its code was never issued). */
@ExtendWith(AwsEnginesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodeBindingEventsIT {

    private final AwsResources aws;
    private CodeBindingHandler handler;

    CodeBindingEventsIT(AwsResources aws) {
        this.aws = aws;
    }

    @BeforeAll
    void start() {
        handler = new CodeBindingHandler(TestContexts.against(aws, TestContexts.fixedAt("2026-06-20T10:00:00+08:00")));
    }

    @AfterAll
    void stop() {
        handler.close();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "issue-codes,                    201, ",
        "issue-codes-bad-units,          400, VALIDATION_FAILED",
        "issue-codes-not-admin,          403, ADMIN_ONLY",
        "list-codes,                     200, ",
        "list-codes-bad-query,           400, VALIDATION_FAILED",
        "export-codes,                   200, ",
        "revoke-code,                    404, CODE_NOT_FOUND",
        "reissue-code,                   404, CODE_NOT_FOUND",
        "bind-code,                      404, CODE_NOT_FOUND",
        "bind-code-typo,                 400, CODE_CHECK_FAILED",
        "bind-code-malformed,            400, CODE_MALFORMED",
        "bind-code-bad-details,          400, VALIDATION_FAILED",
        "bind-code-by-implementer,       403, WRONG_ACCOUNT_TYPE",
        "join-code,                      404, CODE_NOT_FOUND",
        "join-code-missing-organization, 400, VALIDATION_FAILED",
        "list-implementers,              404, UNIT_NOT_BOUND",
        "detach-implementer,             404, UNIT_NOT_BOUND",
        "who-am-i,                       200, "
    })
    void theSampleEventAnswersAsDocumented(String event, int status, String code) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                LambdaEvents.http("code-binding/" + event + ".json"), new FakeLambdaContext());
        assertAnswer(response, status, code);
    }
}

package cn.org.cast.dianzan.functions.campaign;

import static cn.org.cast.dianzan.testing.Answers.body;
import static cn.org.cast.dianzan.testing.Answers.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.cast.dianzan.engines.junit.AwsEnginesExtension;
import cn.org.cast.dianzan.engines.junit.AwsResources;
import cn.org.cast.dianzan.testing.FakeLambdaContext;
import cn.org.cast.dianzan.testing.LambdaEvents;
import cn.org.cast.dianzan.testing.TestContexts;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The campaign function driven by the sample events of events/campaign, on the engines. */
@ExtendWith(AwsEnginesExtension.class)
class CampaignHandlerIT {

    private final AwsResources aws;
    private ApplicationContext context;
    private CampaignHandler handler;

    CampaignHandlerIT(AwsResources aws) {
        this.aws = aws;
    }

    @BeforeEach
    void start() {
        aws.dynamo().deleteItem(b -> b.tableName(aws.name("MainTable")).key(Map.of(
                "pk", AttributeValue.fromS("CAMPAIGN#2026"), "sk", AttributeValue.fromS("META"))));
        context = TestContexts.against(aws, TestContexts.fixedAt("2026-06-20T10:00:00+08:00"));
        handler = new CampaignHandler(context);
    }

    @AfterEach
    void stop() {
        handler.close();
    }

    private APIGatewayV2HTTPResponse call(String event) {
        return handler.handleRequest(LambdaEvents.http("campaign/" + event + ".json"), new FakeLambdaContext());
    }

    @Test
    void getAnswersTheNoticeCampaignOpenAtTheClocksInstant() {
        APIGatewayV2HTTPResponse response = call("get-campaign");

        assertEquals(200, response.getStatusCode());
        Map<String, Object> campaign = body(response);
        assertEquals("2026", campaign.get("id"));
        assertEquals("2026-06-17T00:00:00+08:00", campaign.get("registrationOpensAtChina"));
        assertEquals("2026-07-01T00:00:00+08:00", campaign.get("submissionClosesAtChina"));
        assertEquals("2026-06-30", campaign.get("lastSubmissionDay"));
        assertEquals("OPEN", campaign.get("phase"));
        assertEquals(Map.of("activityService", 3, "venueBuilding", 3, "total", 6), campaign.get("quotas"));
        assertEquals("\"1\"", response.getHeaders().get("ETag"));
    }

    @Test
    void anAdminPutChangesTheDeadlineForEveryLaterRead() {
        APIGatewayV2HTTPResponse put = call("put-campaign-extend-deadline");

        assertEquals(200, put.getStatusCode());
        assertEquals("2026-07-03T00:00:00+08:00", body(call("get-campaign")).get("submissionClosesAtChina"));
        assertEquals(2, body(call("get-campaign")).get("version"));
    }

    @Test
    void aPutNamingTheCurrentVersionSucceeds() {
        assertEquals(200, call("put-campaign-if-match-current").getStatusCode());
    }

    @Test
    void aDeadlineBeforeOpeningIsA400OnThatFieldAndChangesNothing() {
        APIGatewayV2HTTPResponse response = call("put-campaign-deadline-before-opening");

        assertEquals(400, response.getStatusCode());
        Map<String, Object> error = error(response);
        assertEquals("VALIDATION_FAILED", error.get("code"));
        assertEquals(List.of(Map.of("field", "submissionClosesAt", "code", "DEADLINE_NOT_AFTER_OPENING",
                "message", "提交截止时间必须晚于注册开始时间")), error.get("fields"));
        assertEquals("2026-07-01T00:00:00+08:00", body(call("get-campaign")).get("submissionClosesAtChina"));
        assertEquals(1, body(call("get-campaign")).get("version"));
    }

    @Test
    void everyBadFieldIsListedInOneAnswer() {
        APIGatewayV2HTTPResponse response = call("put-campaign-many-errors");

        assertEquals(400, response.getStatusCode());
        assertEquals(6, ((List<?>) error(response).get("fields")).size());
    }

    @Test
    void invalidJsonIsA400WithItsOwnCode() {
        APIGatewayV2HTTPResponse response = call("put-campaign-invalid-json");

        assertEquals(400, response.getStatusCode());
        assertEquals("INVALID_JSON", error(response).get("code"));
    }

    @Test
    void aSignedInNonAdminIsForbidden() {
        APIGatewayV2HTTPResponse response = call("put-campaign-not-admin");

        assertEquals(403, response.getStatusCode());
        assertEquals("ADMIN_ONLY", error(response).get("code"));
        assertEquals("仅管理员可以执行此操作", error(response).get("message"));
    }

    @Test
    void withoutVerifiedClaimsAPutIsUnauthenticated() {
        APIGatewayV2HTTPResponse response = call("put-campaign-no-token");

        assertEquals(401, response.getStatusCode());
        assertEquals("UNAUTHENTICATED", error(response).get("code"));
    }

    @Test
    void aStaleIfMatchIsAConflictThatNamesTheCurrentVersion() {
        APIGatewayV2HTTPResponse response = call("put-campaign-stale-version");

        assertEquals(409, response.getStatusCode());
        assertEquals(Map.of("currentVersion", 1), error(response).get("details"));
        assertEquals(1, body(call("get-campaign")).get("version"));
    }

    @Test
    void warmCallsRegisterNoNewBeans() {
        call("get-campaign");
        int before = context.getAllBeanDefinitions().size();
        for (int i = 0; i < 200; i++) {
            call("get-campaign");
        }
        assertEquals(before, context.getAllBeanDefinitions().size());
    }
}

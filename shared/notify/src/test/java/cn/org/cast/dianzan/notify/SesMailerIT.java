package cn.org.cast.dianzan.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.junit.AwsEnginesExtension;
import cn.org.cast.dianzan.engines.junit.AwsResources;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The global regions' path, wired as a function gets it: {@code dianzan.mail.transport=ses}, the engines'
 * region and credentials, and a local stand-in for SES v2 in place of {@code email.<region>.amazonaws.com}.
 */
@ExtendWith(AwsEnginesExtension.class)
class SesMailerIT {

    @Test
    void sendEmailReachesSesSignedWithTheFunctionsCredentialsAndRegion(AwsResources aws) throws Exception {
        try (AwsStandIn ses = new AwsStandIn()) {
            ses.answer(AwsStandIn.Answer.json(200, "{\"MessageId\":\"0100-test\"}"));
            Map<String, Object> properties = new HashMap<>(aws.properties());
            properties.put("dianzan.mail.transport", "ses");
            properties.put("dianzan.aws.ses-endpoint", ses.endpoint().toString());

            try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
                Mailer mailer = context.getBean(Mailer.class);
                assertInstanceOf(SesMailer.class, mailer);
                mailer.send(new Mail("zhang.san@example.com", "您的案例已推荐", "案例已推荐。", "<p>案例已推荐。</p>"));
            }

            AwsStandIn.Received request = ses.only();
            SigV4.Authorization auth = SigV4.Authorization.parse(request.header("Authorization"));
            JsonNode body = Signing.JSON.readValue(request.body(), Argument.of(JsonNode.class));
            assertEquals("POST", request.method());
            assertEquals("/v2/email/outbound-emails", request.path());
            assertEquals("ses", auth.service());
            assertEquals(aws.properties().get("dianzan.aws.region"), auth.region());
            assertEquals(aws.engines().credentials().accessKeyId(), auth.accessKeyId());
            assertTrue(SigV4.verifies(request, aws.engines().credentials().secretAccessKey()), "signature does not verify");
            assertEquals("您的案例已推荐", body.get("Content").get("Simple").get("Subject").get("Data").getStringValue());
            assertEquals("zhang.san@example.com", body.get("Destination").get("ToAddresses").get(0).getStringValue());
            assertTrue(body.get("FromEmailAddress").getStringValue().endsWith("<noreply@dianzan.local>"));
        }
    }
}

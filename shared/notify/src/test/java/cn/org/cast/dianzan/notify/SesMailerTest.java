package cn.org.cast.dianzan.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SesMailerTest {

    private final AwsStandIn ses = new AwsStandIn();
    private final SesMailer mailer = new SesMailer(Signing.endpoint(ses.endpoint(), SesMailer.SIGNING_NAME, "eu-central-1"),
            new Sender("noreply@dianzan.example.com", null));

    @AfterEach
    void stop() {
        ses.close();
    }

    private static JsonNode json(AwsStandIn.Received request) throws IOException {
        return Signing.JSON.readValue(request.body(), Argument.of(JsonNode.class));
    }

    @Test
    void sendEmailCarriesTheSimpleContentInUtf8FromTheChineseNamedSender() throws Exception {
        ses.answer(AwsStandIn.Answer.json(200, "{\"MessageId\":\"0102-abc\"}"));

        mailer.send(new Mail("zhang.san@example.cn", "您的案例《科学小实验》已提交", "案例已提交。", "<p>案例已<b>提交</b>。</p>"));

        AwsStandIn.Received request = ses.only();
        JsonNode body = json(request);
        JsonNode simple = body.get("Content").get("Simple");
        assertEquals("/v2/email/outbound-emails", request.path());
        assertEquals("ses", SigV4.Authorization.parse(request.header("Authorization")).service());
        assertTrue(SigV4.verifies(request, Signing.SECRET_ACCESS_KEY));
        assertEquals("zhang.san@example.cn", body.get("Destination").get("ToAddresses").get(0).getStringValue());
        assertEquals("您的案例《科学小实验》已提交", simple.get("Subject").get("Data").getStringValue());
        assertEquals("UTF-8", simple.get("Subject").get("Charset").getStringValue());
        assertEquals("案例已提交。", simple.get("Body").get("Text").get("Data").getStringValue());
        assertEquals("<p>案例已<b>提交</b>。</p>", simple.get("Body").get("Html").get("Data").getStringValue());
        assertEquals("UTF-8", simple.get("Body").get("Html").get("Charset").getStringValue());
        String from = body.get("FromEmailAddress").getStringValue();
        assertTrue(from.startsWith("=?UTF-8?"), "the name must be an RFC 2047 encoded word: " + from);
        InternetAddress parsed = new InternetAddress(from);
        assertEquals("典赞·科普中国", parsed.getPersonal());
        assertEquals("noreply@dianzan.example.com", parsed.getAddress());
    }

    @Test
    void aPlainTextMailSendsNoHtmlBody() throws Exception {
        mailer.send(Mail.text("zhang.san@example.cn", "主题", "正文"));

        assertNull(json(ses.only()).get("Content").get("Simple").get("Body").get("Html"));
    }

    @Test
    void aRejectionBecomesAMailFailureThatNamesNoAddress() {
        ses.answer(new AwsStandIn.Answer(400, Map.of("x-amzn-ErrorType", "MessageRejected", "Content-Type", "application/json"),
                "{\"message\":\"Email address is not verified: zhang.san@example.cn, noreply@dianzan.example.com\"}"));

        MailFailure failure = assertThrows(MailFailure.class,
                () -> mailer.send(Mail.text("zhang.san@example.cn", "主题", "正文")));

        assertTrue(failure.getMessage().contains("MessageRejected"), failure.getMessage());
        assertFalse(failure.getMessage().contains("zhang.san@"), failure.getMessage());
        assertFalse(failure.getMessage().contains("noreply@"), failure.getMessage());
        assertInstanceOf(AwsCallException.class, failure.getCause());
        assertFalse(failure.getCause().getMessage().contains("zhang.san@"), failure.getCause().getMessage());
    }
}

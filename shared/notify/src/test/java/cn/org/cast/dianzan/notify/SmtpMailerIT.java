package cn.org.cast.dianzan.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.GreenMailServer;
import cn.org.cast.dianzan.engines.GreenMailServer.ReceivedMail;
import cn.org.cast.dianzan.engines.junit.AwsEnginesExtension;
import cn.org.cast.dianzan.engines.junit.AwsResources;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Real mail through {@link SmtpMailer}, wired from the engines' properties, into GreenMail and back out. */
@ExtendWith(AwsEnginesExtension.class)
class SmtpMailerIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final AwsResources aws;
    private final GreenMailServer greenMail;

    SmtpMailerIT(AwsResources aws) {
        this.aws = aws;
        this.greenMail = aws.engines().greenMail();
    }

    /** A mailbox no other test writes to: GreenMail is shared by the whole test JVM. */
    private static String recipient(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.cn";
    }

    private ApplicationContext context(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(aws.properties());
        properties.putAll(overrides);
        return ApplicationContext.builder().properties(properties).start();
    }

    @Test
    void aChineseMailArrivesWithSubjectNameAndBothBodiesIntact() {
        String to = recipient("zhang.san");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (ApplicationContext context = context(Map.of())) {
            Mailer mailer = context.getBean(Mailer.class);
            assertInstanceOf(SmtpMailer.class, mailer);

            mailer.send(new Mail(to, "【典赞】您的案例《厨房里的科学》已提交",
                    "张老师：\n您的案例《厨房里的科学》已提交至推荐单位，请等待审核。\n——典赞·科普中国",
                    "<p>张老师：</p><p>您的案例<b>《厨房里的科学》</b>已提交至推荐单位，请等待审核。</p>"));
        }

        List<ReceivedMail> mails = greenMail.awaitMessages(to, 1, WAIT);
        ReceivedMail mail = mails.get(0);
        assertEquals(1, mails.size());
        assertEquals(to, mail.to());
        assertEquals("典赞·科普中国 <noreply@dianzan.local>", mail.from());
        assertEquals("【典赞】您的案例《厨房里的科学》已提交", mail.subject());
        assertEquals("张老师：\n您的案例《厨房里的科学》已提交至推荐单位，请等待审核。\n——典赞·科普中国", mail.text().replace("\r\n", "\n"));
        assertEquals("<p>张老师：</p><p>您的案例<b>《厨房里的科学》</b>已提交至推荐单位，请等待审核。</p>", mail.html());
        assertTrue(!mail.receivedAt().isBefore(before), mail.receivedAt() + " before " + before);
    }

    @Test
    void aPlainTextMailArrivesWithoutAnHtmlPart() {
        String to = recipient("li.si");
        try (ApplicationContext context = context(Map.of())) {
            context.getBean(Mailer.class).send(Mail.text(to, "推荐码已作废", "您的推荐码已作废，请联系管理员。"));
        }

        ReceivedMail mail = greenMail.awaitMessages(to, 1, WAIT).get(0);
        assertEquals("您的推荐码已作废，请联系管理员。", mail.text());
        assertNull(mail.html());
    }

    @Test
    void eachRecipientGetsOnlyTheirOwnMail() {
        String first = recipient("wang");
        String second = recipient("zhao");
        try (ApplicationContext context = context(Map.of())) {
            Mailer mailer = context.getBean(Mailer.class);
            mailer.send(Mail.text(first, "一", "第一封"));
            mailer.send(Mail.text(second, "二", "第二封"));
            mailer.send(Mail.text(first, "三", "第三封"));
        }

        assertEquals(List.of("一", "三"), greenMail.awaitMessages(first, 2, WAIT).stream().map(ReceivedMail::subject).toList());
        assertEquals(List.of("二"), greenMail.awaitMessages(second, 1, WAIT).stream().map(ReceivedMail::subject).toList());
    }

    @Test
    void theLoginFromSecretsManagerIsReadOnceForManyMails() {
        String to = recipient("secret");
        try (AwsStandIn secretsManager = new AwsStandIn()) {
            secretsManager.answer(AwsStandIn.Answer.json(200,
                    "{\"Name\":\"dianzan/smtp\",\"SecretString\":\"{\\\"username\\\":\\\"noreply@dianzan.local\\\",\\\"password\\\":\\\"口令-1\\\"}\"}"));
            try (ApplicationContext context = context(Map.of(
                    "dianzan.mail.smtp.secret-id", "dianzan/smtp",
                    "dianzan.aws.secretsmanager-endpoint", secretsManager.endpoint().toString()))) {
                Mailer mailer = context.getBean(Mailer.class);
                mailer.send(Mail.text(to, "一", "第一封"));
                mailer.send(Mail.text(to, "二", "第二封"));
            }

            assertEquals(2, greenMail.awaitMessages(to, 2, WAIT).size());
            AwsStandIn.Received request = secretsManager.only();
            assertEquals("secretsmanager.GetSecretValue", request.header("X-Amz-Target"));
            assertTrue(SigV4.verifies(request, aws.engines().credentials().secretAccessKey()), "signature does not verify");
            assertEquals(aws.engines().credentials().accessKeyId(),
                    SigV4.Authorization.parse(request.header("Authorization")).accessKeyId());
        }
    }
}

package cn.org.cast.dianzan.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailerFactoryTest {

    private static final Map<String, Object> SMTP = Map.of(
            "dianzan.mail.transport", "smtp",
            "dianzan.mail.from", "noreply@dianzan.example.cn",
            "dianzan.mail.smtp.host", "smtp.example.cn",
            "aws.region", "cn-north-1");

    private static Mailer mailer(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            return context.getBean(Mailer.class);
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... pairs) {
        Map<String, Object> properties = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            properties.put((String) pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    private static String failureOf(Map<String, Object> properties) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> mailer(properties));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Test
    void smtpIsChosenWithStartTlsOnPort587ByDefault() {
        Mailer mailer = mailer(SMTP);

        assertInstanceOf(SmtpMailer.class, mailer);
        assertEquals("SmtpMailer[smtp.example.cn:587, STARTTLS]", mailer.toString());
    }

    @Test
    void sesIsChosenWithTheSdksEndpointForTheFunctionsRegion() {
        Mailer mailer = mailer(with(SMTP, "dianzan.mail.transport", "ses", "aws.region", "eu-central-1"));

        assertInstanceOf(SesMailer.class, mailer);
        assertTrue(mailer.toString().contains("https://email.eu-central-1.amazonaws.com"), mailer.toString());
    }

    @Test
    void sesInAChinaRegionIsRefusedAtStartWithTheWayOut() {
        String failure = failureOf(with(SMTP, "dianzan.mail.transport", "ses"));

        assertTrue(failure.contains("cn-north-1") && failure.contains("dianzan.mail.transport=smtp"), failure);
    }

    @Test
    void aMissingTransportNamesItsPropertyAndVariable() {
        Map<String, Object> properties = new HashMap<>(SMTP);
        properties.remove("dianzan.mail.transport");

        String failure = failureOf(properties);

        assertTrue(failure.contains("DIANZAN_MAIL_TRANSPORT"), failure);
    }

    @Test
    void aLoginGivenTwiceIsRefused() {
        String failure = failureOf(with(SMTP, "dianzan.mail.smtp.username", "u", "dianzan.mail.smtp.password", "p",
                "dianzan.mail.smtp.secret-id", "dianzan/smtp"));

        assertTrue(failure.contains("not both"), failure);
    }

    @Test
    void aFromThatIsNoAddressIsRefusedWithoutQuotingIt() {
        String failure = failureOf(with(SMTP, "dianzan.mail.from", "noreply at dianzan"));

        assertTrue(failure.contains("dianzan.mail.from"), failure);
        assertTrue(!failure.contains("noreply at dianzan"), failure);
    }

    @Test
    void lambdasEnvironmentVariablesReachEverySetting() {
        Map<String, Object> environment = Map.of(
                "AWS_REGION", "cn-northwest-1",
                "DIANZAN_MAIL_TRANSPORT", "smtp",
                "DIANZAN_MAIL_FROM", "noreply@dianzan.example.cn",
                "DIANZAN_MAIL_FROM_NAME", "科普中国",
                "DIANZAN_MAIL_SMTP_HOST", "smtpdm.aliyun.com",
                "DIANZAN_MAIL_SMTP_PORT", "465",
                "DIANZAN_MAIL_SMTP_SECURITY", "ssl",
                "DIANZAN_MAIL_SMTP_SECRET_ID", "dianzan/smtp");

        try (ApplicationContext context = ApplicationContext.builder()
                .propertySources(PropertySource.of("lambda", environment, PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .start()) {
            MailSettings settings = context.getBean(MailSettings.class);
            assertEquals("smtp", settings.transport());
            assertEquals(new Sender("noreply@dianzan.example.cn", "科普中国"), settings.sender());
            assertEquals(new SmtpServer("smtpdm.aliyun.com", 465, SmtpSecurity.SSL), settings.smtpServer());
            assertEquals("dianzan/smtp", settings.smtpSecretId().orElseThrow());
            assertEquals("SmtpMailer[smtpdm.aliyun.com:465, SSL]", context.getBean(Mailer.class).toString());
        }
    }
}

package cn.org.cast.dianzan.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmtpMailerTest {

    private static final Sender SENDER = new Sender("noreply@dianzan.example.cn", null);

    private static SmtpMailer mailer(SmtpSecurity security) {
        return new SmtpMailer(new SmtpServer("smtp.example.cn", security.defaultPort(), security), SENDER, SmtpLogin.NONE,
                Signing.CLOCK);
    }

    @Test
    void theMessageIsMultipartAlternativeWithTheTextFirstAndTheHtmlLast() throws Exception {
        MimeMessage message = mailer(SmtpSecurity.SSL).compose(
                new Mail("zhang.san@example.cn", "您的案例已提交", "案例已提交。", "<p>案例已提交。</p>"));

        Multipart parts = (Multipart) message.getContent();
        assertTrue(message.isMimeType("multipart/alternative"), message.getContentType());
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(0).getContentType().toUpperCase().contains("CHARSET=UTF-8"), parts.getBodyPart(0).getContentType());
        assertEquals("案例已提交。", parts.getBodyPart(0).getContent());
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        assertEquals("<p>案例已提交。</p>", parts.getBodyPart(1).getContent());
        assertEquals(Date.from(Signing.NOW), message.getSentDate());
    }

    @Test
    void theHeadersAreSevenBitWithTheSubjectAndTheNameAsRfc2047EncodedWords() throws Exception {
        MimeMessage message = mailer(SmtpSecurity.SSL).compose(Mail.text("zhang.san@example.cn", "您的案例已提交", "正文"));

        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        String headers = raw.toString(StandardCharsets.ISO_8859_1).split("\r\n\r\n", 2)[0];
        assertTrue(headers.chars().allMatch(c -> c < 128), headers);
        assertTrue(message.getHeader("Subject")[0].startsWith("=?UTF-8?"), message.getHeader("Subject")[0]);
        assertEquals("您的案例已提交", message.getSubject());
        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertEquals("典赞·科普中国", from.getPersonal());
        assertEquals("noreply@dianzan.example.cn", from.getAddress());
        assertTrue(message.getMessageID().endsWith("@dianzan.example.cn>"), message.getMessageID());
    }

    @Test
    void aPlainTextMailIsASingleTextPart() throws Exception {
        MimeMessage message = mailer(SmtpSecurity.NONE).compose(Mail.text("zhang.san@example.cn", "主题", "正文"));

        assertTrue(message.isMimeType("text/plain"));
        assertEquals("正文", message.getContent());
    }

    @Test
    void startTlsIsRequiredNotMerelyAttemptedAndTheServerNameChecked() {
        Properties session = SmtpMailer.sessionProperties(new SmtpServer("smtp.example.cn", 587, SmtpSecurity.STARTTLS), SENDER, true);

        assertEquals("true", session.getProperty("mail.smtp.starttls.enable"));
        assertEquals("true", session.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", session.getProperty("mail.smtp.ssl.checkserveridentity"));
        assertEquals("true", session.getProperty("mail.smtp.auth"));
        assertNull(session.getProperty("mail.smtp.ssl.enable"));
    }

    @Test
    void sslIsTlsFromTheFirstByte() {
        Properties session = SmtpMailer.sessionProperties(new SmtpServer("smtp.example.cn", 465, SmtpSecurity.SSL), SENDER, false);

        assertEquals("true", session.getProperty("mail.smtp.ssl.enable"));
        assertEquals("true", session.getProperty("mail.smtp.ssl.checkserveridentity"));
        assertEquals("false", session.getProperty("mail.smtp.auth"));
        assertNull(session.getProperty("mail.smtp.starttls.enable"));
    }

    @Test
    void everySocketWaitIsBoundedWithinTenSeconds() {
        Properties session = SmtpMailer.sessionProperties(new SmtpServer("127.0.0.1", 25, SmtpSecurity.NONE), SENDER, false);

        for (String timeout : new String[] {"mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout"}) {
            long millis = Long.parseLong(session.getProperty(timeout));
            assertTrue(millis > 0 && millis <= 10_000, timeout + "=" + millis);
        }
        assertNull(session.getProperty("mail.smtp.starttls.enable"));
        assertNull(session.getProperty("mail.smtp.ssl.enable"));
    }

    @Test
    void aServerThatCannotBeReachedIsAMailFailureNamingNoAddress() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SmtpMailer mailer = new SmtpMailer(new SmtpServer("127.0.0.1", closedPort, SmtpSecurity.NONE), SENDER, SmtpLogin.NONE,
                Signing.CLOCK);

        MailFailure failure = assertThrows(MailFailure.class, () -> mailer.send(Mail.text("zhang.san@example.cn", "主题", "正文")));

        assertTrue(failure.getMessage().contains("z***@example.cn"), failure.getMessage());
        assertFalse(failure.getMessage().contains("zhang.san"), failure.getMessage());
        assertNull(failure.getCause());
    }

    @Test
    void aLoginTheServerRefusesIsRenewedOnceAndTheMailSent() {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Set.of("rotated"))) {
            SmtpLogin rotating = new SmtpLogin() {
                private String password = "old";

                @Override
                public Optional<SmtpCredentials> credentials() {
                    return Optional.of(new SmtpCredentials("noreply@dianzan.example.cn", password));
                }

                @Override
                public boolean refused() {
                    password = "rotated";
                    return true;
                }
            };
            SmtpMailer mailer = new SmtpMailer(new SmtpServer("127.0.0.1", server.port(), SmtpSecurity.NONE), SENDER, rotating,
                    Signing.CLOCK);

            mailer.send(Mail.text("zhang.san@example.cn", "主题", "正文"));

            assertEquals(List.of("noreply@dianzan.example.cn:old", "noreply@dianzan.example.cn:rotated"), server.logins());
            assertEquals(List.of("zhang.san@example.cn"), server.deliveredTo());
        }
    }

    @Test
    void aFixedLoginTheServerRefusesFailsAtOnceWithoutRetrying() {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Set.of("right"))) {
            SmtpMailer mailer = new SmtpMailer(new SmtpServer("127.0.0.1", server.port(), SmtpSecurity.NONE), SENDER,
                    SmtpLogin.fixed(new SmtpCredentials("noreply@dianzan.example.cn", "wrong")), Signing.CLOCK);

            MailFailure failure = assertThrows(MailFailure.class, () -> mailer.send(Mail.text("zhang.san@example.cn", "主题", "正文")));

            assertEquals(1, server.logins().size());
            assertTrue(failure.getMessage().contains("AuthenticationFailedException"), failure.getMessage());
            assertFalse(failure.getMessage().contains("noreply@dianzan"), failure.getMessage());
        }
    }

    @Test
    void thePortDefaultsToTheOneTheSecurityModeUses() {
        assertEquals(587, SmtpSecurity.of("starttls").defaultPort());
        assertEquals(465, SmtpSecurity.of("SSL").defaultPort());
        assertEquals(25, SmtpSecurity.of("none").defaultPort());
        assertThrows(IllegalArgumentException.class, () -> SmtpSecurity.of("tls"));
    }
}

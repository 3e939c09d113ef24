package cn.org.cast.dianzan.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.junit.AwsEnginesExtension;
import cn.org.cast.dianzan.engines.junit.AwsResources;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The engines' GreenMail: real SMTP in, each mailbox read back through its REST API. */
@ExtendWith(AwsEnginesExtension.class)
class GreenMailServerIT {

    private static void send(int port, String to, String subject, String text, String html) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("noreply@dianzan.local", "典赞·科普中国", "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8", "plain");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, "UTF-8", "html");
        message.setContent(new MimeMultipart("alternative", plain, rich));
        Transport.send(message);
    }

    @Test
    void mailSentOverSmtpIsReadBackDecodedFromTheRecipientsMailbox(AwsResources aws) throws Exception {
        GreenMailServer greenMail = aws.engines().greenMail();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        send(greenMail.smtpPort(), "li.si@example.cn", "您的案例已提交", "案例《科学小实验》已提交。", "<p>案例《科学小实验》已提交。</p>");

        List<GreenMailServer.ReceivedMail> mails = greenMail.awaitMessages("li.si@example.cn", 1, Duration.ofSeconds(10));
        GreenMailServer.ReceivedMail mail = mails.get(0);
        assertEquals(1, mails.size());
        assertEquals("li.si@example.cn", mail.to());
        assertEquals("典赞·科普中国 <noreply@dianzan.local>", mail.from());
        assertEquals("您的案例已提交", mail.subject());
        assertEquals("案例《科学小实验》已提交。", mail.text());
        assertEquals("<p>案例《科学小实验》已提交。</p>", mail.html());
        assertTrue(!mail.receivedAt().isBefore(before) && !mail.receivedAt().isAfter(Instant.now()), mail.receivedAt() + " after " + before);
    }

    @Test
    void aMailboxThatNeverGotMailIsEmptyAndPurgeEmptiesTheOthers(AwsResources aws) throws Exception {
        GreenMailServer greenMail = aws.engines().greenMail();
        send(greenMail.smtpPort(), "wang.wu@example.cn", "主题", "正文", "<p>正文</p>");
        greenMail.awaitMessages("wang.wu@example.cn", 1, Duration.ofSeconds(10));

        greenMail.purge();

        assertEquals(List.of(), greenMail.messages("wang.wu@example.cn"));
        assertEquals(List.of(), greenMail.messages("nobody-ever@example.cn"));
    }

    @Test
    void theEnginesPointFunctionsAtGreenMailsSmtp(AwsResources aws) {
        assertEquals("smtp", aws.properties().get("dianzan.mail.transport"));
        assertEquals(Integer.toString(aws.engines().smtpPort()), aws.properties().get("dianzan.mail.smtp.port"));
        assertEquals("none", aws.properties().get("dianzan.mail.smtp.security"));
    }
}

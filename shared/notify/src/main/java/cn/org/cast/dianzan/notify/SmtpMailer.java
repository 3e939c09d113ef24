package cn.org.cast.dianzan.notify;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mail through an SMTP server with Jakarta Mail (Angus): the provider's server in the China regions,
 * GreenMail locally. One connection per mail: a Lambda container sends rarely and may be frozen
 * between calls, which a kept connection would not survive.
 */
public final class SmtpMailer implements Mailer {

    /** Well inside the functions' 15 s timeout: a server that does not answer fails the call, not the function. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration IO_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);
    private static final String UTF_8 = "UTF-8";

    private final SmtpServer server;
    private final Sender sender;
    private final SmtpLogin login;
    private final Clock clock;
    private final Session session;

    public SmtpMailer(SmtpServer server, Sender sender, SmtpLogin login, Clock clock) {
        this.server = server;
        this.sender = sender;
        this.login = login;
        this.clock = clock;
        this.session = Session.getInstance(sessionProperties(server, sender, login != SmtpLogin.NONE));
    }

    static Properties sessionProperties(SmtpServer server, Sender sender, boolean authenticate) {
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", "smtp");
        properties.setProperty("mail.smtp.host", server.host());
        properties.setProperty("mail.smtp.port", Integer.toString(server.port()));
        properties.setProperty("mail.smtp.connectiontimeout", Long.toString(CONNECT_TIMEOUT.toMillis()));
        properties.setProperty("mail.smtp.timeout", Long.toString(IO_TIMEOUT.toMillis()));
        properties.setProperty("mail.smtp.writetimeout", Long.toString(IO_TIMEOUT.toMillis()));
        properties.setProperty("mail.smtp.auth", Boolean.toString(authenticate));
        // The envelope sender, and the domain of the Message-ID: without it Jakarta Mail asks the
        // container for its host name.
        properties.setProperty("mail.from", sender.address());
        switch (server.security()) {
            case STARTTLS -> {
                properties.setProperty("mail.smtp.starttls.enable", "true");
                properties.setProperty("mail.smtp.starttls.required", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case SSL -> {
                properties.setProperty("mail.smtp.ssl.enable", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> {
                // GreenMail on the loopback interface only.
            }
        }
        return properties;
    }

    @Override
    public void send(Mail mail) {
        long started = System.nanoTime();
        MimeMessage message = compose(mail);
        try {
            try {
                deliver(message, login.credentials());
            } catch (AuthenticationFailedException refused) {
                if (!login.refused()) {
                    throw refused;
                }
                LOG.warn("SMTP server {} refused the login; reading it again and retrying once", server.host());
                deliver(message, login.credentials());
            }
        } catch (MessagingException e) {
            throw new MailFailure("SMTP 发送失败 / SMTP send to " + Masked.email(mail.to()) + " via " + server.host() + ":"
                    + server.port() + " failed: " + Masked.describe(e));
        }
        LOG.info("Mail sent by SMTP via {} to {} in {} ms", server.host(), Masked.email(mail.to()),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private void deliver(MimeMessage message, Optional<SmtpCredentials> credentials) throws MessagingException {
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(server.host(), server.port(),
                    credentials.map(SmtpCredentials::username).orElse(null),
                    credentials.map(SmtpCredentials::password).orElse(null));
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /**
     * The MIME message: From with the encoded display name, the subject as an RFC 2047 encoded word,
     * UTF-8 bodies, and multipart/alternative with the plain text first and the HTML last (the last
     * part is the one a client prefers) when there is HTML.
     */
    MimeMessage compose(Mail mail) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(sender.internetAddress());
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), UTF_8);
            message.setSentDate(Date.from(clock.instant()));
            if (mail.hasHtml()) {
                MimeBodyPart text = new MimeBodyPart();
                text.setText(mail.text(), UTF_8, "plain");
                MimeBodyPart html = new MimeBodyPart();
                html.setText(mail.html(), UTF_8, "html");
                message.setContent(new MimeMultipart("alternative", text, html));
            } else {
                message.setText(mail.text(), UTF_8, "plain");
            }
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new MailFailure("邮件无法生成 / cannot build the mail to " + Masked.email(mail.to()) + ": " + Masked.describe(e));
        }
    }

    @Override
    public String toString() {
        return "SmtpMailer[" + server.host() + ":" + server.port() + ", " + server.security() + "]";
    }
}

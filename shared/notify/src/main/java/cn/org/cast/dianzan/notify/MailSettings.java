package cn.org.cast.dianzan.notify;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;

/**
 * The mail settings, as properties or as the environment variables Lambda gives (DIANZAN_MAIL_TRANSPORT
 * is {@code dianzan.mail.transport}, DIANZAN_MAIL_SMTP_SECRET_ID is {@code dianzan.mail.smtp.secret-id}).
 * The endpoint overrides are for tests and the local engines, as {@code dianzan.aws.dynamodb-endpoint} is.
 */
@Singleton
public class MailSettings {

    private final String transport;
    private final String from;
    private final String fromName;
    private final String smtpHost;
    private final int smtpPort;
    private final String smtpSecurity;
    private final String smtpUsername;
    private final String smtpPassword;
    private final String smtpSecretId;
    private final String sesEndpoint;
    private final String secretsManagerEndpoint;

    public MailSettings(@Value("${dianzan.mail.transport:}") String transport,
                        @Value("${dianzan.mail.from:}") String from,
                        @Value("${dianzan.mail.from-name:" + Sender.DEFAULT_NAME + "}") String fromName,
                        @Value("${dianzan.mail.smtp.host:}") String smtpHost,
                        @Value("${dianzan.mail.smtp.port:0}") int smtpPort,
                        @Value("${dianzan.mail.smtp.security:starttls}") String smtpSecurity,
                        @Value("${dianzan.mail.smtp.username:}") String smtpUsername,
                        @Value("${dianzan.mail.smtp.password:}") String smtpPassword,
                        @Value("${dianzan.mail.smtp.secret-id:}") String smtpSecretId,
                        @Value("${dianzan.aws.ses-endpoint:}") String sesEndpoint,
                        @Value("${dianzan.aws.secretsmanager-endpoint:}") String secretsManagerEndpoint) {
        this.transport = transport.strip();
        this.from = from.strip();
        this.fromName = fromName.strip();
        this.smtpHost = smtpHost.strip();
        this.smtpPort = smtpPort;
        this.smtpSecurity = smtpSecurity;
        this.smtpUsername = smtpUsername;
        this.smtpPassword = smtpPassword;
        this.smtpSecretId = smtpSecretId.strip();
        this.sesEndpoint = sesEndpoint.strip();
        this.secretsManagerEndpoint = secretsManagerEndpoint.strip();
    }

    /** {@code smtp} or {@code ses}; blank when not configured. */
    public String transport() {
        return transport;
    }

    public Sender sender() {
        return new Sender(from, fromName);
    }

    /** The server; the port defaults to the one the security mode usually uses (587, 465, 25). */
    public SmtpServer smtpServer() {
        SmtpSecurity security = SmtpSecurity.of(smtpSecurity);
        return new SmtpServer(smtpHost, smtpPort == 0 ? security.defaultPort() : smtpPort, security);
    }

    /** A login given as properties (username and password together), for servers that do not take it from a secret. */
    public Optional<SmtpCredentials> smtpCredentials() {
        if (smtpUsername.isBlank() && smtpPassword.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SmtpCredentials(smtpUsername, smtpPassword));
    }

    /** The Secrets Manager secret (name or ARN) holding the SMTP login as JSON. */
    public Optional<String> smtpSecretId() {
        return smtpSecretId.isBlank() ? Optional.empty() : Optional.of(smtpSecretId);
    }

    public Optional<URI> sesEndpoint() {
        return sesEndpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(sesEndpoint));
    }

    public Optional<URI> secretsManagerEndpoint() {
        return secretsManagerEndpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(secretsManagerEndpoint));
    }

    /** Safe to log: the sender masked, of the login only where it comes from. */
    @Override
    public String toString() {
        String login = !smtpSecretId.isBlank() ? "secret" : smtpUsername.isBlank() ? "none" : "properties";
        return "MailSettings[transport=" + transport + ", from=" + Masked.email(from) + ", smtp=" + smtpHost + ":" + smtpPort
                + " " + smtpSecurity + ", login=" + login + "]";
    }
}

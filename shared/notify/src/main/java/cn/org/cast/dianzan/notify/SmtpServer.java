package cn.org.cast.dianzan.notify;

/** The SMTP server mail is handed to: the provider's in the China regions, GreenMail locally. */
public record SmtpServer(String host, int port, SmtpSecurity security) {

    public SmtpServer {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("dianzan.mail.smtp.host must be set for the smtp transport");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("dianzan.mail.smtp.port must be 1-65535, not " + port);
        }
        if (security == null) {
            throw new IllegalArgumentException("dianzan.mail.smtp.security must be starttls, ssl or none");
        }
    }
}

package cn.org.cast.dianzan.notify;

import java.util.Locale;

/** How the connection to the SMTP server is protected, with the port each usually listens on. */
public enum SmtpSecurity {
    /** Plain connection upgraded with STARTTLS, which the server must offer (submission, port 587). */
    STARTTLS(587),
    /** TLS from the first byte (SMTPS, port 465): what most Chinese providers document. */
    SSL(465),
    /** No TLS at all: only for GreenMail on the loopback interface. */
    NONE(25);

    private final int defaultPort;

    SmtpSecurity(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** {@code starttls}, {@code ssl} or {@code none}, as {@code dianzan.mail.smtp.security} gives it. */
    public static SmtpSecurity of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dianzan.mail.smtp.security must be starttls, ssl or none, not " + name);
        }
    }
}

package cn.org.cast.dianzan.notify;

/**
 * Sends mail: through a provider's SMTP server in the China regions (there is no SES there), through
 * SES v2 in the global regions, through GreenMail locally. Which one is configuration
 * ({@code dianzan.mail.transport}), never code: see {@link MailerFactory}.
 */
public interface Mailer {

    /**
     * Hands the mail to the transport; returns once it was accepted for delivery.
     *
     * @throws MailFailure when the transport refused it or could not be reached
     */
    void send(Mail mail);
}

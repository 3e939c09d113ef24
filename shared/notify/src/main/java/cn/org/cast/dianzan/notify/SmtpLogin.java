package cn.org.cast.dianzan.notify;

import java.util.Optional;

/** Where {@link SmtpMailer} gets its login: none (GreenMail, a relay that trusts the network), fixed, or a secret. */
public interface SmtpLogin {

    SmtpLogin NONE = Optional::empty;

    /** The login to use now; empty to send without AUTH. */
    Optional<SmtpCredentials> credentials();

    /**
     * The server refused the login. A source that can read the login again (a rotated secret) forgets
     * the one it had and answers true: the send is tried once more. A fixed login cannot change.
     */
    default boolean refused() {
        return false;
    }

    static SmtpLogin fixed(SmtpCredentials credentials) {
        return () -> Optional.of(credentials);
    }
}

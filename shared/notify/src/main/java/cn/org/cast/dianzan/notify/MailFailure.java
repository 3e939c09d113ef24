package cn.org.cast.dianzan.notify;

/**
 * The transport refused a mail or could not be reached. Not a failure the user can act on. The
 * message names the transport and the reason with addresses masked, and no cause is kept whose own
 * message could carry an address: it is safe to log as it is.
 */
public class MailFailure extends RuntimeException {

    public MailFailure(String message) {
        super(message);
    }

    public MailFailure(String message, Throwable maskedCause) {
        super(message, maskedCause);
    }
}

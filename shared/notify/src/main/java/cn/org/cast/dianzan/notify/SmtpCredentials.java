package cn.org.cast.dianzan.notify;

/** An SMTP login. The password never shows in {@code toString}. */
public record SmtpCredentials(String username, String password) {

    public SmtpCredentials {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("an SMTP login needs a username and a password");
        }
    }

    @Override
    public String toString() {
        return "SmtpCredentials[username=" + Masked.emailsIn(username) + ", password=***]";
    }
}

package cn.org.cast.dianzan.notify;

import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.util.Optional;

/**
 * The SMTP login kept in a Secrets Manager secret as {@code {"username": "...", "password": "..."}}:
 * read on the first send, not at start (a function that never mails never calls Secrets Manager, and
 * a SnapStart snapshot holds no password), then kept for the life of the container. A login the
 * server refuses is read again once, which follows a rotation.
 */
public final class SecretSmtpLogin implements SmtpLogin {

    private final SecretsManager secrets;
    private final String secretId;
    private final JsonMapper json;
    private volatile SmtpCredentials cached;

    public SecretSmtpLogin(SecretsManager secrets, String secretId, JsonMapper json) {
        this.secrets = secrets;
        this.secretId = secretId;
        this.json = json;
    }

    @Override
    public Optional<SmtpCredentials> credentials() {
        SmtpCredentials current = cached;
        if (current == null) {
            synchronized (this) {
                current = cached;
                if (current == null) {
                    current = read();
                    cached = current;
                }
            }
        }
        return Optional.of(current);
    }

    @Override
    public synchronized boolean refused() {
        cached = null;
        return true;
    }

    private SmtpCredentials read() {
        String secret;
        try {
            secret = secrets.secretString(secretId);
        } catch (AwsCallException e) {
            throw new MailFailure("无法读取 SMTP 登录凭据 / cannot read the SMTP login from Secrets Manager: " + e.getMessage(), e);
        }
        try {
            LoginSecret login = json.readValue(secret, LoginSecret.class);
            return new SmtpCredentials(login.username(), login.password());
        } catch (IOException | RuntimeException e) {
            // Neither the secret nor the parser's message (which may quote it) goes into the failure.
            throw new MailFailure("SMTP 登录凭据格式不对 / the SMTP login secret is not JSON with a username and a password");
        }
    }

    @Serdeable
    record LoginSecret(String username, String password) {
        @Override
        public String toString() {
            return "LoginSecret[***]";
        }
    }
}

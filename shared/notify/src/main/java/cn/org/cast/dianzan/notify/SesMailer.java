package cn.org.cast.dianzan.notify;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * Mail through SES v2 SendEmail ({@code POST /v2/email/outbound-emails}, signed as {@code ses}) with
 * Simple content: the subject and both bodies in UTF-8, SES builds the MIME. Global regions only:
 * there is no SES in the China regions.
 */
public final class SesMailer implements Mailer {

    public static final String ENDPOINT_PREFIX = "email";
    public static final String SIGNING_NAME = "ses";
    static final String SEND_EMAIL_PATH = "/v2/email/outbound-emails";

    private static final Logger LOG = LoggerFactory.getLogger(SesMailer.class);

    private final AwsJsonEndpoint ses;
    private final Sender sender;

    public SesMailer(AwsJsonEndpoint ses, Sender sender) {
        this.ses = ses;
        this.sender = sender;
    }

    @Override
    public void send(Mail mail) {
        long started = System.nanoTime();
        SendEmailResult result;
        try {
            result = ses.restJson(SdkHttpMethod.POST, SEND_EMAIL_PATH, request(mail), SendEmailResult.class);
        } catch (AwsCallException e) {
            throw new MailFailure("SES 发送失败 / SES send to " + Masked.email(mail.to()) + " failed: " + e.getMessage(), e);
        }
        LOG.info("Mail sent by SES to {} as {} in {} ms", Masked.email(mail.to()), result.messageId(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** The SendEmail request body; the From name is RFC 2047 encoded, as SES asks of a non-ASCII name. */
    Map<String, Object> request(Mail mail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Text", utf8(mail.text()));
        if (mail.hasHtml()) {
            body.put("Html", utf8(mail.html()));
        }
        return Map.of(
                "FromEmailAddress", sender.header(),
                "Destination", Map.of("ToAddresses", List.of(mail.to())),
                "Content", Map.of("Simple", Map.of("Subject", utf8(mail.subject()), "Body", body)));
    }

    private static Map<String, String> utf8(String data) {
        return Map.of("Data", data, "Charset", "UTF-8");
    }

    @Override
    public String toString() {
        return "SesMailer[" + ses + "]";
    }

    @Serdeable
    record SendEmailResult(@JsonProperty("MessageId") String messageId) {
    }
}

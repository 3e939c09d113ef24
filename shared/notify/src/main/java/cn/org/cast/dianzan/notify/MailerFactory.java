package cn.org.cast.dianzan.notify;

import cn.org.cast.dianzan.core.aws.AwsSettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * The one {@link Mailer} of a function, chosen by {@code dianzan.mail.transport}: {@code smtp} (the
 * China regions, and GreenMail locally) or {@code ses} (the global regions). The SDK's HTTP client,
 * credentials and region are core's, so the signed calls go where the function's other clients go.
 */
@Factory
public class MailerFactory {

    @Singleton
    Mailer mailer(MailSettings mail, AwsSettings aws, AwsCredentialsProvider credentials, SdkHttpClient http,
                  JsonMapper json, Clock clock) {
        try {
            Region region = Region.of(aws.region());
            return switch (mail.transport()) {
                case "smtp" -> new SmtpMailer(mail.smtpServer(), mail.sender(), smtpLogin(mail, region, credentials, http,
                        json, clock), clock);
                case "ses" -> new SesMailer(sesEndpoint(mail, region, credentials, http, json, clock), mail.sender());
                default -> throw new IllegalArgumentException("dianzan.mail.transport (DIANZAN_MAIL_TRANSPORT) must be smtp or ses, not '"
                        + mail.transport() + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("邮件配置有误 / mail configuration: " + e.getMessage(), e);
        }
    }

    private static SmtpLogin smtpLogin(MailSettings mail, Region region, AwsCredentialsProvider credentials,
                                       SdkHttpClient http, JsonMapper json, Clock clock) {
        Optional<SmtpCredentials> fixed = mail.smtpCredentials();
        Optional<String> secretId = mail.smtpSecretId();
        if (fixed.isPresent() && secretId.isPresent()) {
            throw new IllegalArgumentException("give the SMTP login as dianzan.mail.smtp.username/password or as "
                    + "dianzan.mail.smtp.secret-id, not both");
        }
        if (secretId.isPresent()) {
            AwsJsonEndpoint endpoint = new AwsJsonEndpoint(
                    mail.secretsManagerEndpoint().orElseGet(() -> AwsJsonEndpoint.endpointFor(SecretsManager.ENDPOINT_PREFIX, region)),
                    SecretsManager.SIGNING_NAME, region, credentials, http, json, clock);
            return new SecretSmtpLogin(new SecretsManager(endpoint), secretId.get(), json);
        }
        return fixed.map(SmtpLogin::fixed).orElse(SmtpLogin.NONE);
    }

    private static AwsJsonEndpoint sesEndpoint(MailSettings mail, Region region, AwsCredentialsProvider credentials,
                                               SdkHttpClient http, JsonMapper json, Clock clock) {
        if (mail.sesEndpoint().isEmpty() && "aws-cn".equals(PartitionMetadata.of(region).id())) {
            throw new IllegalArgumentException("SES has no endpoint in " + region.id()
                    + " (no SES in the China regions): use dianzan.mail.transport=smtp there");
        }
        return new AwsJsonEndpoint(mail.sesEndpoint().orElseGet(() -> AwsJsonEndpoint.endpointFor(SesMailer.ENDPOINT_PREFIX, region)),
                SesMailer.SIGNING_NAME, region, credentials, http, json, clock);
    }
}

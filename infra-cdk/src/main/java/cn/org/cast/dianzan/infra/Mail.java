package cn.org.cast.dianzan.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * How the accounts service sends mail, by partition. Global regions: SES, from the domain of the sender
 * address ({@code ses:SendEmail} on that identity only). China regions, which have no SES: an SMTP provider
 * (STARTTLS) whose credentials, {@code {"username": ..., "password": ...}}, are kept in a Secrets Manager secret
 * the stack creates with a placeholder ({@code secretsmanager:GetSecretValue} on that secret only).
 */
final class Mail extends Construct implements KeepsStackLevelIds {

    static final String SMTP_SECURITY = "starttls";

    private final Map<String, String> environment = new LinkedHashMap<>();
    private final PolicyStatement sending;

    Mail(Construct scope, String id, StackSettings settings) {
        super(scope, id);
        environment.put("DIANZAN_MAIL_FROM", settings.mailFrom());
        if (settings.partition() == Partition.CHINA) {
            Secret smtp = Secret.Builder.create(this, "SmtpSecret")
                    .description("The SMTP provider's credentials for the accounts service's mail (China regions).")
                    .generateSecretString(SecretStringGenerator.builder()
                            .secretStringTemplate("{\"username\":\"\"}")
                            .generateStringKey("password")
                            .build())
                    .removalPolicy(RemovalPolicy.RETAIN)
                    .build();
            CfnOutput.Builder.create(this, "SmtpSecretArn")
                    .description("China regions - put the SMTP provider's credentials here (README, Deploy).")
                    .value(smtp.getSecretArn()).build();
            environment.put("DIANZAN_MAIL_TRANSPORT", "smtp");
            environment.put("DIANZAN_MAIL_SMTP_HOST", settings.smtpHost());
            environment.put("DIANZAN_MAIL_SMTP_PORT", settings.smtpPort());
            environment.put("DIANZAN_MAIL_SMTP_SECURITY", SMTP_SECURITY);
            environment.put("DIANZAN_MAIL_SMTP_SECRET_ID", smtp.getSecretArn());
            sending = PolicyStatement.Builder.create()
                    .actions(List.of("secretsmanager:GetSecretValue"))
                    .resources(List.of(smtp.getSecretArn()))
                    .build();
        } else {
            environment.put("DIANZAN_MAIL_TRANSPORT", "ses");
            String identity = Stack.of(this).formatArn(ArnComponents.builder()
                    .service("ses")
                    .resource("identity")
                    .resourceName(settings.mailDomain())
                    .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                    .build());
            sending = PolicyStatement.Builder.create()
                    .actions(List.of("ses:SendEmail"))
                    .resources(List.of(identity))
                    .build();
        }
    }

    /** The DIANZAN_MAIL_* variables of a function that sends mail. */
    Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    void allowSending(IRole role) {
        role.addToPrincipalPolicy(sending);
    }
}

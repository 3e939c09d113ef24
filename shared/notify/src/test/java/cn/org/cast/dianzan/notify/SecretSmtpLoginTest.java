package cn.org.cast.dianzan.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecretSmtpLoginTest {

    private static final String ARN = "arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:dianzan/smtp-AbCdEf";

    private final AwsStandIn secretsManager = new AwsStandIn();
    private final SecretSmtpLogin login = new SecretSmtpLogin(new SecretsManager(Signing.endpoint(secretsManager.endpoint(),
            SecretsManager.SIGNING_NAME, "cn-north-1")), ARN, Signing.JSON);

    @AfterEach
    void stop() {
        secretsManager.close();
    }

    private void secret(String secretString) throws Exception {
        secretsManager.answer(AwsStandIn.Answer.json(200, Signing.JSON.writeValueAsString(Map.of(
                "ARN", ARN, "Name", "dianzan/smtp", "VersionStages", java.util.List.of("AWSCURRENT"),
                "SecretString", secretString))));
    }

    @Test
    void theLoginIsReadOnceWithASignedGetSecretValueAndKept() throws Exception {
        secret("{\"username\":\"noreply@dianzan.cn\",\"password\":\"p@ss 口令\"}");

        SmtpCredentials first = login.credentials().orElseThrow();
        SmtpCredentials second = login.credentials().orElseThrow();

        assertEquals(new SmtpCredentials("noreply@dianzan.cn", "p@ss 口令"), first);
        assertEquals(first, second);
        AwsStandIn.Received request = secretsManager.only();
        assertEquals("/", request.path());
        assertEquals("secretsmanager.GetSecretValue", request.header("X-Amz-Target"));
        assertEquals("application/x-amz-json-1.1", request.header("Content-Type"));
        assertEquals(ARN, Signing.JSON.readValue(request.body(), Argument.of(JsonNode.class)).get("SecretId").getStringValue());
        SigV4.Authorization auth = SigV4.Authorization.parse(request.header("Authorization"));
        assertEquals("secretsmanager", auth.service());
        assertEquals("cn-north-1", auth.region());
        assertTrue(SigV4.verifies(request, Signing.SECRET_ACCESS_KEY));
    }

    @Test
    void aRefusedLoginIsReadAgainOnTheNextSend() throws Exception {
        secret("{\"username\":\"u\",\"password\":\"old\"}");
        login.credentials();
        secret("{\"username\":\"u\",\"password\":\"rotated\"}");

        assertTrue(login.refused());

        assertEquals("rotated", login.credentials().orElseThrow().password());
        assertEquals(2, secretsManager.received().size());
    }

    @Test
    void aSecretThatIsNotTheLoginJsonFailsWithoutQuotingIt() throws Exception {
        secret("username=u password=hunter2");

        MailFailure failure = assertThrows(MailFailure.class, login::credentials);

        assertFalse(failure.getMessage().contains("hunter2"), failure.getMessage());
        assertNull(failure.getCause());
    }

    @Test
    void aMissingSecretIsAMailFailureWithSecretsManagersErrorType() {
        secretsManager.answer(AwsStandIn.Answer.json(400, "{\"__type\":\"ResourceNotFoundException\","
                + "\"Message\":\"Secrets Manager can't find the specified secret.\"}"));

        MailFailure failure = assertThrows(MailFailure.class, login::credentials);

        assertTrue(failure.getMessage().contains("ResourceNotFoundException"), failure.getMessage());
    }

    @Test
    void theLoginsPasswordNeverPrints() {
        assertFalse(new SmtpCredentials("u", "hunter2").toString().contains("hunter2"));
    }
}

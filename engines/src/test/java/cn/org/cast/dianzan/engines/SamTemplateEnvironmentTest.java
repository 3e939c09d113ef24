package cn.org.cast.dianzan.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Environment variables whose values are known only when deployed (a parameter, the partition's Fn::If, a
 * Fn::Sub, the signing key's Fn::GetAtt) are left out of the functions' local properties and of the Lambda
 * environment on the engines; references to provisioned tables and literals are kept.
 */
class SamTemplateEnvironmentTest {

    private static final String TEMPLATE = """
            Parameters:
              MailFrom:
                Type: String
                Default: noreply@dzkpzg.example.cn
            Conditions:
              IsChina:
                Fn::Equals:
                  - Ref: AWS::Partition
                  - aws-cn
            Globals:
              Function:
                Environment:
                  Variables:
                    DIANZAN_TABLES_MAIN:
                      Ref: MainTable
            Resources:
              AccountsFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: functions/accounts/target/accounts-function.jar
                  Handler: cn.org.cast.dianzan.functions.accounts.AccountsHandler
                  Environment:
                    Variables:
                      DIANZAN_TOKENS_AUDIENCE: dianzan
                      DIANZAN_TOKENS_ISSUER:
                        Fn::Sub: https://${ApiDomainName}
                      DIANZAN_TOKENS_KMS_KEY_ID:
                        Fn::GetAtt: [TokenSigningKeyA, Arn]
                      DIANZAN_MAIL_FROM:
                        Ref: MailFrom
                      DIANZAN_MAIL_TRANSPORT:
                        Fn::If: [IsChina, smtp, ses]
            """;

    @TempDir
    Path dir;

    private SamTemplate template() throws IOException {
        return SamTemplate.load(Files.writeString(dir.resolve("template.yaml"), TEMPLATE, StandardCharsets.UTF_8));
    }

    @Test
    void localPropertiesHoldOnlyWhatIsKnownBeforeDeployment() throws IOException {
        assertEquals(Map.of("dianzan.tables.main", "local-MainTable", "dianzan.tokens.audience", "dianzan"),
                Provisioner.functionProperties(template(), Map.of("MainTable", "local-MainTable")));
    }

    @Test
    void theLambdaEnvironmentOnTheEnginesLeavesOutWhatIsKnownOnlyWhenDeployed() throws IOException {
        AwsEngines engines = new AwsEngines() {
            @Override
            public URI dynamoEndpoint() {
                return URI.create("http://127.0.0.1:1");
            }

            @Override
            public URI s3Endpoint() {
                return URI.create("http://127.0.0.1:2");
            }

            @Override
            public Credentials credentials() {
                return new Credentials("key", "secret");
            }

            @Override
            public GreenMailServer greenMail() {
                throw new UnsupportedOperationException("no mail in this test");
            }

            @Override
            public Map<String, String> mailProperties() {
                return Map.of();
            }

            @Override
            public void close() {
            }
        };
        Map<String, String> environment = engines.lambdaEnvironment(template().functions().get(0),
                Map.of("MainTable", "local-MainTable"));

        assertEquals("local-MainTable", environment.get("DIANZAN_TABLES_MAIN"));
        assertEquals("dianzan", environment.get("DIANZAN_TOKENS_AUDIENCE"));
        for (String deployed : List.of("DIANZAN_TOKENS_ISSUER", "DIANZAN_TOKENS_KMS_KEY_ID", "DIANZAN_MAIL_FROM",
                "DIANZAN_MAIL_TRANSPORT")) {
            assertFalse(environment.containsKey(deployed), deployed);
        }
    }
}

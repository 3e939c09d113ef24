package cn.org.cast.dianzan.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.ProjectHome;
import cn.org.cast.dianzan.engines.SamTemplate;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * template.yaml (what the local runner and the tests use) and the CDK stack (what is deployed) agree, in each
 * partition: template.yaml deployed in a global region (its conditions choose SES) against the stack synthesized
 * with {@code partition=aws}, and deployed in a China region (SMTP) against {@code partition=aws-cn}.
 */
class TemplateDriftTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNTS = "cn.org.cast.dianzan.functions.accounts.AccountsHandler";

    @TempDir
    Path dir;

    private static StackShape synthesized(Partition partition) {
        return synthesized(partition, Map.of());
    }

    private static StackShape synthesized(Partition partition, Map<String, String> parameterValues) {
        return StackShape.ofSynthesized(JSON.valueToTree(SynthesizedStack.template(partition).toJSON()), partition,
                parameterValues);
    }

    @ParameterizedTest
    @EnumSource(Partition.class)
    void templateYamlAndTheCdkStackDescribeTheSameFunctionsRoutesSchedulesPermissionsTablesBucketsAndAccess(
            Partition partition) {
        StackShape sam = StackShape.of(ProjectHome.templateFile(), partition);
        assertEquals(sam, synthesized(partition));
        assertTrue(sam.tables().size() == 2, sam.toString());
        assertEquals(3, sam.buckets().get("MediaBucket").lifecycleRules().size(), sam.toString());
        assertEquals(1, sam.buckets().get("MediaBucket").corsRules().size(), sam.toString());
        assertTrue(sam.functions().values().stream().anyMatch(f -> f.permissions().stream()
                .anyMatch(p -> p.endsWith("s3:::MediaBucket/pending/*"))), sam.toString());
        assertTrue(sam.functions().values().stream().anyMatch(f -> !f.schedules().isEmpty()), sam.toString());
        assertTrue(sam.functions().values().stream().allMatch(f -> !f.permissions().isEmpty()), sam.toString());
        // What is compared: the authorizer, the domain, the signing key, and each partition's own mail.
        assertTrue(sam.access().stream().anyMatch(a -> a.startsWith("authorizer DianzanJwt ")
                && a.endsWith(" default")), sam.toString());
        assertTrue(sam.access().stream().anyMatch(a -> a.startsWith("domain ") && a.endsWith(" mapped")), sam.toString());
        assertTrue(sam.access().stream().anyMatch(a -> a.startsWith("key TokenSigningKeyA ")
                && a.contains("to [role of " + ACCOUNTS + "]")), sam.toString());
        assertTrue(sam.access().stream().noneMatch(a -> a.startsWith("key TokenSigningKeyB ")), sam.toString());
        SortedSet<String> accountsEnvironment = sam.functions().get(ACCOUNTS).environment();
        if (partition == Partition.CHINA) {
            assertTrue(accountsEnvironment.contains("DIANZAN_MAIL_TRANSPORT=smtp"), accountsEnvironment.toString());
            assertTrue(accountsEnvironment.contains("DIANZAN_MAIL_SMTP_SECRET_ID=SmtpSecret"), accountsEnvironment.toString());
        } else {
            assertTrue(accountsEnvironment.contains("DIANZAN_MAIL_TRANSPORT=ses"), accountsEnvironment.toString());
            assertTrue(accountsEnvironment.stream().noneMatch(v -> v.startsWith("DIANZAN_MAIL_SMTP_")),
                    accountsEnvironment.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Partition.class)
    void duringARotationBothTemplatesSignWithTheOtherSlotAndPublishThePreviousKey(Partition partition) {
        Map<String, String> rotation = Map.of("SigningKeySlot", "B",
                "PreviousSigningKeyId", "1234abcd-12ab-34cd-56ef-1234567890ab");
        StackShape sam = StackShape.of(ProjectHome.templateFile(), partition, rotation);
        assertEquals(sam, synthesized(partition, rotation));
        assertTrue(sam.access().stream().anyMatch(a -> a.startsWith("key TokenSigningKeyB ")), sam.toString());
        assertTrue(sam.access().stream().noneMatch(a -> a.startsWith("key TokenSigningKeyA ")), sam.toString());
        assertTrue(sam.functions().get(ACCOUNTS).environment().containsAll(List.of(
                "DIANZAN_TOKENS_KMS_KEY_ID=TokenSigningKeyB.Arn",
                "DIANZAN_TOKENS_PREVIOUS_KMS_KEY_ID=1234abcd-12ab-34cd-56ef-1234567890ab")), sam.toString());
    }

    @Test
    void theStackDeploysTheJarsTemplateYamlNames() {
        Map<String, String> jarsInTemplate = new TreeMap<>();
        SamTemplate.load().functions().forEach(f -> jarsInTemplate.put(f.logicalId(), f.codeUri()));
        Map<String, String> jarsInStack = new TreeMap<>();
        FunctionSpec.ALL.forEach(spec -> jarsInStack.put(spec.id(), spec.jarPath()));
        assertEquals(jarsInTemplate, jarsInStack);
    }

    @ParameterizedTest(name = "drift caught: {0}")
    @CsvSource(delimiter = '|', value = {
        "a route path changed        | Path: /campaign\\n            Method: PUT | Path: /campaigns\\n            Method: PUT",
        "a public route now open     | Method: PUT | Method: PUT\\n            Auth:\\n              Authorizer: NONE",
        "a handler renamed           | campaign.CampaignHandler | campaign.CampaignFunctionHandler",
        "the runtime changed         | Runtime: java21 | Runtime: java17",
        "a GSI renamed               | IndexName: gsi2 | IndexName: gsi3",
        "a table key changed         | KeyType: RANGE\\n      GlobalSecondaryIndexes:\\n        - IndexName: gsi1 | KeyType: HASH\\n      GlobalSecondaryIndexes:\\n        - IndexName: gsi1",
        "the memory changed          | MemorySize: 1024 | MemorySize: 512",
        "the schedule changed        | Schedule: rate(5 minutes) | Schedule: rate(10 minutes)",
        "the Schedule event removed  | Type: Schedule | Type: ScheduleV2",
        "fewer retries               | MaximumRetryAttempts: 2 | MaximumRetryAttempts: 0",
        "no dead-letter queue        | \\n            DeadLetterConfig:\\n              Arn:\\n                Fn::GetAtt: [DeadlineJobDeadLetterQueue, Arn] | ''",
        "an action granted more      | Action: [dynamodb:GetItem, dynamodb:PutItem] | Action: [dynamodb:GetItem, dynamodb:PutItem, dynamodb:DeleteItem]",
        "a grant on another index    | ${MainTable.Arn}/index/gsi2 | ${MainTable.Arn}/index/gsi1",
        "an object grant on *        | ${MediaBucket}/pending/* | ${MediaBucket}/*",
        "an object grant elsewhere   | ${MediaBucket}/media/* | ${MediaBucket}/public/*",
        "a bucket-level action added | s3:ListMultipartUploadParts] | s3:ListMultipartUploadParts, s3:ListBucket]",
        "pending uploads kept longer | Prefix: pending/\\n            ExpirationInDays: 1 | Prefix: pending/\\n            ExpirationInDays: 7",
        "expiry on attached media    | Prefix: pending/ | Prefix: media/",
        "a lifecycle rule removed    | \\n          - Id: AbortIncompleteUploads\\n            Status: Enabled\\n            AbortIncompleteMultipartUpload:\\n              DaysAfterInitiation: 1 | ''",
        "bucket CORS for any origin  | AllowedOrigins:\\n              - Ref: WebOrigin | AllowedOrigins:\\n              - \"*\"",
        "the issuer changed          | issuer:\\n                Fn::Sub: https://${ApiDomainName} | issuer:\\n                Fn::Sub: https://${ApiDomainName}/auth",
        "another audience            | audience:\\n                - dianzan | audience:\\n                - dianzan-web",
        "no default authorizer       | \\n        DefaultAuthorizer: DianzanJwt | ''",
        "the domain's older TLS      | SecurityPolicy: TLS_1_2 | SecurityPolicy: TLS_1_0",
        "China mails through SES     | Fn::If: [IsChina, smtp, ses] | Fn::If: [IsChina, ses, ses]",
        "an SMTP variable renamed    | DIANZAN_MAIL_SMTP_PORT: | DIANZAN_MAIL_SMTP_PORTS:",
        "SES on every identity       | identity/${MailDomain} | identity/*",
        "the SMTP secret everywhere  | Type: AWS::SecretsManager::Secret\\n    Condition: IsChina\\n | Type: AWS::SecretsManager::Secret\\n",
        "a larger key in one slot    | SigningKeyInSlotA\\n    DeletionPolicy: Retain\\n    UpdateReplacePolicy: Retain\\n    Properties:\\n      Description: Signs the access tokens of the Dianzan accounts service (RS256).\\n      KeySpec: RSA_2048 | SigningKeyInSlotA\\n    DeletionPolicy: Retain\\n    UpdateReplacePolicy: Retain\\n    Properties:\\n      Description: Signs the access tokens of the Dianzan accounts service (RS256).\\n      KeySpec: RSA_4096",
        "keys deleted with the stack | Condition: SigningKeyInSlotA\\n    DeletionPolicy: Retain | Condition: SigningKeyInSlotA\\n    DeletionPolicy: Delete",
        "a shorter deletion window   | PendingWindowInDays: 30 | PendingWindowInDays: 7",
        "the signer may verify too   | Action: [kms:Sign, kms:GetPublicKey] | Action: [kms:Sign, kms:GetPublicKey, kms:Verify]",
        "the alias on the other slot | AliasName:\\n        Fn::Sub: alias/${AWS::StackName}/token-signing\\n      TargetKeyId:\\n        Fn::If:\\n          - SigningKeyInSlotB | AliasName:\\n        Fn::Sub: alias/${AWS::StackName}/token-signing\\n      TargetKeyId:\\n        Fn::If:\\n          - SigningKeyInSlotA",
        "a policy template instead   | - Statement:\\n            - Effect: Allow\\n              Action: [dynamodb:GetItem, dynamodb:PutItem]\\n | - DynamoDBReadPolicy:\\n            TableName:\\n              Ref: MainTable\\n        - Statement:\\n            - Effect: Allow\\n              Action: [dynamodb:GetItem, dynamodb:PutItem]\\n"
    })
    void aDeliberatelyAlteredCopyOfTemplateYamlIsCaught(String what, String from, String to) throws IOException {
        String original = Files.readString(ProjectHome.templateFile(), StandardCharsets.UTF_8);
        String fromText = from.replace("\\n", "\n");
        assertTrue(original.contains(fromText), "the alteration must apply: " + what);
        Path altered = dir.resolve("template.yaml");
        Files.writeString(altered, original.replace(fromText, to.replace("\\n", "\n")), StandardCharsets.UTF_8);

        // Caught if either partition's branch of the altered copy differs from that partition's stack.
        assertFalse(StackShape.of(altered, Partition.GLOBAL).equals(synthesized(Partition.GLOBAL))
                && StackShape.of(altered, Partition.CHINA).equals(synthesized(Partition.CHINA)), what);
    }
}

package cn.org.cast.dianzan.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.ProjectHome;
import cn.org.cast.dianzan.engines.SamTemplate;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** template.yaml (what the local runner and the tests use) and the CDK stack (what is deployed) agree. */
class TemplateDriftTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static StackShape synthesized() {
        return StackShape.ofSynthesized(JSON.valueToTree(SynthesizedStack.template().toJSON()));
    }

    @Test
    void templateYamlAndTheCdkStackDescribeTheSameFunctionsRoutesSchedulesPermissionsTablesAndBuckets() {
        StackShape sam = StackShape.of(ProjectHome.templateFile());
        assertEquals(sam, synthesized());
        assertTrue(sam.tables().size() == 2, sam.toString());
        assertEquals(3, sam.buckets().get("MediaBucket").lifecycleRules().size(), sam.toString());
        assertEquals(1, sam.buckets().get("MediaBucket").corsRules().size(), sam.toString());
        assertTrue(sam.functions().values().stream().anyMatch(f -> f.permissions().stream()
                .anyMatch(p -> p.endsWith("s3:::MediaBucket/pending/*"))), sam.toString());
        assertTrue(sam.functions().values().stream().anyMatch(f -> !f.schedules().isEmpty()), sam.toString());
        assertTrue(sam.functions().values().stream().allMatch(f -> !f.permissions().isEmpty()), sam.toString());
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
        "a policy template instead   | - Statement:\\n            - Effect: Allow\\n              Action: [dynamodb:GetItem, dynamodb:PutItem]\\n | - DynamoDBReadPolicy:\\n            TableName:\\n              Ref: MainTable\\n        - Statement:\\n            - Effect: Allow\\n              Action: [dynamodb:GetItem, dynamodb:PutItem]\\n"
    })
    void aDeliberatelyAlteredCopyOfTemplateYamlIsCaught(String what, String from, String to) throws IOException {
        String original = Files.readString(ProjectHome.templateFile(), StandardCharsets.UTF_8);
        String fromText = from.replace("\\n", "\n");
        assertTrue(original.contains(fromText), "the alteration must apply: " + what);
        Path altered = dir.resolve("template.yaml");
        Files.writeString(altered, original.replace(fromText, to.replace("\\n", "\n")), StandardCharsets.UTF_8);

        assertNotEquals(StackShape.of(altered), synthesized(), what);
    }
}

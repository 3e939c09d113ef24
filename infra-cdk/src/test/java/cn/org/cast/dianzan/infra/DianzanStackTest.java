package cn.org.cast.dianzan.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;

class DianzanStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Template template = SynthesizedStack.template();

    @ParameterizedTest
    @EnumSource(Partition.class)
    void cdkNagAwsSolutionsHasNoUnsuppressedFinding(Partition partition) {
        Annotations annotations = Annotations.fromStack(SynthesizedStack.stack(partition));
        List<String> errors = readable(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")));
        List<String> warnings = readable(annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")));
        assertEquals(List.of(), errors, "cdk-nag errors");
        assertEquals(List.of(), warnings, "cdk-nag warnings");
    }

    private static List<String> readable(List<SynthesisMessage> findings) {
        return findings.stream().map(f -> f.getId() + ": " + f.getEntry().getData()).toList();
    }

    @Test
    void tablesAreOnDemandWithPointInTimeRecoveryEncryptedAndRetained() {
        template.resourceCountIs("AWS::DynamoDB::Table", 2);
        template.allResources("AWS::DynamoDB::Table", Map.of(
                "DeletionPolicy", "Retain",
                "Properties", Match.objectLike(Map.of(
                        "BillingMode", "PAY_PER_REQUEST",
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                        "SSESpecification", Map.of("SSEEnabled", true)))));
    }

    @Test
    void theMediaBucketBlocksPublicAccessKeepsVersionsAndExpiresWhatWasNeverCompletedOrWasRemoved() {
        template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "LoggingConfiguration", Match.objectLike(Map.of("LogFilePrefix", "media/")),
                "CorsConfiguration", Map.of("CorsRules", List.of(Match.objectLike(Map.of(
                        "AllowedOrigins", List.of(SynthesizedStack.stack().getNode().tryGetContext("webOrigin")),
                        "AllowedMethods", Match.arrayWith(List.of("GET", "PUT")),
                        "AllowedHeaders", Match.arrayWith(List.of("Content-Type", "Content-Length")),
                        "ExposedHeaders", List.of("ETag"))))),
                "LifecycleConfiguration", Map.of("Rules", List.of(
                        Match.objectLike(Map.of("AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 1))),
                        Match.objectLike(Map.of("Prefix", "pending/", "ExpirationInDays", 1,
                                "NoncurrentVersionExpiration", Map.of("NoncurrentDays", 1))),
                        Match.objectLike(Map.of("Prefix", "media/",
                                "NoncurrentVersionExpiration", Map.of("NoncurrentDays", 30))))))));
    }

    @Test
    void functionsRunJava21WithSnapStartBehindALiveAliasAndKeepTheirLogs() {
        template.allResourcesProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Runtime", "java21",
                "MemorySize", LiveFunction.MEMORY_MB,
                "Timeout", LiveFunction.TIMEOUT_SECONDS,
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"))));
        template.resourceCountIs("AWS::Lambda::Alias", FunctionSpec.ALL.size());
        template.allResourcesProperties("AWS::Lambda::Alias", Match.objectLike(Map.of("Name", "live")));
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 180));
    }

    @Test
    void theDeadlineJobRunsEveryFiveMinutesOnItsLiveAliasAndKeepsUndeliveredEventsFourteenDays() {
        template.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "ScheduleExpression", "rate(5 minutes)",
                "Targets", List.of(Match.objectLike(Map.of(
                        "Arn", Map.of("Ref", Match.stringLikeRegexp("^DeadlineJobFunctionLive.*")),
                        "RetryPolicy", Map.of("MaximumRetryAttempts", 2, "MaximumEventAgeInSeconds", 3600),
                        "DeadLetterConfig", Match.objectLike(Map.of("Arn", Match.anyValue()))))))));
        template.hasResourceProperties("AWS::SQS::Queue", Map.of(
                "SqsManagedSseEnabled", true, "MessageRetentionPeriod", 14 * 24 * 3600));
        template.hasResourceProperties("AWS::SQS::QueuePolicy", Match.objectLike(Map.of(
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
    }

    @ParameterizedTest
    @EnumSource(Partition.class)
    void functionsMayCallOnlyNamedActionsOnNamedTablesIndexesAndObjectPrefixes(Partition partition) {
        StackShape stack = StackShape.ofSynthesized(JSON.valueToTree(SynthesizedStack.template(partition).toJSON()),
                partition);
        String mailDomain = SynthesizedStack.stack(partition).settings().mailDomain();
        stack.functions().forEach((handler, function) -> {
            assertFalse(function.permissions().isEmpty(), handler);
            boolean sendsMail = FunctionSpec.ALL.stream().anyMatch(spec -> spec.handler().equals(handler)
                    && spec.capabilities().contains(FunctionSpec.Capability.SENDS_MAIL));
            function.permissions().forEach(permission -> assertTrue(permission.matches(
                    "Allow dynamodb:[A-Za-z]+ (MainTable|AuditTable)\\.Arn(/index/[a-zA-Z0-9]+)?")
                    || permission.matches("Allow s3:(PutObject|GetObject|DeleteObject|AbortMultipartUpload"
                            + "|ListMultipartUploadParts) arn:AWS::Partition:s3:::MediaBucket/(pending|media|sheets|summaries)/\\*")
                    // Mail: SES on the sender's domain identity only, or the SMTP provider's secret only.
                    || sendsMail && partition == Partition.GLOBAL && permission.equals("Allow ses:SendEmail "
                            + "arn:AWS::Partition:ses:AWS::Region:AWS::AccountId:identity/" + mailDomain)
                    || sendsMail && partition == Partition.CHINA
                            && permission.equals("Allow secretsmanager:GetSecretValue SmtpSecret"),
                    handler + ": " + permission));
        });
    }

    @Test
    void theDeployedResourcesKeepTheirLogicalIds() {
        // The ids of the stack as deployed before its constructs were grouped: CloudFormation replaces a
        // resource whose logical id changes, and a replaced table or user pool starts empty.
        JsonNode resources = JSON.valueToTree(template.toJSON()).path("Resources");
        // The Cognito user pool, its client and admin group are gone (the China regions have none): retained,
        // they stay in the account of an earlier deployment. The signing keys' ids are those of template.yaml.
        List.of("MainTable74195DAB", "AuditTableB07F8EEB", "MediaBucketBCBB02BA", "AccessLogsBucket83982689",
                "TokenSigningKeyA", "TokenSigningKeyB", "TokenSigningKeyAlias", "HttpApiF5A9A8A7",
                "HttpApiDefaultStage3EEB07D6", "HttpApiAccessLogs4B419BF6", "HttpApiGETcampaign60C18BCF",
                "CampaignFunctionLogs626186BC", "CodeBindingFunctionLogs3ADF9136", "CaseSaveFunctionLogs11C149D8",
                "CampaignFunctionC9F0CF18", "CampaignFunctionLive6A0D8D87")
                .forEach(id -> assertTrue(resources.has(id), id));
    }

    @ParameterizedTest
    @EnumSource(Partition.class)
    void everyRouteNotDeclaredOpenGoesThroughTheJwtAuthorizer(Partition partition) {
        Map<String, Map<String, Object>> routes = SynthesizedStack.template(partition)
                .findResources("AWS::ApiGatewayV2::Route");
        assertEquals(FunctionSpec.ALL.stream().mapToLong(f -> f.routes().size()).sum(), routes.size());
        long open = FunctionSpec.ALL.stream().flatMap(f -> f.routes().stream()).filter(FunctionSpec.RouteSpec::open).count();
        routes.values().forEach(route -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) route.get("Properties");
            String routeKey = (String) properties.get("RouteKey");
            boolean declaredOpen = FunctionSpec.ALL.stream().flatMap(f -> f.routes().stream())
                    .anyMatch(r -> r.open() && (r.method() + " " + r.path()).equals(routeKey));
            assertEquals(declaredOpen ? "NONE" : "JWT", properties.get("AuthorizationType"), routeKey);
        });
        assertTrue(open < routes.size());
    }

    @Test
    void theApiLogsAccessAndIsThrottled() {
        template.hasResourceProperties("AWS::ApiGatewayV2::Stage", Match.objectLike(Map.of(
                "StageName", "$default",
                "AccessLogSettings", Match.objectLike(Map.of("DestinationArn", Match.anyValue())),
                "DefaultRouteSettings", Match.objectLike(Map.of("ThrottlingRateLimit", 2000)))));
    }
}

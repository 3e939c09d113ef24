package cn.org.cast.dianzan.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class DianzanStackTest {

    private final Template template = SynthesizedStack.template();

    @Test
    void cdkNagAwsSolutionsHasNoUnsuppressedFinding() {
        Annotations annotations = Annotations.fromStack(SynthesizedStack.stack());
        List<?> errors = annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        List<?> warnings = annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertEquals(List.of(), errors, "cdk-nag errors");
        assertEquals(List.of(), warnings, "cdk-nag warnings");
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
    void theMediaBucketBlocksPublicAccessKeepsVersionsAndAbortsIncompleteUploads() {
        template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "LoggingConfiguration", Match.objectLike(Map.of("LogFilePrefix", "media/")),
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 1))))))));
    }

    @Test
    void functionsRunJava21WithSnapStartBehindALiveAliasAndKeepTheirLogs() {
        template.allResourcesProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Runtime", "java21",
                "MemorySize", DianzanStack.MEMORY_MB,
                "Timeout", DianzanStack.TIMEOUT_SECONDS,
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"))));
        template.resourceCountIs("AWS::Lambda::Alias", FunctionSpec.ALL.size());
        template.allResourcesProperties("AWS::Lambda::Alias", Match.objectLike(Map.of("Name", "live")));
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 180));
    }

    @Test
    void everyRouteNotDeclaredOpenGoesThroughTheJwtAuthorizer() {
        Map<String, Map<String, Object>> routes = template.findResources("AWS::ApiGatewayV2::Route");
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

package cn.org.cast.dianzan.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.ProjectHome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The China regions (partition aws-cn) lack Cognito user pools and Cognito authorizers, SES, X-Ray and Lambda
 * function URLs: the stack synthesized for aws-cn, and template.yaml as deployed there, contain none of them, no
 * resource and no IAM action. Every resource type of the China stack is one reviewed as available there (a new
 * type fails until it is checked and added). No template writes an ARN for one partition.
 */
class ChinaRegionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Resource types and IAM action prefixes of the services the China regions lack. */
    private static final Pattern MISSING_TYPE = Pattern.compile("^AWS::(Cognito|SES|XRay|CloudFront)::.*|^AWS::Lambda::Url$"
            + "|^AWS::Serverless::.*Url.*");
    private static final Pattern MISSING_ACTION = Pattern.compile("^(cognito-idp|cognito-identity|ses|xray|cloudfront):.*"
            + "|^lambda:.*FunctionUrl.*");
    /** Properties that would switch on what the China regions lack (X-Ray tracing, function URLs). */
    private static final Set<String> MISSING_PROPERTIES = Set.of("TracingConfig", "Tracing", "FunctionUrlConfig");

    /**
     * Each resource type of the China stack, reviewed against the AWS China documentation: API Gateway HTTP APIs
     * with JWT authorizers and custom domains (ICP filing), Lambda with Java SnapStart, versions, aliases and
     * advanced logging, DynamoDB, S3, SQS, EventBridge, CloudWatch Logs, IAM, KMS asymmetric keys, Secrets
     * Manager, and CDK's metadata resource, which CDK itself includes only where the region has it.
     */
    private static final Set<String> REVIEWED_FOR_CHINA = Set.of(
            "AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::ApiMapping", "AWS::ApiGatewayV2::Authorizer",
            "AWS::ApiGatewayV2::DomainName", "AWS::ApiGatewayV2::Integration", "AWS::ApiGatewayV2::Route",
            "AWS::ApiGatewayV2::Stage", "AWS::CDK::Metadata", "AWS::DynamoDB::Table", "AWS::Events::Rule",
            "AWS::IAM::Policy", "AWS::IAM::Role", "AWS::KMS::Alias", "AWS::KMS::Key", "AWS::Lambda::Alias",
            "AWS::Lambda::Function", "AWS::Lambda::Permission", "AWS::Lambda::Version", "AWS::Logs::LogGroup",
            "AWS::S3::Bucket", "AWS::S3::BucketPolicy", "AWS::SQS::Queue", "AWS::SQS::QueuePolicy",
            "AWS::SecretsManager::Secret");

    private static JsonNode synthesized(Partition partition) {
        return JSON.valueToTree(SynthesizedStack.template(partition).toJSON());
    }

    private static JsonNode templateYaml(Partition partition) throws IOException {
        return TemplateResolver.resolve(YAML.readTree(ProjectHome.templateFile().toFile()), partition);
    }

    @Test
    void theChinaStackHasNothingTheChinaRegionsLack() {
        assertEquals(List.of(), missingInChina(synthesized(Partition.CHINA)));
    }

    @Test
    void templateYamlDeployedInChinaHasNothingTheChinaRegionsLack() throws IOException {
        assertEquals(List.of(), missingInChina(templateYaml(Partition.CHINA)));
    }

    @Test
    void theCheckFindsWhatTheChinaRegionsLack() throws IOException {
        // The global branch sends mail through SES: the same check reports it there.
        assertEquals(List.of("action ses:SendEmail"), missingInChina(synthesized(Partition.GLOBAL)));
        assertEquals(List.of("action ses:SendEmail"), missingInChina(templateYaml(Partition.GLOBAL)));
        JsonNode cognito = JSON.readTree("""
                {"Resources": {"Pool": {"Type": "AWS::Cognito::UserPool"},
                 "Url": {"Type": "AWS::Lambda::Url"},
                 "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"TracingConfig": {"Mode": "Active"}}},
                 "Role": {"Type": "AWS::IAM::Role", "Properties": {"Policies": [{"PolicyDocument": {"Statement": [
                   {"Effect": "Allow", "Action": ["xray:PutTraceSegments", "cognito-idp:AdminGetUser"],
                    "Resource": "*"}]}}]}}}}
                """);
        assertEquals(List.of("action cognito-idp:AdminGetUser", "action xray:PutTraceSegments",
                "property Fn/Properties/TracingConfig", "type AWS::Cognito::UserPool", "type AWS::Lambda::Url"),
                missingInChina(cognito));
    }

    @Test
    void everyResourceTypeOfTheChinaStackWasReviewedForTheChinaRegions() {
        SortedSet<String> types = new TreeSet<>();
        synthesized(Partition.CHINA).path("Resources").forEach(r -> types.add(r.path("Type").asText()));
        types.removeAll(REVIEWED_FOR_CHINA);
        assertEquals(Set.of(), types, "resource types not reviewed for the China regions");
    }

    @ParameterizedTest
    @EnumSource(Partition.class)
    void noArnIsWrittenForOnePartition(Partition partition) throws IOException {
        for (JsonNode template : List.of(synthesized(partition),
                YAML.readTree(ProjectHome.templateFile().toFile()).path("Resources"))) {
            List<String> literal = new ArrayList<>();
            walk(template, "", (path, node) -> {
                if (node.isTextual() && node.asText().matches("(?s).*arn:aws(-cn|-us-gov)?:.*")) {
                    literal.add(path + ": " + node.asText());
                }
            });
            assertEquals(List.of(), literal);
        }
    }

    @Test
    void globalMailGoesThroughSesAndChinaMailThroughTheSmtpProvidersSecret() {
        JsonNode global = synthesized(Partition.GLOBAL).path("Resources");
        JsonNode china = synthesized(Partition.CHINA).path("Resources");
        assertEquals(0, count(global, "AWS::SecretsManager::Secret"));
        assertEquals(1, count(china, "AWS::SecretsManager::Secret"));
        List<String> chinaSecretGrants = new ArrayList<>();
        walk(china, "", (path, node) -> {
            if (node.isTextual() && node.asText().startsWith("secretsmanager:")) {
                chinaSecretGrants.add(node.asText());
            }
        });
        assertEquals(List.of("secretsmanager:GetSecretValue"), chinaSecretGrants);
        StackSettings settings = SynthesizedStack.stack(Partition.CHINA).settings();
        JsonNode variables = accountsVariables(china);
        assertEquals("smtp", variables.path("DIANZAN_MAIL_TRANSPORT").asText());
        assertEquals(settings.smtpHost(), variables.path("DIANZAN_MAIL_SMTP_HOST").asText());
        assertEquals(settings.smtpPort(), variables.path("DIANZAN_MAIL_SMTP_PORT").asText());
        assertEquals("starttls", variables.path("DIANZAN_MAIL_SMTP_SECURITY").asText());
        assertTrue(variables.path("DIANZAN_MAIL_SMTP_SECRET_ID").has("Ref"), variables.toString());
        assertEquals(settings.mailFrom(), variables.path("DIANZAN_MAIL_FROM").asText());
        JsonNode globalVariables = accountsVariables(global);
        assertEquals("ses", globalVariables.path("DIANZAN_MAIL_TRANSPORT").asText());
        assertFalse(globalVariables.toString().contains("DIANZAN_MAIL_SMTP_"), globalVariables.toString());
    }

    private static JsonNode accountsVariables(JsonNode resources) {
        for (JsonNode r : resources) {
            if (r.path("Properties").path("Handler").asText().endsWith(".AccountsHandler")) {
                return r.path("Properties").path("Environment").path("Variables");
            }
        }
        throw new AssertionError("no accounts function");
    }

    private static int count(JsonNode resources, String type) {
        int count = 0;
        for (JsonNode r : resources) {
            count += type.equals(r.path("Type").asText()) ? 1 : 0;
        }
        return count;
    }

    /** Every resource type, IAM action and property of what the China regions lack, sorted. */
    private static List<String> missingInChina(JsonNode template) {
        SortedSet<String> found = new TreeSet<>();
        template.path("Resources").fields().forEachRemaining(r -> {
            String type = r.getValue().path("Type").asText();
            if (MISSING_TYPE.matcher(type).matches()) {
                found.add("type " + type);
            }
            walk(r.getValue(), r.getKey(), (path, node) -> {
                if (MISSING_PROPERTIES.contains(path.substring(path.lastIndexOf('/') + 1))) {
                    found.add("property " + path);
                }
                if (path.endsWith("/Action") || path.matches(".*/Action/[0-9]+")) {
                    if (node.isTextual() && MISSING_ACTION.matcher(node.asText()).matches()) {
                        found.add("action " + node.asText());
                    }
                }
            });
        });
        walk(template.path("Globals"), "Globals", (path, node) -> {
            if (MISSING_PROPERTIES.contains(path.substring(path.lastIndexOf('/') + 1))) {
                found.add("property " + path);
            }
        });
        return List.copyOf(found);
    }

    private static void walk(JsonNode node, String path, BiConsumer<String, JsonNode> visit) {
        visit.accept(path, node);
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(field.getValue(), path + "/" + field.getKey(), visit);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, visit);
            }
        }
    }
}

package cn.org.cast.dianzan.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.ProjectHome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JWT authorizer trusts exactly what the accounts function signs: its issuer and audience are the function's
 * DIANZAN_TOKENS_ISSUER and DIANZAN_TOKENS_AUDIENCE, written as the same expression, in template.yaml and in
 * both synthesized stacks. The tokens are signed with an RSA key in KMS (HTTP API JWT authorizers verify RSA
 * signatures only) that only the accounts function may use, and that outlives the stack.
 */
class TokenIssuerTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNTS = "cn.org.cast.dianzan.functions.accounts.AccountsHandler";

    private static JsonNode templateYaml() throws IOException {
        return YAML.readTree(ProjectHome.templateFile().toFile());
    }

    private static JsonNode synthesized(Partition partition) {
        return JSON.valueToTree(SynthesizedStack.template(partition).toJSON());
    }

    private static JsonNode functionWithHandler(JsonNode resources, String handler) {
        List<JsonNode> found = new ArrayList<>();
        resources.forEach(r -> {
            if (handler.equals(r.path("Properties").path("Handler").asText())) {
                found.add(r);
            }
        });
        assertEquals(1, found.size(), handler);
        return found.get(0);
    }

    @Test
    void inTemplateYamlTheAuthorizerTrustsTheIssuerAndAudienceTheAccountsFunctionSigns() throws IOException {
        JsonNode resources = templateYaml().path("Resources");
        JsonNode auth = resources.path("HttpApi").path("Properties").path("Auth");
        JsonNode variables = functionWithHandler(resources, ACCOUNTS).path("Properties").path("Environment")
                .path("Variables");

        assertEquals(Identity.AUTHORIZER_NAME, auth.path("DefaultAuthorizer").asText());
        JsonNode authorizer = auth.path("Authorizers").path(Identity.AUTHORIZER_NAME);
        assertEquals(List.of(Identity.AUTHORIZER_NAME), fieldNames(auth.path("Authorizers")));
        assertEquals(Identity.IDENTITY_SOURCE, authorizer.path("IdentitySource").asText());
        JsonNode issuer = authorizer.path("JwtConfiguration").path("issuer");
        assertEquals(JSON.readTree("{\"Fn::Sub\":\"https://${ApiDomainName}\"}"), issuer);
        assertEquals(issuer, variables.path("DIANZAN_TOKENS_ISSUER"));
        assertEquals(JSON.createArrayNode().add(variables.path("DIANZAN_TOKENS_AUDIENCE")),
                authorizer.path("JwtConfiguration").path("audience"));
        assertEquals(new TextNode(Identity.AUDIENCE), variables.path("DIANZAN_TOKENS_AUDIENCE"));
        // The custom domain the issuer names is the API's own.
        assertEquals(JSON.readTree("{\"Ref\":\"ApiDomainName\"}"),
                resources.path("HttpApi").path("Properties").path("Domain").path("DomainName"));
    }

    @ParameterizedTest
    @EnumSource(Partition.class)
    void inTheSynthesizedStackTheAuthorizerTrustsTheIssuerAndAudienceTheAccountsFunctionSigns(Partition partition) {
        JsonNode resources = synthesized(partition).path("Resources");
        List<JsonNode> authorizers = ofType(resources, "AWS::ApiGatewayV2::Authorizer");
        assertEquals(1, authorizers.size());
        JsonNode authorizer = authorizers.get(0).path("Properties");
        JsonNode variables = functionWithHandler(resources, ACCOUNTS).path("Properties").path("Environment")
                .path("Variables");
        String apiDomainName = SynthesizedStack.stack(partition).settings().apiDomainName();

        assertEquals(Identity.AUTHORIZER_NAME, authorizer.path("Name").asText());
        assertEquals("JWT", authorizer.path("AuthorizerType").asText());
        assertEquals(JSON.createArrayNode().add(Identity.IDENTITY_SOURCE), authorizer.path("IdentitySource"));
        assertEquals(new TextNode("https://" + apiDomainName), authorizer.path("JwtConfiguration").path("Issuer"));
        assertEquals(authorizer.path("JwtConfiguration").path("Issuer"), variables.path("DIANZAN_TOKENS_ISSUER"));
        assertEquals(JSON.createArrayNode().add(variables.path("DIANZAN_TOKENS_AUDIENCE")),
                authorizer.path("JwtConfiguration").path("Audience"));
        assertEquals(new TextNode(Identity.AUDIENCE), variables.path("DIANZAN_TOKENS_AUDIENCE"));
        List<JsonNode> domains = ofType(resources, "AWS::ApiGatewayV2::DomainName");
        assertEquals(1, domains.size());
        assertEquals(apiDomainName, domains.get(0).path("Properties").path("DomainName").asText());
        assertEquals(1, ofType(resources, "AWS::ApiGatewayV2::ApiMapping").size());
    }

    @Test
    void inTemplateYamlEachSlotsKeyIsAnRsaSigningKeyOnlyTheAccountsFunctionUsesAndTheStackKeeps() throws IOException {
        JsonNode resources = templateYaml().path("Resources");
        for (String slot : List.of("A", "B")) {
            assertSigningKey(resources.path("TokenSigningKey" + slot), "AccountsFunctionRole");
            assertEquals("SigningKeyInSlot" + slot, resources.path("TokenSigningKey" + slot).path("Condition").asText());
        }
        JsonNode variables = resources.path("AccountsFunction").path("Properties").path("Environment").path("Variables");
        JsonNode currentKey = JSON.readTree("{\"Fn::If\":[\"SigningKeyInSlotB\",{\"Fn::GetAtt\":[\"TokenSigningKeyB\","
                + "\"Arn\"]},{\"Fn::GetAtt\":[\"TokenSigningKeyA\",\"Arn\"]}]}");
        assertEquals(currentKey, variables.path("DIANZAN_TOKENS_KMS_KEY_ID"));
        assertEquals(currentKey, resources.path("TokenSigningKeyAlias").path("Properties").path("TargetKeyId"));
        assertEquals(JSON.readTree("{\"Ref\":\"PreviousSigningKeyId\"}"),
                variables.path("DIANZAN_TOKENS_PREVIOUS_KMS_KEY_ID"));
        assertEquals("", templateYaml().path("Parameters").path("PreviousSigningKeyId").path("Default").asText("missing"));
        // No role policy names the key: the key policy is the grant (a role statement would be circular in SAM).
        assertFalse(resources.path("AccountsFunction").path("Properties").path("Policies").toString().contains("kms:"));
    }

    @ParameterizedTest
    @EnumSource(Partition.class)
    void inTheSynthesizedStackEachSlotsKeyIsAnRsaSigningKeyOnlyTheAccountsFunctionUses(Partition partition) {
        JsonNode template = synthesized(partition);
        JsonNode resources = template.path("Resources");
        String role = functionWithHandler(resources, ACCOUNTS).path("Properties").path("Role").path("Fn::GetAtt")
                .path(0).asText();
        for (String slot : List.of("A", "B")) {
            assertSigningKey(resources.path("TokenSigningKey" + slot), role);
        }
        assertEquals(2, ofType(resources, "AWS::KMS::Key").size());
        ofType(resources, "AWS::IAM::Policy").forEach(policy ->
                assertFalse(policy.toString().contains("kms:"), "an IAM policy grants KMS: " + policy));
        assertEquals("", template.path("Parameters").path("PreviousSigningKeyId").path("Default").asText("missing"));
        assertEquals(JSON.createObjectNode().put("Ref", "PreviousSigningKeyId"),
                functionWithHandler(resources, ACCOUNTS).path("Properties").path("Environment").path("Variables")
                        .path("DIANZAN_TOKENS_PREVIOUS_KMS_KEY_ID"));
    }

    private static void assertSigningKey(JsonNode key, String accountsRole) {
        assertEquals("AWS::KMS::Key", key.path("Type").asText(), key.toString());
        JsonNode p = key.path("Properties");
        assertEquals("RSA_2048", p.path("KeySpec").asText());
        assertEquals("SIGN_VERIFY", p.path("KeyUsage").asText());
        assertEquals(30, p.path("PendingWindowInDays").asInt());
        assertEquals("Retain", key.path("DeletionPolicy").asText());
        assertEquals("Retain", key.path("UpdateReplacePolicy").asText());
        List<String> grants = new ArrayList<>();
        p.path("KeyPolicy").path("Statement").forEach(statement -> {
            TreeSet<String> actions = new TreeSet<>();
            if (statement.path("Action").isArray()) {
                statement.path("Action").forEach(a -> actions.add(a.asText()));
            } else {
                actions.add(statement.path("Action").asText());
            }
            JsonNode principal = statement.path("Principal").path("AWS");
            String who = principal.has("Fn::GetAtt") ? principal.path("Fn::GetAtt").path(0).asText()
                    : principal.toString().contains(":root") ? "root" : principal.toString();
            grants.add(statement.path("Effect").asText() + " " + actions + " " + who + " " + statement.path("Resource").asText());
        });
        assertEquals(new TreeSet<>(List.of("Allow [kms:*] root *", "Allow [kms:GetPublicKey, kms:Sign] " + accountsRole + " *")),
                new TreeSet<>(grants), key.toString());
    }

    private static List<JsonNode> ofType(JsonNode resources, String type) {
        List<JsonNode> found = new ArrayList<>();
        resources.forEach(r -> {
            if (type.equals(r.path("Type").asText())) {
                found.add(r);
            }
        });
        return found;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

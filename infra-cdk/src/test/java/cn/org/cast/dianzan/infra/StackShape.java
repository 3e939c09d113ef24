package cn.org.cast.dianzan.infra;

import cn.org.cast.dianzan.engines.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What template.yaml and the CDK stack must agree on, for one partition: the functions (by handler) with their
 * runtime, memory, timeout, environment variables, routes, schedules and IAM permissions, the tables with their
 * keys and GSIs, the buckets with their lifecycle and CORS rules, and who may call the API (the JWT authorizer,
 * the custom domain, the signing keys and their policies, secrets). Both templates are read as deployed with
 * their parameters' defaults in a region of that partition ({@link TemplateResolver}): template.yaml's
 * conditions choose its branch for the partition, as cdk.json's context (the same values) chooses the stack.
 */
record StackShape(SortedMap<String, FunctionShape> functions, SortedMap<String, TableShape> tables,
                  SortedMap<String, BucketShape> buckets, SortedSet<String> access) {

    /**
     * Environment variables read "NAME=value", a reference named by logical id ("DIANZAN_TABLES_MAIN=MainTable",
     * "DIANZAN_TOKENS_KMS_KEY_ID=TokenSigningKeyA.Arn"); schedules read "expression retries=N maxEventAge=Ns
     * deadLetters=yes"; permissions read "Effect action resource", the resource named by logical id
     * ("MainTable.Arn/index/gsi1", "arn:AWS::Partition:s3:::MediaBucket/pending/*").
     */
    record FunctionShape(String runtime, int memorySize, int timeout, SortedSet<String> environment,
                         SortedSet<String> routes, SortedSet<String> schedules, SortedSet<String> permissions) {
    }

    record TableShape(SortedSet<String> keys, SortedMap<String, String> attributeTypes, SortedSet<String> indexes) {
    }

    /**
     * Each lifecycle and CORS rule as canonical JSON: keys sorted, lists of plain values sorted, a template
     * parameter (the web origin) read as its default, which is what cdk.json gives the stack.
     */
    record BucketShape(SortedSet<String> lifecycleRules, SortedSet<String> corsRules) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * template.yaml as the local runner reads it ({@link SamTemplate}: functions and routes), plus what only a
     * deployment uses (environment values, schedules, policies, identity), read from the YAML itself as
     * deployed in {@code partition} with the parameters' defaults.
     */
    static StackShape of(Path templateYaml, Partition partition) {
        return of(templateYaml, partition, Map.of());
    }

    static StackShape of(Path templateYaml, Partition partition, Map<String, String> parameterValues) {
        SamTemplate sam = SamTemplate.load(templateYaml);
        JsonNode root;
        try {
            root = TemplateResolver.resolve(YAML.readTree(templateYaml.toFile()), partition, parameterValues);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode resources = root.path("Resources");
        JsonNode globalVariables = root.path("Globals").path("Function").path("Environment").path("Variables");
        SortedMap<String, FunctionShape> functions = new TreeMap<>();
        Map<String, String> handlerByRole = new HashMap<>();
        for (SamTemplate.Function f : sam.functions()) {
            // SAM names the role it makes for a function <function>Role.
            handlerByRole.put(f.logicalId() + "Role", f.handler());
            SortedSet<String> environment = new TreeSet<>();
            environment(globalVariables, environment);
            environment(resources.path(f.logicalId()).path("Properties").path("Environment").path("Variables"),
                    environment);
            SortedSet<String> routes = new TreeSet<>();
            f.routes().forEach(r -> routes.add(r.routeKey() + (r.authorized() ? " JWT" : " NONE")));
            JsonNode properties = resources.path(f.logicalId()).path("Properties");
            SortedSet<String> schedules = new TreeSet<>();
            properties.path("Events").forEach(event -> {
                if ("Schedule".equals(event.path("Type").asText())) {
                    JsonNode p = event.path("Properties");
                    schedules.add(schedule(p.path("Schedule"), p.path("RetryPolicy"), p.path("DeadLetterConfig")));
                }
            });
            SortedSet<String> permissions = new TreeSet<>();
            properties.path("Policies").forEach(policy -> {
                if (policy.has("Statement")) {
                    statements(policy, permissions::add);
                } else {
                    // A SAM policy template or a managed policy: named as it is, so it matches nothing in the stack.
                    permissions.add("policy " + policy);
                }
            });
            functions.put(f.handler(), new FunctionShape(f.runtime(), f.memorySize(), f.timeout(), environment, routes,
                    schedules, permissions));
        }
        SortedMap<String, TableShape> tables = new TreeMap<>();
        for (SamTemplate.Table t : sam.tables()) {
            SortedSet<String> keys = new TreeSet<>();
            t.keys().forEach(k -> keys.add(k.attribute() + ":" + k.keyType()));
            SortedSet<String> indexes = new TreeSet<>();
            t.indexes().forEach(i -> indexes.add(i.name() + " " + i.keys().stream()
                    .map(k -> k.attribute() + ":" + k.keyType()).sorted().toList() + " " + i.projection()));
            tables.put(t.logicalId(), new TableShape(keys, new TreeMap<>(t.attributeTypes()), indexes));
        }
        SortedMap<String, BucketShape> buckets = new TreeMap<>();
        for (SamTemplate.Bucket b : sam.buckets()) {
            buckets.put(b.logicalId(), bucket(resources.path(b.logicalId()).path("Properties")));
        }
        SortedSet<String> access = new TreeSet<>();
        resources.fields().forEachRemaining(e -> {
            JsonNode p = e.getValue().path("Properties");
            if ("AWS::Serverless::HttpApi".equals(e.getValue().path("Type").asText())) {
                String defaultAuthorizer = p.path("Auth").path("DefaultAuthorizer").asText();
                p.path("Auth").path("Authorizers").fields().forEachRemaining(a -> access.add(authorizer(a.getKey(),
                        a.getValue().path("IdentitySource"), a.getValue().path("JwtConfiguration").path("issuer"),
                        a.getValue().path("JwtConfiguration").path("audience"), a.getKey().equals(defaultAuthorizer))));
                JsonNode domain = p.path("Domain");
                if (!domain.isMissingNode()) {
                    access.add(domain(domain.path("DomainName"), domain.path("EndpointConfiguration"),
                            domain.path("SecurityPolicy"), domain.path("CertificateArn"), true));
                }
            }
        });
        identity(resources, handlerByRole, access);
        return new StackShape(functions, tables, buckets, access);
    }

    /** The same shape read from a synthesized CloudFormation template, deployed in {@code partition}. */
    static StackShape ofSynthesized(JsonNode synthesized, Partition partition) {
        return ofSynthesized(synthesized, partition, Map.of());
    }

    static StackShape ofSynthesized(JsonNode synthesized, Partition partition, Map<String, String> parameterValues) {
        JsonNode template = TemplateResolver.resolve(synthesized, partition, parameterValues);
        JsonNode resources = template.path("Resources");
        Map<String, SortedSet<String>> routesByFunction = new HashMap<>();
        Map<String, SortedSet<String>> schedulesByFunction = new HashMap<>();
        Map<String, SortedSet<String>> permissionsByRole = new HashMap<>();
        resources.fields().forEachRemaining(e -> {
            JsonNode p = e.getValue().path("Properties");
            switch (e.getValue().path("Type").asText()) {
                case "AWS::ApiGatewayV2::Route" -> {
                    JsonNode integration = resources.path(firstRef(p.path("Target")));
                    String function = aliasedFunction(resources, integration.path("Properties").path("IntegrationUri"));
                    routesByFunction.computeIfAbsent(function, k -> new TreeSet<>())
                            .add(p.path("RouteKey").asText() + " " + p.path("AuthorizationType").asText());
                }
                case "AWS::Events::Rule" -> p.path("Targets").forEach(target ->
                        schedulesByFunction.computeIfAbsent(aliasedFunction(resources, target.path("Arn")),
                                k -> new TreeSet<>()).add(schedule(p.path("ScheduleExpression"),
                                target.path("RetryPolicy"), target.path("DeadLetterConfig"))));
                case "AWS::IAM::Policy" -> p.path("Roles").forEach(role -> statements(p.path("PolicyDocument"),
                        permissionsByRole.computeIfAbsent(role.path("Ref").asText(), k -> new TreeSet<>())::add));
                default -> { }
            }
        });
        SortedMap<String, FunctionShape> functions = new TreeMap<>();
        SortedMap<String, TableShape> tables = new TreeMap<>();
        SortedMap<String, BucketShape> buckets = new TreeMap<>();
        resources.fields().forEachRemaining(e -> {
            JsonNode r = e.getValue();
            JsonNode p = r.path("Properties");
            switch (r.path("Type").asText()) {
                case "AWS::Lambda::Function" -> {
                    SortedSet<String> environment = new TreeSet<>();
                    environment(p.path("Environment").path("Variables"), environment);
                    functions.put(p.path("Handler").asText(), new FunctionShape(p.path("Runtime").asText(),
                            p.path("MemorySize").asInt(), p.path("Timeout").asInt(), environment,
                            routesByFunction.getOrDefault(e.getKey(), new TreeSet<>()),
                            schedulesByFunction.getOrDefault(e.getKey(), new TreeSet<>()),
                            permissionsByRole.getOrDefault(p.path("Role").path("Fn::GetAtt").path(0).asText(),
                                    new TreeSet<>())));
                }
                case "AWS::DynamoDB::Table" -> {
                    SortedSet<String> keys = new TreeSet<>();
                    p.path("KeySchema").forEach(k -> keys.add(k.path("AttributeName").asText() + ":" + k.path("KeyType").asText()));
                    SortedMap<String, String> types = new TreeMap<>();
                    p.path("AttributeDefinitions").forEach(a -> types.put(a.path("AttributeName").asText(),
                            a.path("AttributeType").asText()));
                    SortedSet<String> indexes = new TreeSet<>();
                    p.path("GlobalSecondaryIndexes").forEach(i -> {
                        SortedSet<String> indexKeys = new TreeSet<>();
                        i.path("KeySchema").forEach(k -> indexKeys.add(k.path("AttributeName").asText() + ":"
                                + k.path("KeyType").asText()));
                        indexes.add(i.path("IndexName").asText() + " " + indexKeys.stream().toList() + " "
                                + i.path("Projection").path("ProjectionType").asText());
                    });
                    tables.put(withoutCdkHash(e.getKey()), new TableShape(keys, types, indexes));
                }
                case "AWS::S3::Bucket" -> buckets.put(withoutCdkHash(e.getKey()), bucket(p));
                default -> { }
            }
        });
        Map<String, String> handlerByRole = new HashMap<>();
        resources.fields().forEachRemaining(e -> {
            if ("AWS::Lambda::Function".equals(e.getValue().path("Type").asText())) {
                JsonNode p = e.getValue().path("Properties");
                handlerByRole.put(p.path("Role").path("Fn::GetAtt").path(0).asText(), p.path("Handler").asText());
            }
        });
        SortedSet<String> access = new TreeSet<>();
        Set<String> authorizersOfJwtRoutes = new HashSet<>();
        resources.forEach(r -> {
            if ("AWS::ApiGatewayV2::Route".equals(r.path("Type").asText())
                    && "JWT".equals(r.path("Properties").path("AuthorizationType").asText())) {
                authorizersOfJwtRoutes.add(firstRef(r.path("Properties").path("AuthorizerId")));
            }
        });
        Set<String> mappedDomains = new HashSet<>();
        resources.forEach(r -> {
            if ("AWS::ApiGatewayV2::ApiMapping".equals(r.path("Type").asText())) {
                mappedDomains.add(firstRef(r.path("Properties").path("DomainName")));
            }
        });
        resources.fields().forEachRemaining(e -> {
            JsonNode p = e.getValue().path("Properties");
            switch (e.getValue().path("Type").asText()) {
                case "AWS::ApiGatewayV2::Authorizer" -> access.add(authorizer(p.path("Name").asText(),
                        p.path("IdentitySource"), p.path("JwtConfiguration").path("Issuer"),
                        p.path("JwtConfiguration").path("Audience"),
                        authorizersOfJwtRoutes.equals(Set.of(e.getKey()))));
                case "AWS::ApiGatewayV2::DomainName" -> {
                    JsonNode configuration = p.path("DomainNameConfigurations").path(0);
                    access.add(domain(p.path("DomainName"), configuration.path("EndpointType"),
                            configuration.path("SecurityPolicy"), configuration.path("CertificateArn"),
                            mappedDomains.contains(e.getKey())));
                }
                default -> { }
            }
        });
        identity(resources, handlerByRole, access);
        return new StackShape(functions, tables, buckets, access);
    }

    /** Each variable "NAME=value" (a reference by logical id); only the system's own DIANZAN_* variables. */
    private static void environment(JsonNode variables, SortedSet<String> environment) {
        variables.fields().forEachRemaining(v -> {
            if (v.getKey().startsWith("DIANZAN_")) {
                // a function's own value replaces a global one, as SAM merges them
                environment.removeIf(e -> e.startsWith(v.getKey() + "="));
                environment.add(v.getKey() + "=" + resourceName(v.getValue()));
            }
        });
    }

    private static String authorizer(String name, JsonNode identitySource, JsonNode issuer, JsonNode audience,
                                     boolean isDefault) {
        List<String> sources = new ArrayList<>();
        eachOf(identitySource, source -> sources.add(source.asText()));
        List<String> audiences = new ArrayList<>();
        eachOf(audience, a -> audiences.add(resourceName(a)));
        return "authorizer " + name + " source=" + sources + " issuer=" + resourceName(issuer) + " audience="
                + audiences.stream().sorted().toList() + (isDefault ? " default" : " not-default");
    }

    private static String domain(JsonNode name, JsonNode endpointType, JsonNode securityPolicy, JsonNode certificate,
                                 boolean mapped) {
        return "domain " + resourceName(name) + " " + endpointType.asText() + " " + securityPolicy.asText()
                + " certificate=" + resourceName(certificate) + (mapped ? " mapped" : " not-mapped");
    }

    /**
     * KMS keys (spec, usage, deletion window, what is kept, and each key policy statement with its principal: a
     * function's role named by the function's handler), aliases and secrets.
     */
    private static void identity(JsonNode resources, Map<String, String> handlerByRole, SortedSet<String> access) {
        resources.fields().forEachRemaining(e -> {
            JsonNode r = e.getValue();
            JsonNode p = r.path("Properties");
            String id = withoutCdkHash(e.getKey());
            switch (r.path("Type").asText()) {
                case "AWS::KMS::Key" -> {
                    access.add("key " + id + " " + p.path("KeySpec").asText() + " " + p.path("KeyUsage").asText()
                            + " pendingWindowInDays=" + p.path("PendingWindowInDays").asText() + " deletion="
                            + r.path("DeletionPolicy").asText() + " replacement=" + r.path("UpdateReplacePolicy").asText());
                    p.path("KeyPolicy").path("Statement").forEach(statement -> {
                        List<String> actions = new ArrayList<>();
                        eachOf(statement.path("Action"), action -> actions.add(action.asText()));
                        List<String> principals = new ArrayList<>();
                        eachOf(statement.path("Principal").path("AWS"), principal -> {
                            String role = principal.path("Fn::GetAtt").path(0).asText(null);
                            principals.add(role != null && handlerByRole.containsKey(role)
                                    ? "role of " + handlerByRole.get(role) : resourceName(principal));
                        });
                        List<String> resourcesOfStatement = new ArrayList<>();
                        eachOf(statement.path("Resource"), resource -> resourcesOfStatement.add(resourceName(resource)));
                        access.add("key " + id + " " + statement.path("Effect").asText() + " "
                                + actions.stream().sorted().toList() + " to " + principals.stream().sorted().toList()
                                + " on " + resourcesOfStatement + (statement.has("Condition") ? " if "
                                + canonical(statement.get("Condition")) : ""));
                    });
                }
                case "AWS::KMS::Alias" -> access.add("alias " + resourceName(p.path("AliasName")) + " -> "
                        + resourceName(p.path("TargetKeyId")));
                case "AWS::SecretsManager::Secret" -> access.add("secret " + id + " deletion="
                        + r.path("DeletionPolicy").asText() + " generated=" + canonical(p.path("GenerateSecretString"))
                        + " value=" + (p.has("SecretString") ? "given" : "none"));
                default -> { }
            }
        });
    }

    private static BucketShape bucket(JsonNode properties) {
        SortedSet<String> lifecycle = new TreeSet<>();
        properties.path("LifecycleConfiguration").path("Rules").forEach(rule -> lifecycle.add(canonical(rule).toString()));
        SortedSet<String> cors = new TreeSet<>();
        properties.path("CorsConfiguration").path("CorsRules").forEach(rule -> cors.add(canonical(rule).toString()));
        return new BucketShape(lifecycle, cors);
    }

    /** Keys sorted, lists of plain values sorted. */
    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            SortedMap<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
            ObjectNode sorted = JSON.createObjectNode();
            fields.forEach((key, value) -> sorted.set(key, canonical(value)));
            return sorted;
        }
        if (node.isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            node.forEach(element -> elements.add(canonical(element)));
            if (elements.stream().allMatch(JsonNode::isValueNode)) {
                elements.sort(Comparator.comparing(JsonNode::asText));
            }
            ArrayNode array = JSON.createArrayNode();
            elements.forEach(array::add);
            return array;
        }
        return node;
    }


    private static String schedule(JsonNode expression, JsonNode retryPolicy, JsonNode deadLetterConfig) {
        return expression.asText() + " retries=" + retryPolicy.path("MaximumRetryAttempts").asText("default")
                + " maxEventAge=" + retryPolicy.path("MaximumEventAgeInSeconds").asText("default") + "s"
                + " deadLetters=" + (deadLetterConfig.isMissingNode() ? "no" : "yes");
    }

    /** Every (action, resource) pair a policy document allows or denies. */
    private static void statements(JsonNode document, Consumer<String> permissions) {
        document.path("Statement").forEach(statement -> eachOf(statement.path("Action"), action ->
                eachOf(statement.path("Resource"), resource -> permissions.accept(statement.path("Effect").asText()
                        + " " + action.asText() + " " + resourceName(resource)))));
    }

    private static void eachOf(JsonNode oneOrMany, Consumer<JsonNode> each) {
        if (oneOrMany.isArray()) {
            oneOrMany.forEach(each);
        } else {
            each.accept(oneOrMany);
        }
    }

    /**
     * A resource by logical id: GetAtt [MainTable74195DAB, Arn], or Sub ${MainTable.Arn}, reads "MainTable.Arn";
     * Sub arn:${AWS::Partition}:s3:::${MediaBucket}/media/*, or the Join of "arn:", Ref AWS::Partition, ":s3:::",
     * Ref MediaBucketBCBB02BA and "/media/*", reads "arn:AWS::Partition:s3:::MediaBucket/media/*".
     */
    private static String resourceName(JsonNode resource) {
        if (resource.has("Ref")) {
            return withoutCdkHash(resource.get("Ref").asText());
        }
        if (resource.has("Fn::GetAtt")) {
            return withoutCdkHash(resource.get("Fn::GetAtt").get(0).asText()) + "." + resource.get("Fn::GetAtt").get(1).asText();
        }
        if (resource.has("Fn::Sub")) {
            return resource.get("Fn::Sub").asText().replaceAll("\\$\\{([^}]+)}", "$1");
        }
        if (resource.has("Fn::Join") && resource.get("Fn::Join").get(0).asText().isEmpty()) {
            StringBuilder joined = new StringBuilder();
            resource.get("Fn::Join").get(1).forEach(part -> joined.append(resourceName(part)));
            return joined.toString();
        }
        return resource.isTextual() ? resource.asText() : resource.toString();
    }

    /** CDK logical ids carry an 8-character hash after the construct id. */
    private static String withoutCdkHash(String logicalId) {
        return logicalId.replaceFirst("[0-9A-F]{8}$", "");
    }

    /** The function behind a reference to its alias (an integration URI or a rule target). */
    private static String aliasedFunction(JsonNode resources, JsonNode aliasReference) {
        JsonNode alias = resources.path(firstRef(aliasReference));
        return firstRef(alias.path("Properties").path("FunctionName"));
    }

    private static String firstRef(JsonNode node) {
        if (node.has("Ref")) {
            return node.get("Ref").asText();
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            String found = firstRef(children.next());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "functions=" + functions + "\ntables=" + tables + "\nbuckets=" + buckets + "\naccess=" + access;
    }
}

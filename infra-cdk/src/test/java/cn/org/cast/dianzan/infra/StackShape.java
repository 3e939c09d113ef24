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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What template.yaml and the CDK stack must agree on: the functions (by handler) with their runtime,
 * memory, timeout, environment variable names, routes, schedules and IAM permissions, the tables with
 * their keys and GSIs, and the buckets with their lifecycle and CORS rules.
 */
record StackShape(SortedMap<String, FunctionShape> functions, SortedMap<String, TableShape> tables,
                  SortedMap<String, BucketShape> buckets) {

    /**
     * Schedules read "expression retries=N maxEventAge=Ns deadLetters=yes"; permissions read
     * "Effect action resource", the resource named by logical id ("MainTable.Arn/index/gsi1",
     * "arn:AWS::Partition:s3:::MediaBucket/pending/*").
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
     * template.yaml as the local runner reads it ({@link SamTemplate}), plus what only a deployment uses
     * (schedules and policies), read from the YAML itself.
     */
    static StackShape of(Path templateYaml) {
        SamTemplate sam = SamTemplate.load(templateYaml);
        JsonNode root;
        try {
            root = YAML.readTree(templateYaml.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode resources = root.path("Resources");
        SortedMap<String, FunctionShape> functions = new TreeMap<>();
        for (SamTemplate.Function f : sam.functions()) {
            SortedSet<String> environment = new TreeSet<>();
            f.environment().stream().map(SamTemplate.EnvVar::name).filter(n -> n.startsWith("DIANZAN_"))
                    .forEach(environment::add);
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
        Map<String, JsonNode> parameterDefaults = new HashMap<>();
        root.path("Parameters").fields().forEachRemaining(p -> parameterDefaults.put(p.getKey(), p.getValue().path("Default")));
        SortedMap<String, BucketShape> buckets = new TreeMap<>();
        for (SamTemplate.Bucket b : sam.buckets()) {
            buckets.put(b.logicalId(), bucket(resources.path(b.logicalId()).path("Properties"), parameterDefaults));
        }
        return new StackShape(functions, tables, buckets);
    }

    /** The same shape read from a synthesized CloudFormation template. */
    static StackShape ofSynthesized(JsonNode template) {
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
                    p.path("Environment").path("Variables").fieldNames().forEachRemaining(environment::add);
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
                case "AWS::S3::Bucket" -> buckets.put(withoutCdkHash(e.getKey()), bucket(p, Map.of()));
                default -> { }
            }
        });
        return new StackShape(functions, tables, buckets);
    }

    private static BucketShape bucket(JsonNode properties, Map<String, JsonNode> parameterDefaults) {
        SortedSet<String> lifecycle = new TreeSet<>();
        properties.path("LifecycleConfiguration").path("Rules").forEach(rule ->
                lifecycle.add(canonical(rule, parameterDefaults).toString()));
        SortedSet<String> cors = new TreeSet<>();
        properties.path("CorsConfiguration").path("CorsRules").forEach(rule ->
                cors.add(canonical(rule, parameterDefaults).toString()));
        return new BucketShape(lifecycle, cors);
    }

    /** Keys sorted, lists of plain values sorted, {@code Ref: <parameter>} replaced by its default. */
    private static JsonNode canonical(JsonNode node, Map<String, JsonNode> parameterDefaults) {
        if (node.isObject()) {
            if (node.size() == 1 && node.has("Ref") && parameterDefaults.containsKey(node.get("Ref").asText())) {
                return parameterDefaults.get(node.get("Ref").asText());
            }
            SortedMap<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
            ObjectNode sorted = JSON.createObjectNode();
            fields.forEach((key, value) -> sorted.set(key, canonical(value, parameterDefaults)));
            return sorted;
        }
        if (node.isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            node.forEach(element -> elements.add(canonical(element, parameterDefaults)));
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
        return "functions=" + functions + "\ntables=" + tables + "\nbuckets=" + buckets;
    }
}

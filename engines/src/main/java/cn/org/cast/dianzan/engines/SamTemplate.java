package cn.org.cast.dianzan.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * template.yaml read as data: the one route table, the functions and the tables. The local runner
 * routes by it, the test harness creates tables and buckets from it, and a test holds the CDK stack
 * to it. Intrinsics are written in their long form ({@code Ref:}, {@code Fn::GetAtt:}).
 */
public final class SamTemplate {

    public record KeyElement(String attribute, String keyType) {
    }

    public record Index(String name, List<KeyElement> keys, String projection) {
    }

    public record Table(String logicalId, List<KeyElement> keys, Map<String, String> attributeTypes, List<Index> indexes) {
    }

    public record Bucket(String logicalId) {
    }

    public record Route(String method, String path, boolean authorized) {
        public String routeKey() {
            return method + " " + path;
        }
    }

    /**
     * An environment variable: a literal value, or a {@code Ref} to a resource or parameter of the template;
     * both null for any other intrinsic ({@code Fn::If}, {@code Fn::Sub}, {@code Fn::GetAtt}), whose value is
     * known only when deployed.
     */
    public record EnvVar(String name, String literal, String ref) {
    }

    /** A SAM {@code Schedule} event: an EventBridge rule's expression, e.g. {@code rate(5 minutes)}. */
    public record Schedule(String name, String expression) {
    }

    public record Function(String logicalId, String codeUri, String handler, String runtime, int memorySize,
                           int timeout, List<EnvVar> environment, List<Route> routes, List<Schedule> schedules) {

        /** Lambda hands a function the event of its trigger: API Gateway's, or EventBridge's for a schedule. */
        public boolean scheduled() {
            return !schedules.isEmpty();
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final JsonNode root;

    private SamTemplate(JsonNode root) {
        this.root = root;
    }

    public static SamTemplate load(Path file) {
        try {
            return new SamTemplate(YAML.readTree(file.toFile()));
        } catch (IOException e) {
            throw new EngineException("无法读取 / cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static SamTemplate load() {
        return load(ProjectHome.templateFile());
    }

    public List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        resources("AWS::DynamoDB::Table").forEach((id, properties) -> {
            Map<String, String> types = new LinkedHashMap<>();
            properties.path("AttributeDefinitions").forEach(a ->
                    types.put(a.path("AttributeName").asText(), a.path("AttributeType").asText()));
            List<Index> indexes = new ArrayList<>();
            properties.path("GlobalSecondaryIndexes").forEach(i -> indexes.add(new Index(i.path("IndexName").asText(),
                    keys(i.path("KeySchema")), i.path("Projection").path("ProjectionType").asText("ALL"))));
            tables.add(new Table(id, keys(properties.path("KeySchema")), types, indexes));
        });
        return tables;
    }

    public List<Bucket> buckets() {
        List<Bucket> buckets = new ArrayList<>();
        resources("AWS::S3::Bucket").forEach((id, properties) -> buckets.add(new Bucket(id)));
        return buckets;
    }

    public List<Function> functions() {
        JsonNode globals = root.path("Globals").path("Function");
        List<Function> functions = new ArrayList<>();
        resources("AWS::Serverless::Function").forEach((id, p) -> {
            List<EnvVar> environment = new ArrayList<>(environment(globals));
            environment.addAll(environment(p));
            List<Route> routes = new ArrayList<>();
            List<Schedule> schedules = new ArrayList<>();
            p.path("Events").fields().forEachRemaining(named -> {
                JsonNode event = named.getValue();
                JsonNode ep = event.path("Properties");
                switch (event.path("Type").asText()) {
                    case "HttpApi" -> {
                        boolean open = "NONE".equals(ep.path("Auth").path("Authorizer").asText());
                        routes.add(new Route(ep.path("Method").asText().toUpperCase(), ep.path("Path").asText(), !open));
                    }
                    case "Schedule" -> schedules.add(new Schedule(named.getKey(), ep.path("Schedule").asText()));
                    default -> { }
                }
            });
            functions.add(new Function(id, p.path("CodeUri").asText(), p.path("Handler").asText(),
                    p.path("Runtime").asText(globals.path("Runtime").asText()),
                    p.path("MemorySize").asInt(globals.path("MemorySize").asInt()),
                    p.path("Timeout").asInt(globals.path("Timeout").asInt()), environment, routes, schedules));
        });
        return functions;
    }

    private static List<EnvVar> environment(JsonNode functionProperties) {
        List<EnvVar> vars = new ArrayList<>();
        functionProperties.path("Environment").path("Variables").fields().forEachRemaining(e -> {
            JsonNode value = e.getValue();
            vars.add(value.isObject()
                    ? new EnvVar(e.getKey(), null, value.path("Ref").asText(null))
                    : new EnvVar(e.getKey(), value.asText(), null));
        });
        return vars;
    }

    private Map<String, JsonNode> resources(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        root.path("Resources").fields().forEachRemaining(e -> {
            if (type.equals(e.getValue().path("Type").asText())) {
                found.put(e.getKey(), e.getValue().path("Properties"));
            }
        });
        return found;
    }

    private static List<KeyElement> keys(JsonNode schema) {
        List<KeyElement> keys = new ArrayList<>();
        schema.forEach(k -> keys.add(new KeyElement(k.path("AttributeName").asText(), k.path("KeyType").asText())));
        return keys;
    }
}

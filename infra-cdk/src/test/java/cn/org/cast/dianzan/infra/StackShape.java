package cn.org.cast.dianzan.infra;

import cn.org.cast.dianzan.engines.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What template.yaml and the CDK stack must agree on: the functions (by handler) with their runtime,
 * memory, timeout, environment variable names and routes, and the tables with their keys and GSIs.
 */
record StackShape(SortedMap<String, FunctionShape> functions, SortedMap<String, TableShape> tables) {

    record FunctionShape(String runtime, int memorySize, int timeout, SortedSet<String> environment,
                         SortedSet<String> routes) {
    }

    record TableShape(SortedSet<String> keys, SortedMap<String, String> attributeTypes, SortedSet<String> indexes) {
    }

    static StackShape of(SamTemplate sam) {
        SortedMap<String, FunctionShape> functions = new TreeMap<>();
        for (SamTemplate.Function f : sam.functions()) {
            SortedSet<String> environment = new TreeSet<>();
            f.environment().stream().map(SamTemplate.EnvVar::name).filter(n -> n.startsWith("DIANZAN_"))
                    .forEach(environment::add);
            SortedSet<String> routes = new TreeSet<>();
            f.routes().forEach(r -> routes.add(r.routeKey() + (r.authorized() ? " JWT" : " NONE")));
            functions.put(f.handler(), new FunctionShape(f.runtime(), f.memorySize(), f.timeout(), environment, routes));
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
        return new StackShape(functions, tables);
    }

    /** The same shape read from a synthesized CloudFormation template. */
    static StackShape ofSynthesized(JsonNode template) {
        JsonNode resources = template.path("Resources");
        SortedMap<String, SortedSet<String>> routesByFunction = new TreeMap<>();
        resources.fields().forEachRemaining(e -> {
            JsonNode r = e.getValue();
            if (!"AWS::ApiGatewayV2::Route".equals(r.path("Type").asText())) {
                return;
            }
            JsonNode p = r.path("Properties");
            JsonNode integration = resources.path(firstRef(p.path("Target")));
            JsonNode alias = resources.path(firstRef(integration.path("Properties").path("IntegrationUri")));
            String functionId = firstRef(alias.path("Properties").path("FunctionName"));
            routesByFunction.computeIfAbsent(functionId, k -> new TreeSet<>())
                    .add(p.path("RouteKey").asText() + " " + p.path("AuthorizationType").asText());
        });
        SortedMap<String, FunctionShape> functions = new TreeMap<>();
        SortedMap<String, TableShape> tables = new TreeMap<>();
        resources.fields().forEachRemaining(e -> {
            JsonNode r = e.getValue();
            JsonNode p = r.path("Properties");
            switch (r.path("Type").asText()) {
                case "AWS::Lambda::Function" -> {
                    SortedSet<String> environment = new TreeSet<>();
                    p.path("Environment").path("Variables").fieldNames().forEachRemaining(environment::add);
                    functions.put(p.path("Handler").asText(), new FunctionShape(p.path("Runtime").asText(),
                            p.path("MemorySize").asInt(), p.path("Timeout").asInt(), environment,
                            routesByFunction.getOrDefault(e.getKey(), new TreeSet<>())));
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
                    // CDK logical ids carry an 8-character hash after the construct id.
                    tables.put(e.getKey().replaceFirst("[0-9A-F]{8}$", ""), new TableShape(keys, types, indexes));
                }
                default -> { }
            }
        });
        return new StackShape(functions, tables);
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
        return "functions=" + functions + "\ntables=" + tables;
    }

}

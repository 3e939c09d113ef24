package cn.org.cast.dianzan.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template (template.yaml or a synthesized one) as CloudFormation would see it when deployed with the given
 * parameter values (the defaults unless overridden) in a region of the given partition: conditions evaluated,
 * resources whose condition is false gone, {@code Fn::If} replaced by its branch and {@code AWS::NoValue} left
 * out, parameters substituted into {@code Ref}, {@code Fn::Sub}, {@code Fn::Split} and {@code Fn::Select}.
 * Pseudo parameters stay as they are outside conditions (resources are named the same way in both templates),
 * and so does a parameter without a value (a certificate ARN given at deploy time).
 */
final class TemplateResolver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");
    /** Stands for {@code Ref: AWS::NoValue} while resolving: the property or element is left out. */
    private static final JsonNode NO_VALUE = new TextNode("\u0000AWS::NoValue");

    private final Map<String, JsonNode> parameters = new HashMap<>();
    private final Map<String, JsonNode> conditions = new HashMap<>();
    private final Map<String, Boolean> evaluated = new HashMap<>();
    private final Map<String, String> pseudoParameters;

    private TemplateResolver(JsonNode template, Partition partition, Map<String, String> parameterValues) {
        template.path("Parameters").fields().forEachRemaining(p -> {
            if (p.getValue().has("Default")) {
                parameters.put(p.getKey(), new TextNode(p.getValue().get("Default").asText()));
            }
        });
        parameterValues.forEach((name, value) -> {
            if (!template.path("Parameters").has(name)) {
                throw new IllegalArgumentException("no parameter " + name);
            }
            parameters.put(name, new TextNode(value));
        });
        template.path("Conditions").fields().forEachRemaining(c -> conditions.put(c.getKey(), c.getValue()));
        pseudoParameters = Map.of("AWS::Partition", partition.id(),
                "AWS::Region", partition == Partition.CHINA ? "cn-north-1" : "us-east-1");
    }

    static JsonNode resolve(JsonNode template, Partition partition) {
        return resolve(template, partition, Map.of());
    }

    static JsonNode resolve(JsonNode template, Partition partition, Map<String, String> parameterValues) {
        TemplateResolver resolver = new TemplateResolver(template, partition, parameterValues);
        ObjectNode resolved = template.deepCopy();
        ObjectNode resources = JSON.createObjectNode();
        template.path("Resources").fields().forEachRemaining(r -> {
            JsonNode condition = r.getValue().get("Condition");
            if (condition == null || resolver.condition(condition.asText())) {
                ObjectNode resource = (ObjectNode) resolver.value(r.getValue());
                resource.remove("Condition");
                resources.set(r.getKey(), resource);
            }
        });
        resolved.set("Resources", resources);
        return resolved;
    }

    private boolean condition(String name) {
        if (!evaluated.containsKey(name)) {
            JsonNode definition = conditions.get(name);
            if (definition == null) {
                throw new IllegalArgumentException("no condition " + name);
            }
            evaluated.put(name, truth(definition));
        }
        return evaluated.get(name);
    }

    private boolean truth(JsonNode expression) {
        if (expression.has("Condition")) {
            return condition(expression.get("Condition").asText());
        }
        if (expression.has("Fn::Equals")) {
            return conditionOperand(expression.get("Fn::Equals").get(0))
                    .equals(conditionOperand(expression.get("Fn::Equals").get(1)));
        }
        if (expression.has("Fn::Not")) {
            return !truth(expression.get("Fn::Not").get(0));
        }
        if (expression.has("Fn::And")) {
            boolean all = true;
            for (JsonNode operand : expression.get("Fn::And")) {
                all &= truth(operand);
            }
            return all;
        }
        if (expression.has("Fn::Or")) {
            boolean any = false;
            for (JsonNode operand : expression.get("Fn::Or")) {
                any |= truth(operand);
            }
            return any;
        }
        throw new IllegalArgumentException("not a condition: " + expression);
    }

    private String conditionOperand(JsonNode operand) {
        if (operand.has("Ref") && pseudoParameters.containsKey(operand.get("Ref").asText())) {
            return pseudoParameters.get(operand.get("Ref").asText());
        }
        JsonNode value = value(operand);
        if (!value.isValueNode()) {
            throw new IllegalArgumentException("a condition compares what is not known before deployment: " + operand);
        }
        return value.asText();
    }

    private JsonNode value(JsonNode node) {
        if (node.isArray()) {
            ArrayNode array = JSON.createArrayNode();
            node.forEach(element -> {
                JsonNode resolved = value(element);
                if (resolved != NO_VALUE) {
                    array.add(resolved);
                }
            });
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.size() == 1) {
            String function = node.fieldNames().next();
            JsonNode arguments = node.get(function);
            switch (function) {
                case "Ref" -> {
                    String name = arguments.asText();
                    if (name.equals("AWS::NoValue")) {
                        return NO_VALUE;
                    }
                    return parameters.containsKey(name) ? parameters.get(name) : node;
                }
                case "Fn::If" -> {
                    return value(condition(arguments.get(0).asText()) ? arguments.get(1) : arguments.get(2));
                }
                case "Fn::Sub" -> {
                    return sub(arguments);
                }
                case "Fn::Split" -> {
                    JsonNode source = value(arguments.get(1));
                    if (source.isTextual()) {
                        ArrayNode parts = JSON.createArrayNode();
                        for (String part : source.asText().split(Pattern.quote(arguments.get(0).asText()), -1)) {
                            parts.add(part);
                        }
                        return parts;
                    }
                    return split(arguments.get(0), source);
                }
                case "Fn::Select" -> {
                    JsonNode list = value(arguments.get(1));
                    if (list.isArray() && list.size() > arguments.get(0).asInt()) {
                        return list.get(arguments.get(0).asInt());
                    }
                    ObjectNode select = JSON.createObjectNode();
                    select.set("Fn::Select", JSON.createArrayNode().add(arguments.get(0)).add(list));
                    return select;
                }
                default -> {
                }
            }
        }
        ObjectNode object = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode resolved = value(field.getValue());
            if (resolved != NO_VALUE) {
                object.set(field.getKey(), resolved);
            }
        }
        return object;
    }

    private static JsonNode split(JsonNode delimiter, JsonNode source) {
        ObjectNode split = JSON.createObjectNode();
        split.set("Fn::Split", JSON.createArrayNode().add(delimiter).add(source));
        return split;
    }

    /** {@code ${Name}} replaced where Name is a parameter with a value or a variable that resolves to text. */
    private JsonNode sub(JsonNode arguments) {
        String text = arguments.isArray() ? arguments.get(0).asText() : arguments.asText();
        Map<String, JsonNode> variables = new HashMap<>(parameters);
        if (arguments.isArray()) {
            arguments.get(1).fields().forEachRemaining(v -> variables.put(v.getKey(), value(v.getValue())));
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder substituted = new StringBuilder();
        while (matcher.find()) {
            JsonNode variable = variables.get(matcher.group(1));
            matcher.appendReplacement(substituted, Matcher.quoteReplacement(
                    variable != null && variable.isTextual() ? variable.asText() : matcher.group()));
        }
        matcher.appendTail(substituted);
        String result = substituted.toString();
        if (!SUB_VARIABLE.matcher(result).find()) {
            return new TextNode(result);
        }
        ObjectNode sub = JSON.createObjectNode();
        sub.put("Fn::Sub", result);
        return sub;
    }
}

package cn.org.cast.dianzan.lambda.http;

import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.core.Form;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JSON request body as the domain's {@link Form}: the body must be one JSON object. */
public final class JsonForms {

    private JsonForms() {
    }

    public static Form parse(JsonMapper mapper, String body) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : mapper.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new DomainException(Failure.INVALID_JSON);
        }
        if (node == null || !node.isObject()) {
            throw new DomainException(Failure.INVALID_JSON, "请求内容必须是JSON对象", List.of(), Map.of());
        }
        return Form.of(fields(node));
    }

    private static Map<String, Object> fields(JsonNode object) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.entries()) {
            fields.put(entry.getKey(), plain(entry.getValue()));
        }
        return fields;
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            return fields(node);
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.values().forEach(item -> items.add(plain(item)));
            return items;
        }
        if (node.isString()) {
            return node.getStringValue();
        }
        if (node.isNumber()) {
            return node.getNumberValue();
        }
        if (node.isBoolean()) {
            return node.getBooleanValue();
        }
        return null;
    }
}

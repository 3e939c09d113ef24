package cn.org.cast.dianzan.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * openapi.yaml as the tests hold the system to it. swagger-parser reads the document (and must report
 * nothing wrong) and finds, for an answer, the operation, the declared response and its headers; each
 * schema is then checked by a JSON Schema validator in OpenAPI 3.1's dialect at its own place in the
 * document, so every $ref resolves as written and no schema is rewritten on the way.
 */
final class OpenApiContract {

    /** What an HTTP call answered. */
    record Answer(int status, HttpHeaders headers, String body) {
    }

    /** Where the validator takes the document to live; it fetches nothing, the text is handed to it. */
    private static final String DOCUMENT = "https://contract.dianzan.invalid/openapi.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenAPI api;
    private final SchemaRegistry schemas;

    private OpenApiContract(OpenAPI api, SchemaRegistry schemas) {
        this.api = api;
        this.schemas = schemas;
    }

    static OpenApiContract load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OpenApiContract parse(String yaml) {
        // References stay references: the checks below follow them, so each schema keeps its place.
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(yaml, null, null);
        if (parsed.getOpenAPI() == null || !parsed.getMessages().isEmpty()
                || parsed.getOpenAPI().getSpecVersion() != SpecVersion.V31) {
            throw new IllegalArgumentException("not a valid OpenAPI 3.1 document: " + parsed.getMessages());
        }
        SchemaRegistry schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(), registry -> registry
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemas(Map.of(DOCUMENT, yaml)));
        return new OpenApiContract(parsed.getOpenAPI(), schemas);
    }

    /** Every operation by its route key ({@code GET /cases/{id}}), and whether it needs a bearer token. */
    Map<String, Boolean> routes() {
        boolean securedUnlessSaid = api.getSecurity() != null && !api.getSecurity().isEmpty();
        Map<String, Boolean> routes = new TreeMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                routes.put(method + " " + path, operation.getSecurity() == null
                        ? securedUnlessSaid : !operation.getSecurity().isEmpty())));
        return routes;
    }

    /**
     * How an answer to {@code routeKey} departs from the contract: a status it does not declare, a
     * required header missing, a header, content type or body that its schema refuses. Empty if none.
     */
    List<String> violations(String routeKey, Answer answer) {
        String[] methodAndPath = routeKey.split(" ", 2);
        PathItem item = api.getPaths().get(methodAndPath[1]);
        Operation operation = item == null ? null
                : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(methodAndPath[0]));
        if (operation == null) {
            return List.of(routeKey + " is not in the contract");
        }
        String status = Integer.toString(answer.status());
        ApiResponse response = operation.getResponses().get(status);
        if (response == null) {
            return List.of(routeKey + " answered " + status + ", which it does not declare: " + answer.body());
        }
        String at = "#/paths/" + pointerToken(methodAndPath[1]) + "/" + methodAndPath[0].toLowerCase(Locale.ROOT)
                + "/responses/" + status;
        if (response.get$ref() != null) {
            at = response.get$ref();
            response = api.getComponents().getResponses().get(lastToken(at));
        }
        List<String> problems = new ArrayList<>();
        checkHeaders(response, at, answer, problems);
        checkBody(response, at, answer, problems);
        return problems.stream().map(p -> routeKey + " " + status + ": " + p).toList();
    }

    private void checkHeaders(ApiResponse response, String responseAt, Answer answer, List<String> problems) {
        if (response.getHeaders() == null) {
            return;
        }
        response.getHeaders().forEach((name, declared) -> {
            Header header = declared;
            String at = responseAt + "/headers/" + pointerToken(name);
            if (header.get$ref() != null) {
                at = header.get$ref();
                header = api.getComponents().getHeaders().get(lastToken(at));
            }
            Optional<String> value = answer.headers().firstValue(name);
            if (value.isEmpty()) {
                if (Boolean.TRUE.equals(header.getRequired())) {
                    problems.add("required header " + name + " is missing");
                }
                return;
            }
            Set<String> types = Optional.ofNullable(header.getSchema().getTypes()).orElse(Set.of());
            // Header values are text on the wire; a header declared as a number is read as one.
            JsonNode node = types.contains("integer") && value.get().matches("-?\\d+")
                    ? JsonNodeFactory.instance.numberNode(new BigInteger(value.get()))
                    : JsonNodeFactory.instance.textNode(value.get());
            validate(at + "/schema", node, "header " + name, problems);
        });
    }

    private void checkBody(ApiResponse response, String responseAt, Answer answer, List<String> problems) {
        if (response.getContent() == null || response.getContent().isEmpty()) {
            if (!answer.body().isEmpty()) {
                problems.add("a body where none is declared: " + answer.body());
            }
            return;
        }
        String type = answer.headers().firstValue("Content-Type")
                .map(value -> value.split(";")[0].strip().toLowerCase(Locale.ROOT)).orElse("(none)");
        MediaType media = response.getContent().get(type);
        if (media == null) {
            problems.add("content type " + type + " is not one of " + response.getContent().keySet());
            return;
        }
        JsonNode body;
        try {
            body = type.endsWith("json") ? JSON.readTree(answer.body()) : JsonNodeFactory.instance.textNode(answer.body());
        } catch (JsonProcessingException e) {
            problems.add("the body is not JSON: " + answer.body());
            return;
        }
        validate(responseAt + "/content/" + pointerToken(type) + "/schema", body, "body", problems);
    }

    private void validate(String pointer, JsonNode value, String what, List<String> problems) {
        schemas.getSchema(SchemaLocation.of(DOCUMENT + pointer)).validate(value).forEach(error ->
                problems.add(what + " " + error.getInstanceLocation() + ": " + error.getMessage() + " in " + value));
    }

    /** A JSON Pointer token (RFC 6901), percent-encoded for a URI fragment ({@code /cases/{id}} has braces). */
    private static String pointerToken(String name) {
        String token = name.replace("~", "~0").replace("/", "~1");
        return URLEncoder.encode(token, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~");
    }

    private static String lastToken(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}

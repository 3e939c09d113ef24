package cn.org.cast.dianzan.lambda.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.engines.ProjectHome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The status table and openapi.yaml's error codes say the same: every failure, under its own status. */
class HttpStatusesContractTest {

    private static final JsonNode SCHEMAS = schemas();

    private static JsonNode schemas() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(ProjectHome.locate().resolve("openapi.yaml").toFile())
                    .path("components").path("schemas");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> codesOf(JsonNode schema) {
        Set<String> codes = new TreeSet<>();
        if (schema.has("const")) {
            codes.add(schema.path("const").asText());
        }
        schema.path("enum").forEach(code -> codes.add(code.asText()));
        return codes;
    }

    @Test
    void theContractListsExactlyTheDomainsFailures() {
        assertEquals(Arrays.stream(Failure.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)),
                codesOf(SCHEMAS.path("ErrorCode")));
    }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void eachFailureIsDocumentedUnderTheStatusItIsAnsweredWith(Failure failure) {
        int status = HttpStatuses.of(failure);
        JsonNode perStatus = SCHEMAS.path("Error" + status).path("allOf").path(1)
                .path("properties").path("error").path("properties").path("code");
        assertTrue(codesOf(perStatus).contains(failure.name()),
                failure + " is answered with " + status + " but openapi.yaml's Error" + status + " does not list it");
    }
}

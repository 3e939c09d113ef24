package cn.org.cast.dianzan.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * GET /cases for an implementing unit's account without a framework: CaseRepository.byOwner's
 * Query on gsi2, newest first, every page, each case summarised from its stored form JSON as
 * CaseView.Summary does. The bench's event is an implementer's; a recommending unit's list (its
 * binding first, then gsi1) is not what this baseline measures, so it refuses it with a 501.
 */
public class CaseSaveBaseline extends BaselineHandler {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return signedIn(event, subject -> {
            if (!"IMPLEMENTER".equals(claim(event, "account_type"))) {
                return error(501, "NOT_MEASURED");
            }
            List<Map<String, Object>> items = dynamo.queryPaginator(b -> b.tableName(mainTable).indexName("gsi2")
                            .scanIndexForward(false)
                            .keyConditionExpression("gsi2pk = :pk")
                            .expressionAttributeValues(Map.of(":pk", s("OWNER#" + subject + "#CASES"))))
                    .items().stream().map(CaseSaveBaseline::summary).toList();
            return response(200, Map.of("items", items), Map.of());
        });
    }

    private static Map<String, Object> summary(Map<String, AttributeValue> item) {
        try {
            JsonNode form = JacksonSerializer.MAPPER.readTree(item.get("form").s());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("id", item.get("id").s());
            summary.put("name", form.path("name").asText(null));
            summary.put("category", form.path("category").asText(null));
            summary.put("status", item.get("status").s());
            summary.put("version", Long.parseLong(item.get("version").n()));
            summary.put("ownerOrganization", item.get("ownerOrganization").s());
            summary.put("updatedAt", Instant.parse(item.get("updatedAt").s()).atOffset(ZoneOffset.ofHours(8)).toString());
            return summary;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

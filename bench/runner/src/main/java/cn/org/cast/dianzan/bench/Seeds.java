package cn.org.cast.dianzan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * State a scenario's sample event reads, written before the warm-up in the shape the domain's
 * repositories write it, so that the function and its baseline both do the route's real reads rather
 * than answer 404 on empty tables. Written here as items rather than through the domain services:
 * the sample names fixed ids (its upload's) that the services would generate at random, and the
 * campaign is closed on today's clock, so nothing could be signed. A seed that drifts from what
 * the repositories read shows as a wrong answer in the warm-up ({@link Scenarios}' expected answer).
 */
final class Seeds {

    /** What a seed writes into: the physical names of the template's resources it was given. */
    @FunctionalInterface
    interface Seed {
        void write(DynamoDbClient dynamo, Map<String, String> physicalNames, Path event);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The campaign, a recommending unit's ids, and museum-b's case: as MediaUploadEventsIT sets them up. */
    private static final String CAMPAIGN = "2026";
    private static final String UNIT = "U6f0c2a1e-5b7d-4c39-8e21-0d4a9b3c7e58";
    private static final String UNIT_OWNER = "5c2d9e11-unit-0001";
    private static final String CASE = "C4815724d5bf94dc2cd8802f989550298";
    private static final String SIGNED = "2026-06-20T02:00:00Z";
    private static final String COMPLETED = "2026-06-20T02:00:01Z";
    private static final int PDF_BYTES = 15;

    private Seeds() {
    }

    /**
     * For GET /uploads/{id}: the sample's upload, completed, of a document attached to a draft case of
     * the sample's caller (museum-b, an implementing unit), who joined a bound unit. Items as
     * BindingService (unit, binding, membership), CaseRepository (the case), CaseFileRepository (the
     * case's FILES item) and UploadRepository (the upload, out of the pending index) leave them. What
     * the route reads: the upload, the case, the FILES item (the caller owns the case, so no unit is
     * read); then it presigns a GET. The object itself is not written: the route never reads it.
     */
    static void completedUpload(DynamoDbClient dynamo, Map<String, String> physicalNames, Path event) {
        JsonNode sample = read(event);
        String uploadId = sample.path("pathParameters").path("id").asText();
        String owner = sample.path("requestContext").path("authorizer").path("jwt").path("claims").path("sub").asText();
        String table = physicalNames.get("MainTable");
        String storedKey = "media/" + CAMPAIGN + "/" + UNIT + "/" + CASE + "/document/" + uploadId;

        put(dynamo, table, item("UNIT#" + UNIT, "META", "Unit", Map.of("unitId", UNIT, "campaignId", CAMPAIGN,
                "code", "92N45BV5G2VXQHU", "unitName", "某省科学技术协会", "unitType", "PROVINCIAL_ASSOCIATION",
                "address", "某省某市科技路1号", "contactName", "王老师", "contactTitle", "科普部部长",
                "phone", "13912345678", "email", "kepu@example.cn"), Map.of("ownerSubject", UNIT_OWNER,
                "registeredAt", "2026-06-18T02:00:00Z", "gsi1pk", "CAMPAIGN#" + CAMPAIGN + "#UNITS",
                "gsi1sk", "某省科学技术协会#" + UNIT), Map.of("version", 1L)));
        put(dynamo, table, item("ACCOUNT#" + owner, "CAMPAIGN#" + CAMPAIGN, "AccountBinding", Map.of("role", "IMPLEMENTER",
                "code", "92N45BV5G2VXQHU", "unitId", UNIT, "at", "2026-06-19T02:00:00Z"), Map.of(), Map.of()));
        put(dynamo, table, item("UNIT#" + UNIT, "MEMBER#" + owner, "Membership", Map.of("unitId", UNIT,
                "memberSubject", owner, "username", "museum-b", "organization", "某市科技馆", "status", "ACTIVE",
                "joinedAt", "2026-06-19T02:00:00Z"), Map.of(), Map.of()));

        String order = COMPLETED + "#" + CASE;
        put(dynamo, table, item("CASE#" + CASE, "META", "Case", Map.of("id", CASE, "campaignId", CAMPAIGN,
                "unitId", UNIT, "ownerSubject", owner, "ownerOrganization", "某市科技馆", "status", "DRAFT",
                "form", "{\"name\":\"科学之夜\"}", "warnings", "[]",
                "requestHash", "5d1be5a1c2a07e2d0f7e1c8e3b9a4f6d2c8b7a6e5f4d3c2b1a0f9e8d7c6b5a49"),
                Map.of("gsi1pk", "UNIT#" + UNIT + "#CASES", "gsi1sk", order, "gsi2pk", "OWNER#" + owner + "#CASES",
                        "gsi2sk", order, "createdAt", "2026-06-20T01:59:00Z", "updatedAt", COMPLETED),
                Map.of("version", 2L)));
        String file = "{\"id\":\"" + uploadId + "\",\"caseId\":\"" + CASE + "\",\"kind\":\"DOCUMENT\",\"key\":\""
                + storedKey + "\",\"fileName\":\"实施方案.pdf\",\"contentType\":\"application/pdf\",\"size\":" + PDF_BYTES
                + ",\"attachedAt\":\"" + COMPLETED + "\",\"attachedBy\":\"" + owner + "\"}";
        Map<String, AttributeValue> files = new HashMap<>(key("CASE#" + CASE, "FILES"));
        files.put("DOCUMENT", AttributeValue.fromM(Map.of(uploadId, AttributeValue.fromS(file))));
        put(dynamo, table, files);

        put(dynamo, table, item("UPLOAD#" + uploadId, "META", "Upload", Map.of("caseId", CASE, "campaignId", CAMPAIGN,
                "unitId", UNIT, "owner", owner, "kind", "DOCUMENT", "fileName", "实施方案.pdf",
                "contentType", "application/pdf", "pendingKey", "pending/" + storedKey.substring("media/".length()),
                "status", "COMPLETED"), Map.of("signedAt", SIGNED, "expiresAt", "2026-06-20T02:15:00Z",
                "claimedAt", COMPLETED), Map.of("size", (long) PDF_BYTES)));
    }

    private static Map<String, AttributeValue> item(String pk, String sk, String type, Map<String, String> strings,
                                                    Map<String, String> moreStrings, Map<String, Long> numbers) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        item.put("type", AttributeValue.fromS(type));
        strings.forEach((name, value) -> item.put(name, AttributeValue.fromS(value)));
        moreStrings.forEach((name, value) -> item.put(name, AttributeValue.fromS(value)));
        numbers.forEach((name, value) -> item.put(name, AttributeValue.fromN(Long.toString(value))));
        return item;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    private static void put(DynamoDbClient dynamo, String table, Map<String, AttributeValue> item) {
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private static JsonNode read(Path event) {
        try {
            return JSON.readTree(event.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

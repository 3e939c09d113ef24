package cn.org.cast.dianzan.codes;

import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.FieldError;
import cn.org.cast.dianzan.core.aws.TableNames;
import cn.org.cast.dianzan.core.data.Items;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Code items ({@code CODE#<code>} / {@code META}), listed per campaign through gsi1. The invariant
 * "a code binds exactly once" lives on the code item: binding is a conditional update of it.
 */
@Singleton
public class CodeRepository {

    public record Page(List<IssuedCode> items, String nextCursor) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public CodeRepository(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.table = tables.main();
    }

    /** Writes a new code; false if that code already exists (a collision: draw again). */
    public boolean insert(IssuedCode code) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(toItem(code)).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    public Optional<IssuedCode> find(RecommendationCode code) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(code.value()))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** Binds an issued code to a unit, once: false if it is bound (or revoked) already. */
    public boolean markBound(RecommendationCode code, String unitId, String unitName, String by, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(code.value()))
                    .updateExpression("SET #status = :bound, unitId = :unit, boundUnitName = :name, boundBy = :by, "
                            + "boundAt = :at, version = version + :one")
                    .conditionExpression("#status = :issued AND attribute_not_exists(unitId)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":bound", Items.s(CodeStatus.BOUND.name()),
                            ":issued", Items.s(CodeStatus.ISSUED.name()), ":unit", Items.s(unitId),
                            ":name", Items.s(unitName), ":by", Items.s(by), ":at", Items.instant(at),
                            ":one", Items.n(1))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /** Revokes a code still at the version read and not yet replaced; false if it moved on. */
    public boolean revoke(IssuedCode code, String replacedBy, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":revoked", Items.s(CodeStatus.REVOKED.name()),
                ":at", Items.instant(at), ":version", Items.n(code.version()), ":one", Items.n(1)));
        String update = "SET #status = :revoked, revokedAt = if_not_exists(revokedAt, :at), version = version + :one";
        if (replacedBy != null) {
            update += ", replacedBy = :replacedBy";
            values.put(":replacedBy", Items.s(replacedBy));
        }
        String expression = update;
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(code.code().value()))
                    .updateExpression(expression)
                    .conditionExpression("version = :version AND attribute_not_exists(replacedBy)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    public void delete(RecommendationCode code) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(code.value())));
    }

    /** A page of a campaign's codes in issue order, optionally of one status, continuing after a cursor. */
    public Page list(String campaignId, CodeStatus status, int limit, String cursor) {
        QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :pk")
                .limit(limit);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Items.s(listKey(campaignId))));
        if (status != null) {
            request.filterExpression("#status = :status").expressionAttributeNames(Map.of("#status", "status"));
            values.put(":status", Items.s(status.name()));
        }
        request.expressionAttributeValues(values);
        if (cursor != null) {
            request.exclusiveStartKey(startKey(campaignId, cursor));
        }
        QueryResponse response = dynamo.query(request.build());
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(
                        response.lastEvaluatedKey().get("gsi1sk").s().getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page(response.items().stream().map(CodeRepository::fromItem).toList(), next);
    }

    /** The cursor carries only the sort key; the rest of the start key is rebuilt, so it cannot reach elsewhere. */
    private static Map<String, AttributeValue> startKey(String campaignId, String cursor) {
        String sortKey;
        try {
            sortKey = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            sortKey = "";
        }
        int hash = sortKey.lastIndexOf('#');
        if (hash < 0 || sortKey.length() - hash - 1 != RecommendationCode.LENGTH) {
            throw DomainException.validation(List.of(new FieldError("cursor", "INVALID_CURSOR", "分页参数无效，请从第一页重新开始")));
        }
        return Map.of("gsi1pk", Items.s(listKey(campaignId)), "gsi1sk", Items.s(sortKey),
                "pk", Items.s("CODE#" + sortKey.substring(hash + 1)), "sk", Items.s("META"));
    }

    private static String listKey(String campaignId) {
        return "CAMPAIGN#" + campaignId + "#CODES";
    }

    private static Map<String, AttributeValue> key(String code) {
        return Map.of("pk", Items.s("CODE#" + code), "sk", Items.s("META"));
    }

    private static Map<String, AttributeValue> toItem(IssuedCode c) {
        Map<String, AttributeValue> item = new HashMap<>(key(c.code().value()));
        item.put("type", Items.s("Code"));
        item.put("gsi1pk", Items.s(listKey(c.campaignId())));
        item.put("gsi1sk", Items.s(c.issuedAt() + "#" + c.code().value()));
        item.put("code", Items.s(c.code().value()));
        item.put("campaignId", Items.s(c.campaignId()));
        item.put("status", Items.s(c.status().name()));
        item.put("intendedName", Items.s(c.intended().name()));
        item.put("unitType", Items.s(c.intended().type().name()));
        if (c.intended().province() != null) {
            item.put("province", Items.s(c.intended().province()));
        }
        item.put("issuedAt", Items.instant(c.issuedAt()));
        item.put("issuedBy", Items.s(c.issuedBy()));
        putIfPresent(item, "unitId", c.unitId());
        putIfPresent(item, "boundUnitName", c.boundUnitName());
        putIfPresent(item, "boundBy", c.boundBy());
        putIfPresent(item, "replaces", c.replaces());
        putIfPresent(item, "replacedBy", c.replacedBy());
        if (c.boundAt() != null) {
            item.put("boundAt", Items.instant(c.boundAt()));
        }
        item.put("version", Items.n(c.version()));
        return item;
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, Items.s(value));
        }
    }

    private static IssuedCode fromItem(Map<String, AttributeValue> i) {
        return new IssuedCode(new RecommendationCode(Items.string(i, "code")), Items.string(i, "campaignId"),
                CodeStatus.valueOf(Items.string(i, "status")),
                new IssuedCode.IntendedUnit(Items.string(i, "intendedName"), UnitType.valueOf(Items.string(i, "unitType")),
                        Items.string(i, "province")),
                Items.instant(i, "issuedAt"), Items.string(i, "issuedBy"), Items.string(i, "unitId"),
                Items.string(i, "boundUnitName"), Items.string(i, "boundBy"), Items.instant(i, "boundAt"),
                Items.instant(i, "revokedAt"), Items.string(i, "replacedBy"), Items.string(i, "replaces"),
                Items.number(i, "version"));
    }
}

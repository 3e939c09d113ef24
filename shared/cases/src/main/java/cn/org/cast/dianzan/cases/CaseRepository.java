package cn.org.cast.dianzan.cases;

import cn.org.cast.dianzan.core.FieldError;
import cn.org.cast.dianzan.core.aws.TableNames;
import cn.org.cast.dianzan.core.data.Items;
import cn.org.cast.dianzan.core.data.JsonText;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Case items ({@code CASE#<id>} / {@code META}): listed per unit (gsi1) and per owner (gsi2), newest
 * change first. Every write is conditional on the version read, so no edit silently overwrites another.
 */
@Singleton
public class CaseRepository {

    private final DynamoDbClient dynamo;
    private final String table;
    private final JsonMapper json;

    public CaseRepository(DynamoDbClient dynamo, TableNames tables, JsonMapper json) {
        this.dynamo = dynamo;
        this.table = tables.main();
        this.json = json;
    }

    /** Writes a new case; false if the id is taken (a retried create). */
    public boolean create(CaseRecord record) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(toItem(record)).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    public Optional<CaseRecord> find(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** Replaces a case still at {@code expectedVersion} and still editable by its owner; false otherwise. */
    public boolean replace(CaseRecord record, long expectedVersion) {
        try {
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":expected", Items.n(expectedVersion)));
            List<String> editable = new java.util.ArrayList<>();
            for (CaseStatus status : CaseStatus.values()) {
                if (status.editableByOwner()) {
                    values.put(":" + status.name(), Items.s(status.name()));
                    editable.add(":" + status.name());
                }
            }
            dynamo.putItem(b -> b.tableName(table).item(toItem(record))
                    .conditionExpression("version = :expected AND #status IN (" + String.join(", ", editable) + ")")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    /** Replaces a case still at {@code expectedVersion}, whatever its status (a review's move); false otherwise. */
    public boolean transition(CaseRecord record, long expectedVersion) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(toItem(record)).conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", Items.n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    /** Deletes a draft still at {@code expectedVersion}; false otherwise. */
    public boolean deleteDraft(String id, long expectedVersion) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(key(id))
                    .conditionExpression("version = :expected AND #status = :draft")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":expected", Items.n(expectedVersion),
                            ":draft", Items.s(CaseStatus.DRAFT.name()))));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    public List<CaseRecord> byOwner(String subject) {
        return query("gsi2", "gsi2pk", ownerKey(subject));
    }

    public List<CaseRecord> byUnit(String unitId) {
        return query("gsi1", "gsi1pk", unitKey(unitId));
    }

    private List<CaseRecord> query(String index, String partition, String value) {
        return dynamo.queryPaginator(b -> b.tableName(table).indexName(index).scanIndexForward(false)
                        .keyConditionExpression(partition + " = :pk")
                        .expressionAttributeValues(Map.of(":pk", Items.s(value))))
                .items().stream().map(this::fromItem).toList();
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("pk", Items.s("CASE#" + id), "sk", Items.s("META"));
    }

    private static String unitKey(String unitId) {
        return "UNIT#" + unitId + "#CASES";
    }

    private static String ownerKey(String subject) {
        return "OWNER#" + subject + "#CASES";
    }

    private Map<String, AttributeValue> toItem(CaseRecord r) {
        Map<String, AttributeValue> item = new HashMap<>(key(r.id()));
        String order = r.updatedAt() + "#" + r.id();
        item.put("type", Items.s("Case"));
        item.put("gsi1pk", Items.s(unitKey(r.unitId())));
        item.put("gsi1sk", Items.s(order));
        item.put("gsi2pk", Items.s(ownerKey(r.ownerSubject())));
        item.put("gsi2sk", Items.s(order));
        item.put("id", Items.s(r.id()));
        item.put("campaignId", Items.s(r.campaignId()));
        item.put("unitId", Items.s(r.unitId()));
        item.put("ownerSubject", Items.s(r.ownerSubject()));
        item.put("ownerOrganization", Items.s(r.ownerOrganization()));
        item.put("status", Items.s(r.status().name()));
        item.put("form", Items.s(JsonText.write(json, r.form())));
        item.put("warnings", Items.s(JsonText.write(json, r.warnings())));
        item.put("requestHash", Items.s(r.requestHash()));
        if (r.cleared2025By() != null) {
            item.put("cleared2025By", Items.s(r.cleared2025By()));
        }
        if (r.form().category() != null) {
            item.put("category", Items.s(r.form().category().name()));
        }
        item.put("version", Items.n(r.version()));
        item.put("createdAt", Items.instant(r.createdAt()));
        item.put("updatedAt", Items.instant(r.updatedAt()));
        if (r.submittedAt() != null) {
            item.put("submittedAt", Items.instant(r.submittedAt()));
        }
        return item;
    }

    private CaseRecord fromItem(Map<String, AttributeValue> i) {
        try {
            return new CaseRecord(Items.string(i, "id"), Items.string(i, "campaignId"), Items.string(i, "unitId"),
                    Items.string(i, "ownerSubject"), Items.string(i, "ownerOrganization"),
                    CaseStatus.valueOf(Items.string(i, "status")),
                    json.readValue(Items.string(i, "form"), CaseForm.class),
                    json.readValue(Items.string(i, "warnings"), Argument.listOf(FieldError.class)),
                    Items.string(i, "requestHash"), Items.string(i, "cleared2025By"), Items.number(i, "version"),
                    Items.instant(i, "createdAt"), Items.instant(i, "updatedAt"), Items.instant(i, "submittedAt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

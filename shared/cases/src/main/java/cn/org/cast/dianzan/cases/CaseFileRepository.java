package cn.org.cast.dianzan.cases;

import cn.org.cast.dianzan.core.aws.TableNames;
import cn.org.cast.dianzan.core.data.Items;
import cn.org.cast.dianzan.core.data.JsonText;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A case's files, all on one item ({@code CASE#<id>} / {@code FILES}) so that every limit holds with
 * one conditional write: one map per slot (a kind, or a kind and an award), file id to the file as
 * JSON. A photo slot is replaced whole (the old file is answered, to be deleted); the others grow
 * only while {@code size(slot)} is below the kind's limit.
 */
@Singleton
public class CaseFileRepository {

    /** What an attach did: whether the file found room, and which files it replaced. */
    public record Attached(boolean accepted, List<CaseFile> replaced) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final JsonMapper json;

    public CaseFileRepository(DynamoDbClient dynamo, TableNames tables, JsonMapper json) {
        this.dynamo = dynamo;
        this.table = tables.main();
        this.json = json;
    }

    public List<CaseFile> all(String caseId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(caseId)).consistentRead(true))
                .item();
        List<CaseFile> files = new ArrayList<>();
        if (item != null) {
            item.values().stream().filter(v -> v.m() != null && v.hasM())
                    .forEach(slot -> slot.m().values().forEach(f -> files.add(file(f))));
        }
        files.sort(Comparator.comparing(CaseFile::attachedAt).thenComparing(CaseFile::id));
        return files;
    }

    public Attached attach(CaseFile file) {
        Map<String, String> names = Map.of("#slot", file.slot());
        if (file.kind().replaces()) {
            Map<String, AttributeValue> old = dynamo.updateItem(b -> b.tableName(table).key(key(file.caseId()))
                    .updateExpression("SET #slot = :one")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromM(Map.of(file.id(), json(file)))))
                    .returnValues(ReturnValue.UPDATED_OLD)).attributes();
            List<CaseFile> replaced = new ArrayList<>();
            if (old != null && old.containsKey(file.slot())) {
                old.get(file.slot()).m().forEach((id, f) -> {
                    if (!id.equals(file.id())) {
                        replaced.add(file(f));
                    }
                });
            }
            return new Attached(true, replaced);
        }
        // The slot's map must exist before a file can be set inside it; creating it is idempotent.
        dynamo.updateItem(b -> b.tableName(table).key(key(file.caseId()))
                .updateExpression("SET #slot = if_not_exists(#slot, :empty)")
                .expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":empty", AttributeValue.fromM(Map.of()))));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(file.caseId()))
                    .updateExpression("SET #slot.#id = :file")
                    .conditionExpression("size(#slot) < :max OR attribute_exists(#slot.#id)")
                    .expressionAttributeNames(Map.of("#slot", file.slot(), "#id", file.id()))
                    .expressionAttributeValues(Map.of(":file", json(file),
                            ":max", Items.n(file.kind().maxCount()))));
            return new Attached(true, List.of());
        } catch (ConditionalCheckFailedException full) {
            return new Attached(false, List.of());
        }
    }

    /** Removes a file from its slot; the file as it was, or empty if it was not (or no longer) there. */
    public Optional<CaseFile> detach(CaseFile file) {
        try {
            Map<String, AttributeValue> old = dynamo.updateItem(b -> b.tableName(table).key(key(file.caseId()))
                    .updateExpression("REMOVE #slot.#id")
                    .conditionExpression("attribute_exists(#slot.#id)")
                    .expressionAttributeNames(Map.of("#slot", file.slot(), "#id", file.id()))
                    .returnValues(ReturnValue.UPDATED_OLD)).attributes();
            return Optional.ofNullable(old).map(o -> o.get(file.slot())).map(slot -> slot.m().get(file.id()))
                    .map(this::file);
        } catch (ConditionalCheckFailedException gone) {
            return Optional.empty();
        }
    }

    private CaseFile file(AttributeValue stored) {
        return JsonText.read(json, stored.s(), CaseFile.class);
    }

    private AttributeValue json(CaseFile file) {
        return Items.s(JsonText.write(json, file));
    }

    private static Map<String, AttributeValue> key(String caseId) {
        return Map.of("pk", Items.s("CASE#" + caseId), "sk", Items.s("FILES"));
    }
}

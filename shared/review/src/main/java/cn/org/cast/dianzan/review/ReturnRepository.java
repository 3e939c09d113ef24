package cn.org.cast.dianzan.review;

import cn.org.cast.dianzan.cases.CaseForm;
import cn.org.cast.dianzan.core.aws.TableNames;
import cn.org.cast.dianzan.core.data.Items;
import cn.org.cast.dianzan.core.data.JsonText;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The latest return of a case ({@code CASE#<id>} / {@code RETURN}), replaced by the next one. */
@Singleton
public class ReturnRepository {

    private final DynamoDbClient dynamo;
    private final String table;
    private final JsonMapper json;

    public ReturnRepository(DynamoDbClient dynamo, TableNames tables, JsonMapper json) {
        this.dynamo = dynamo;
        this.table = tables.main();
        this.json = json;
    }

    public void save(ReturnRecord r) {
        Map<String, AttributeValue> item = new HashMap<>(key(r.caseId()));
        item.put("type", Items.s("CaseReturn"));
        item.put("reason", Items.s(r.reason()));
        item.put("comments", Items.s(JsonText.write(json, r.comments())));
        item.put("version", Items.n(r.version()));
        item.put("form", Items.s(JsonText.write(json, r.form())));
        item.put("at", Items.instant(r.at()));
        item.put("actor", Items.s(r.actor()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    public Optional<ReturnRecord> find(String caseId) {
        Map<String, AttributeValue> i = dynamo.getItem(b -> b.tableName(table).key(key(caseId)).consistentRead(true))
                .item();
        if (i == null || i.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ReturnRecord(caseId, Items.string(i, "reason"),
                    json.readValue(Items.string(i, "comments"), Argument.listOf(ReturnRequest.FieldComment.class)),
                    Items.number(i, "version"), json.readValue(Items.string(i, "form"), CaseForm.class),
                    Items.instant(i, "at"), Items.string(i, "actor")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, AttributeValue> key(String caseId) {
        return Map.of("pk", Items.s("CASE#" + caseId), "sk", Items.s("RETURN"));
    }
}

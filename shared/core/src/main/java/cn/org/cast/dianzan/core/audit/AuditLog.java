package cn.org.cast.dianzan.core.audit;

import cn.org.cast.dianzan.core.aws.TableNames;
import cn.org.cast.dianzan.core.data.Items;
import cn.org.cast.dianzan.core.data.JsonText;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The append-only audit trail: who did what to which entity, when, with the state before and after.
 * One item per event in the audit table (pk = entity, sk = time#id); readable by entity and by actor.
 */
@Singleton
public class AuditLog {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final JsonMapper json;

    public AuditLog(DynamoDbClient dynamo, TableNames tables, Clock clock, JsonMapper json) {
        this.dynamo = dynamo;
        this.table = tables.audit();
        this.clock = clock;
        this.json = json;
    }

    /**
     * One event. {@code actor} is who did it (for a signed-in caller the person, a colleague of the
     * account); {@code account} the account they acted for (the actor itself for the system's own events).
     */
    public record Entry(String entity, String action, String actor, Instant at, String before, String after,
                        String account) {
    }

    /** An event by a signed-in caller: the person is the actor, the account they act for is kept beside it. */
    public void record(String entity, String action, cn.org.cast.dianzan.core.Caller caller, Object before, Object after) {
        write(entity, action, caller.actor(), caller.subject(), before, after);
    }

    /**
     * Records an event; {@code before} and {@code after} (either may be null) are written as JSON by
     * the mapper: a record, or a map of the few attributes that changed.
     */
    public void record(String entity, String action, String actor, Object before, Object after) {
        write(entity, action, actor, null, before, after);
    }

    private void write(String entity, String action, String actor, String account, Object before, Object after) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", Items.s(entity));
        item.put("sk", Items.s(Items.sortable(now) + "#" + UUID.randomUUID()));
        item.put("actor", Items.s(actor));
        item.put("action", Items.s(action));
        if (account != null && !account.equals(actor)) {
            item.put("account", Items.s(account));
        }
        item.put("at", Items.instant(now));
        if (before != null) {
            item.put("before", Items.s(JsonText.write(json, before)));
        }
        if (after != null) {
            item.put("after", Items.s(JsonText.write(json, after)));
        }
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** The trail of one entity, oldest first. */
    public java.util.List<Entry> forEntity(String entity) {
        return dynamo.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", Items.s(entity))))
                .items().stream()
                .map(i -> new Entry(Items.string(i, "pk"), Items.string(i, "action"), Items.string(i, "actor"),
                        Items.instant(i, "at"), Items.string(i, "before"), Items.string(i, "after"),
                        i.containsKey("account") ? Items.string(i, "account") : Items.string(i, "actor")))
                .toList();
    }
}

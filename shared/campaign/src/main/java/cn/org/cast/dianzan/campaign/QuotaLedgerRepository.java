package cn.org.cast.dianzan.campaign;

import cn.org.cast.dianzan.core.aws.TableNames;
import cn.org.cast.dianzan.core.data.Items;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Ledger items ({@code UNIT#<unit>} / {@code QUOTA#<campaign>}): per category a map of case id to the
 * time it was recommended, and the total. Each change is ONE conditional UpdateItem whose condition
 * is the quota itself, so no interleaving of writers, retries or crashes can exceed it; no
 * transactions, so it holds on DynamoDB and dynalite alike. Listed per campaign through gsi1
 * ({@code QUOTAS#<campaign>}) for the admin's quota change and the scheduled repair. Every change
 * adds one to {@code version}, which the summary sheet records to know when it went stale.
 */
@Singleton
public class QuotaLedgerRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    public QuotaLedgerRepository(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.table = tables.main();
    }

    /** Creates the unit's empty ledger unless it exists (maps must exist before a path inside them is set). */
    public void ensure(String campaignId, String unitId, String unitName) {
        Map<String, AttributeValue> item = new HashMap<>(key(campaignId, unitId));
        item.put("type", Items.s("QuotaLedger"));
        item.put("campaignId", Items.s(campaignId));
        item.put("unitId", Items.s(unitId));
        item.put("unitName", Items.s(unitName));
        for (Category category : Category.values()) {
            item.put(category.name(), AttributeValue.fromM(Map.of()));
        }
        item.put("total", Items.n(0));
        item.put("version", Items.n(0));
        item.put("gsi1pk", Items.s(indexKey(campaignId)));
        item.put("gsi1sk", Items.s(unitId));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException exists) {
            // kept as it is: it may already hold recommendations
        }
    }

    public Optional<QuotaLedger> find(String campaignId, String unitId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(campaignId, unitId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** Every unit's ledger of the campaign (eventually consistent, through the index). */
    public List<QuotaLedger> all(String campaignId) {
        return dynamo.queryPaginator(b -> b.tableName(table).indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", Items.s(indexKey(campaignId)))))
                .items().stream().map(QuotaLedgerRepository::fromItem).toList();
    }

    /**
     * Adds the case to its category if the category is below its quota, the total below the total
     * quota and the case not there yet; false (nothing changed) otherwise.
     */
    public boolean add(String campaignId, String unitId, Category category, String caseId, Quotas quotas, Instant at) {
        return update(campaignId, unitId, "SET #cat.#case = :at ADD #total :one, #version :one",
                "size(#cat) < :categoryQuota AND #total < :totalQuota AND attribute_not_exists(#cat.#case)",
                Map.of("#cat", category.name(), "#case", caseId, "#total", "total", "#version", "version"),
                Map.of(":at", Items.s(Items.sortable(at)), ":one", Items.n(1),
                        ":categoryQuota", Items.n(quotas.of(category)), ":totalQuota", Items.n(quotas.total())));
    }

    /** Takes the case out of its category if it is there; false (nothing changed) otherwise. */
    public boolean remove(String campaignId, String unitId, Category category, String caseId) {
        return update(campaignId, unitId, "REMOVE #cat.#case ADD #total :minusOne, #version :one", "attribute_exists(#cat.#case)",
                Map.of("#cat", category.name(), "#case", caseId, "#total", "total", "#version", "version"),
                Map.of(":minusOne", Items.n(-1), ":one", Items.n(1)));
    }

    /**
     * Replaces {@code out} by {@code in} in the category in one write, if {@code out} is there and
     * {@code in} is not: the count never changes, so a unit at its limit never gives up its place.
     */
    public boolean swap(String campaignId, String unitId, Category category, String out, String in, Instant at) {
        return update(campaignId, unitId, "REMOVE #cat.#out SET #cat.#in = :at ADD #version :one",
                "attribute_exists(#cat.#out) AND attribute_not_exists(#cat.#in)",
                Map.of("#cat", category.name(), "#out", out, "#in", in, "#version", "version"),
                Map.of(":at", Items.s(Items.sortable(at)), ":one", Items.n(1)));
    }

    private boolean update(String campaignId, String unitId, String expression, String condition,
                           Map<String, String> names, Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(campaignId, unitId)).updateExpression(expression)
                    .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(String campaignId, String unitId) {
        return Map.of("pk", Items.s("UNIT#" + unitId), "sk", Items.s("QUOTA#" + campaignId));
    }

    private static String indexKey(String campaignId) {
        return "QUOTAS#" + campaignId;
    }

    private static QuotaLedger fromItem(Map<String, AttributeValue> item) {
        Map<Category, List<String>> recommended = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            AttributeValue ids = item.get(category.name());
            // In the order they were recommended.
            recommended.put(category, ids == null ? List.of() : ids.m().entrySet().stream()
                    .sorted(Map.Entry.<String, AttributeValue>comparingByValue(Comparator.comparing(AttributeValue::s))
                            .thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).toList());
        }
        return new QuotaLedger(Items.string(item, "campaignId"), Items.string(item, "unitId"),
                Items.string(item, "unitName"), recommended, Items.number(item, "total"),
                item.containsKey("version") ? Items.number(item, "version") : 0);
    }
}

package cn.org.cast.dianzan.campaign;

import cn.org.cast.dianzan.core.aws.TableNames;
import cn.org.cast.dianzan.core.data.Items;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The campaign item (pk {@code CAMPAIGN#<id>}, sk {@code META}) in the main table, and its closings
 * (sk {@code CLOSING#<deadline>}). Every write is conditional: on the version read, so two admins
 * never silently overwrite each other; on absence, so a closing is recorded once.
 */
@Singleton
public class CampaignRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    public CampaignRepository(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.table = tables.main();
    }

    public Optional<Campaign> find(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** Writes the campaign only if none exists yet; false when another writer was first. */
    public boolean insertIfAbsent(Campaign campaign) {
        return conditionalPut(campaign, "attribute_not_exists(pk)", Map.of());
    }

    /** Replaces the campaign only if it is still at {@code expectedVersion}; false otherwise. */
    public boolean replace(Campaign campaign, long expectedVersion) {
        return conditionalPut(campaign, "version = :expected", Map.of(":expected", Items.n(expectedVersion)));
    }

    /** Records a closing only if this deadline's closing was not recorded yet; false when it was. */
    public boolean insertClosing(Closing closing) {
        Map<String, AttributeValue> item = new HashMap<>(closingKey(closing.campaignId(), closing.deadline()));
        item.put("type", Items.s("Closing"));
        item.put("campaignId", Items.s(closing.campaignId()));
        item.put("deadline", Items.instant(closing.deadline()));
        item.put("recordedAt", Items.instant(closing.recordedAt()));
        item.put("campaignVersion", Items.n(closing.campaignVersion()));
        return conditionalPut(item, "attribute_not_exists(pk)", Map.of());
    }

    public Optional<Closing> findClosing(String campaignId, Instant deadline) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(closingKey(campaignId, deadline)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(new Closing(
                Items.string(item, "campaignId"), Items.instant(item, "deadline"), Items.instant(item, "recordedAt"),
                Items.number(item, "campaignVersion")));
    }

    private boolean conditionalPut(Campaign campaign, String condition, Map<String, AttributeValue> values) {
        return conditionalPut(toItem(campaign), condition, values);
    }

    private boolean conditionalPut(Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
        try {
            dynamo.putItem(b -> {
                b.tableName(table).item(item).conditionExpression(condition);
                if (!values.isEmpty()) {
                    b.expressionAttributeValues(values);
                }
            });
            return true;
        } catch (ConditionalCheckFailedException lostRace) {
            return false;
        }
    }

    private static Map<String, AttributeValue> closingKey(String campaignId, Instant deadline) {
        return Map.of("pk", Items.s("CAMPAIGN#" + campaignId), "sk", Items.s("CLOSING#" + deadline));
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("pk", Items.s("CAMPAIGN#" + id), "sk", Items.s("META"));
    }

    private static Map<String, AttributeValue> toItem(Campaign c) {
        Map<String, AttributeValue> item = new HashMap<>(key(c.id()));
        item.put("type", Items.s("Campaign"));
        item.put("id", Items.s(c.id()));
        item.put("name", Items.s(c.name()));
        item.put("registrationOpensAt", Items.instant(c.registrationOpensAt()));
        item.put("submissionClosesAt", Items.instant(c.submissionClosesAt()));
        item.put("quotaActivityService", Items.n(c.quotas().activityService()));
        item.put("quotaVenueBuilding", Items.n(c.quotas().venueBuilding()));
        item.put("quotaTotal", Items.n(c.quotas().total()));
        item.put("version", Items.n(c.version()));
        if (c.updatedAt() != null) {
            item.put("updatedAt", Items.instant(c.updatedAt()));
        }
        item.put("updatedBy", Items.s(c.updatedBy()));
        return item;
    }

    private static Campaign fromItem(Map<String, AttributeValue> item) {
        return new Campaign(Items.string(item, "id"), Items.string(item, "name"),
                Items.instant(item, "registrationOpensAt"), Items.instant(item, "submissionClosesAt"),
                new Quotas((int) Items.number(item, "quotaActivityService"), (int) Items.number(item, "quotaVenueBuilding"),
                        (int) Items.number(item, "quotaTotal")),
                Items.number(item, "version"), Items.instant(item, "updatedAt"), Items.string(item, "updatedBy"));
    }
}

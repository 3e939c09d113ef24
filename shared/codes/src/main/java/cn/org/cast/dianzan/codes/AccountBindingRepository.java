package cn.org.cast.dianzan.codes;

import cn.org.cast.dianzan.core.aws.TableNames;
import cn.org.cast.dianzan.core.data.Items;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One item per account and campaign ({@code ACCOUNT#<sub>} / {@code CAMPAIGN#<id>}): the invariant
 * "an account binds at most one code, or joins at most one unit, per campaign" lives here.
 */
@Singleton
public class AccountBindingRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    public AccountBindingRepository(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.table = tables.main();
    }

    /** Claims the account for this binding; false if it already has one. */
    public boolean claim(AccountBinding binding) {
        Map<String, AttributeValue> item = new HashMap<>(key(binding.subject(), binding.campaignId()));
        item.put("type", Items.s("AccountBinding"));
        item.put("role", Items.s(binding.role().name()));
        item.put("unitId", Items.s(binding.unitId()));
        item.put("code", Items.s(binding.code()));
        item.put("at", Items.instant(binding.at()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    public Optional<AccountBinding> find(String subject, String campaignId) {
        Map<String, AttributeValue> i = dynamo.getItem(b -> b.tableName(table).key(key(subject, campaignId))
                .consistentRead(true)).item();
        if (i == null || i.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AccountBinding(subject, campaignId, AccountBinding.Role.valueOf(Items.string(i, "role")),
                Items.string(i, "unitId"), Items.string(i, "code"), Items.instant(i, "at")));
    }

    /** Frees the account again, only if it is still bound to that unit. */
    public void release(String subject, String campaignId, String unitId) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(key(subject, campaignId))
                    .conditionExpression("unitId = :unit")
                    .expressionAttributeValues(Map.of(":unit", Items.s(unitId))));
        } catch (ConditionalCheckFailedException boundElsewhere) {
            // the account moved on meanwhile: nothing of ours to free
        }
    }

    private static Map<String, AttributeValue> key(String subject, String campaignId) {
        return Map.of("pk", Items.s("ACCOUNT#" + subject), "sk", Items.s("CAMPAIGN#" + campaignId));
    }
}

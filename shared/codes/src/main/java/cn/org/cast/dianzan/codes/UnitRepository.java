package cn.org.cast.dianzan.codes;

import cn.org.cast.dianzan.core.aws.TableNames;
import cn.org.cast.dianzan.core.data.Items;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Units ({@code UNIT#<id>} / {@code META}) and their members ({@code UNIT#<id>} / {@code MEMBER#<sub>}). */
@Singleton
public class UnitRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    public UnitRepository(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.table = tables.main();
    }

    /** Writes a unit once; a retry by its owner rewrites the same details. False if another account owns it. */
    public boolean save(Unit unit) {
        Map<String, AttributeValue> item = new HashMap<>(unitKey(unit.unitId()));
        item.put("type", Items.s("Unit"));
        item.put("gsi1pk", Items.s("CAMPAIGN#" + unit.campaignId() + "#UNITS"));
        item.put("gsi1sk", Items.s(unit.info().unitName() + "#" + unit.unitId()));
        item.put("unitId", Items.s(unit.unitId()));
        item.put("campaignId", Items.s(unit.campaignId()));
        item.put("code", Items.s(unit.code()));
        item.put("unitName", Items.s(unit.info().unitName()));
        item.put("address", Items.s(unit.info().address()));
        item.put("contactName", Items.s(unit.info().contactName()));
        item.put("contactTitle", Items.s(unit.info().contactTitle()));
        item.put("phone", Items.s(unit.info().phone()));
        item.put("email", Items.s(unit.info().email()));
        item.put("unitType", Items.s(unit.type().name()));
        if (unit.province() != null) {
            item.put("province", Items.s(unit.province()));
        }
        item.put("ownerSubject", Items.s(unit.ownerSubject()));
        item.put("registeredAt", Items.instant(unit.registeredAt()));
        item.put("version", Items.n(unit.version()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR ownerSubject = :owner")
                    .expressionAttributeValues(Map.of(":owner", Items.s(unit.ownerSubject()))));
            return true;
        } catch (ConditionalCheckFailedException otherOwner) {
            return false;
        }
    }

    public Optional<Unit> find(String unitId) {
        Map<String, AttributeValue> i = dynamo.getItem(b -> b.tableName(table).key(unitKey(unitId)).consistentRead(true))
                .item();
        if (i == null || i.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Unit(Items.string(i, "unitId"), Items.string(i, "campaignId"), Items.string(i, "code"),
                new UnitInfo(Items.string(i, "unitName"), Items.string(i, "address"), Items.string(i, "contactName"),
                        Items.string(i, "contactTitle"), Items.string(i, "phone"), Items.string(i, "email")),
                UnitType.valueOf(Items.string(i, "unitType")), Items.string(i, "province"),
                Items.string(i, "ownerSubject"), Items.instant(i, "registeredAt"), Items.number(i, "version")));
    }

    /** Points the unit at its reissued code. */
    public void moveToCode(String unitId, String newCode) {
        dynamo.updateItem(b -> b.tableName(table).key(unitKey(unitId))
                .updateExpression("SET code = :code, version = version + :one")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":code", Items.s(newCode), ":one", Items.n(1))));
    }

    /** Adds (or re-activates) a member. */
    public void saveMember(Membership member) {
        Map<String, AttributeValue> item = new HashMap<>(memberKey(member.unitId(), member.memberSubject()));
        item.put("type", Items.s("Membership"));
        item.put("unitId", Items.s(member.unitId()));
        item.put("memberSubject", Items.s(member.memberSubject()));
        item.put("organization", Items.s(member.organization()));
        item.put("username", Items.s(member.username()));
        item.put("status", Items.s(member.status().name()));
        item.put("joinedAt", Items.instant(member.joinedAt()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    public Optional<Membership> findMember(String unitId, String memberSubject) {
        Map<String, AttributeValue> i = dynamo.getItem(b -> b.tableName(table).key(memberKey(unitId, memberSubject))
                .consistentRead(true)).item();
        return i == null || i.isEmpty() ? Optional.empty() : Optional.of(member(i));
    }

    public List<Membership> members(String unitId) {
        return dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :member)")
                        .expressionAttributeValues(Map.of(":pk", Items.s("UNIT#" + unitId), ":member", Items.s("MEMBER#"))))
                .items().stream().map(UnitRepository::member).toList();
    }

    /** Detaches an active member; false if it was not active. */
    public boolean detachMember(String unitId, String memberSubject, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(memberKey(unitId, memberSubject))
                    .updateExpression("SET #status = :detached, detachedAt = :at")
                    .conditionExpression("#status = :active")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":detached", Items.s(Membership.Status.DETACHED.name()),
                            ":active", Items.s(Membership.Status.ACTIVE.name()), ":at", Items.instant(at))));
            return true;
        } catch (ConditionalCheckFailedException notActive) {
            return false;
        }
    }

    private static Membership member(Map<String, AttributeValue> i) {
        return new Membership(Items.string(i, "unitId"), Items.string(i, "memberSubject"), Items.string(i, "organization"),
                Items.string(i, "username"), Membership.Status.valueOf(Items.string(i, "status")),
                Items.instant(i, "joinedAt"), Items.instant(i, "detachedAt"));
    }

    private static Map<String, AttributeValue> unitKey(String unitId) {
        return Map.of("pk", Items.s("UNIT#" + unitId), "sk", Items.s("META"));
    }

    private static Map<String, AttributeValue> memberKey(String unitId, String memberSubject) {
        return Map.of("pk", Items.s("UNIT#" + unitId), "sk", Items.s("MEMBER#" + memberSubject));
    }
}

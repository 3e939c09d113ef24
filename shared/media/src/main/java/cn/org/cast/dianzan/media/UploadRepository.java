package cn.org.cast.dianzan.media;

import cn.org.cast.dianzan.cases.FileKind;
import cn.org.cast.dianzan.core.aws.TableNames;
import cn.org.cast.dianzan.core.data.Items;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Upload items ({@code UPLOAD#<id>} / {@code META}); an upload leaves PENDING once, conditionally. While
 * pending it is also in gsi1 under {@code UPLOADS#PENDING} by the time it was signed (a sparse index:
 * leaving PENDING removes the keys), so the clean-up finds the abandoned ones without a scan.
 */
@Singleton
public class UploadRepository {

    private static final String PENDING_INDEX = "UPLOADS#PENDING";
    private static final String DISCARD_INDEX = "UPLOADS#DISCARD";

    private final DynamoDbClient dynamo;
    private final String table;

    public UploadRepository(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.table = tables.main();
    }

    public void create(Upload upload) {
        Map<String, AttributeValue> item = new HashMap<>(key(upload.id()));
        item.put("type", Items.s("Upload"));
        item.put("caseId", Items.s(upload.caseId()));
        item.put("campaignId", Items.s(upload.campaignId()));
        item.put("unitId", Items.s(upload.unitId()));
        item.put("owner", Items.s(upload.owner()));
        item.put("kind", Items.s(upload.kind().name()));
        if (upload.awardIndex() != null) {
            item.put("awardIndex", Items.n(upload.awardIndex()));
        }
        item.put("fileName", Items.s(upload.fileName()));
        item.put("contentType", Items.s(upload.contentType()));
        item.put("size", Items.n(upload.size()));
        item.put("pendingKey", Items.s(upload.pendingKey()));
        item.put("status", Items.s(upload.status().name()));
        item.put("signedAt", Items.instant(upload.signedAt()));
        item.put("expiresAt", Items.instant(upload.expiresAt()));
        if (upload.sha256() != null) {
            item.put("sha256", Items.s(upload.sha256()));
        }
        if (upload.multipart()) {
            item.put("multipartId", Items.s(upload.multipartId()));
            item.put("partSize", Items.n(upload.partSize()));
        }
        item.put("gsi1pk", Items.s(PENDING_INDEX));
        item.put("gsi1sk", Items.s(upload.signedAt() + "#" + upload.id()));
        dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    public Optional<Upload> find(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true)).item();
        if (item == null || item.isEmpty() || !"Upload".equals(Items.string(item, "type"))) {
            return Optional.empty();
        }
        return Optional.of(new Upload(id, Items.string(item, "caseId"), Items.string(item, "campaignId"),
                Items.string(item, "unitId"), Items.string(item, "owner"), FileKind.valueOf(Items.string(item, "kind")),
                item.containsKey("awardIndex") ? (int) Items.number(item, "awardIndex") : null,
                Items.string(item, "fileName"), Items.string(item, "contentType"), Items.number(item, "size"),
                Items.string(item, "pendingKey"), Upload.Status.valueOf(Items.string(item, "status")),
                Items.instant(item, "signedAt"), Items.instant(item, "expiresAt"), Items.string(item, "multipartId"),
                Items.number(item, "partSize"), Items.string(item, "sha256")));
    }

    /**
     * Claims a pending upload for one completion: PENDING, or VERIFYING by a completion whose lease ran
     * out (it crashed), becomes VERIFYING now. False when another completion holds it or it is done.
     */
    public boolean claim(String id, Instant now, Duration lease) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(id))
                    .updateExpression("SET #status = :verifying, claimedAt = :now")
                    .conditionExpression("#status = :pending OR (#status = :verifying AND claimedAt < :expired)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":verifying", Items.s(Upload.Status.VERIFYING.name()),
                            ":pending", Items.s(Upload.Status.PENDING.name()), ":now", Items.instant(now),
                            ":expired", Items.instant(now.minus(lease)))));
            return true;
        } catch (ConditionalCheckFailedException held) {
            return false;
        }
    }

    /** A pending upload signed again lives until {@code expiresAt}; false if it is no longer pending. */
    public boolean extend(String id, Instant expiresAt) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(id))
                    .updateExpression("SET expiresAt = :expires")
                    .conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":expires", Items.instant(expiresAt),
                            ":pending", Items.s(Upload.Status.PENDING.name()))));
            return true;
        } catch (ConditionalCheckFailedException notPending) {
            return false;
        }
    }

    /** Moves an upload from one state to another; false if it was no longer in {@code from}. */
    public boolean move(String id, Upload.Status from, Upload.Status to) {
        boolean done = to != Upload.Status.PENDING && to != Upload.Status.VERIFYING;
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(id))
                    // Leaving for good also leaves the sparse index of pending uploads.
                    .updateExpression("SET #status = :to" + (done ? " REMOVE gsi1pk, gsi1sk" : ""))
                    .conditionExpression("#status = :from")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":to", Items.s(to.name()), ":from", Items.s(from.name()))));
            return true;
        } catch (ConditionalCheckFailedException notThere) {
            return false;
        }
    }

    /** Ids of uploads still pending that were signed before {@code cutoff}, oldest first, at most {@code limit}. */
    public List<String> pendingSignedBefore(Instant cutoff, int limit) {
        return listedBefore(PENDING_INDEX, cutoff.toString(), limit);
    }

    /**
     * Lists a completed upload whose file is about to be replaced or removed, in gsi1 under
     * {@code UPLOADS#DISCARD} by when: written before the case lets go of the file, so that a crash
     * before its object is deleted leaves a record for the clean-up instead of an unknown object.
     */
    public void discarding(String id, Instant at) {
        completed(id, "SET gsi1pk = :index, gsi1sk = :at", Map.of(":index", Items.s(DISCARD_INDEX),
                ":at", Items.s(Items.sortable(at) + "#" + id)));
    }

    /** The upload's object is deleted: DISCARDED, out of the index. */
    public void discarded(String id) {
        completed(id, "SET #status = :discarded REMOVE gsi1pk, gsi1sk",
                Map.of(":discarded", Items.s(Upload.Status.DISCARDED.name())));
    }

    /** The case still holds the file after all (the change never happened): out of the index, kept. */
    public void kept(String id) {
        completed(id, "REMOVE gsi1pk, gsi1sk", Map.of());
    }

    /** Ids of uploads listed for discarding before {@code cutoff}, oldest first, at most {@code limit}. */
    public List<String> discardingBefore(Instant cutoff, int limit) {
        return listedBefore(DISCARD_INDEX, Items.sortable(cutoff), limit);
    }

    private void completed(String id, String expression, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":completed", Items.s(Upload.Status.COMPLETED.name()));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(id)).updateExpression(expression)
                    .conditionExpression("#status = :completed")
                    .expressionAttributeNames(Map.of("#status", "status")).expressionAttributeValues(all));
        } catch (ConditionalCheckFailedException notCompleted) {
            // not a completed upload (or no upload at all): nothing to list or to clear
        }
    }

    private List<String> listedBefore(String index, String cutoff, int limit) {
        return dynamo.queryPaginator(b -> b.tableName(table).indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :index AND gsi1sk < :cutoff")
                        .expressionAttributeValues(Map.of(":index", Items.s(index), ":cutoff", Items.s(cutoff)))
                        .limit(limit))
                .items().stream().limit(limit).map(i -> Items.string(i, "pk").substring("UPLOAD#".length())).toList();
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("pk", Items.s("UPLOAD#" + id), "sk", Items.s("META"));
    }
}

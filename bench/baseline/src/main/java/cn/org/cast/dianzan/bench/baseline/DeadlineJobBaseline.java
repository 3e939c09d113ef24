package cn.org.cast.dianzan.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The deadline job without a framework: a tick of DeadlineJobHandler on an EventBridge scheduled
 * event read as a JSON map. First CampaignClosing.recordIfDue's DynamoDB work: the campaign (a
 * consistent GetItem; the notice's 2026 campaign written with attribute_not_exists(pk) and read again
 * if absent); once its deadline has passed, the closing put with attribute_not_exists(pk): on success
 * an audit item, on a failed condition a consistent GetItem of the closing already recorded. Then
 * PendingUploadCleanup.clearAbandoned: a Query on gsi1 for uploads still pending a day after they
 * were signed (at most 200), and for each one the upload read, marked ABANDONED if still PENDING,
 * its parts aborted (if it went in parts) and its pending object deleted, an audit item written. The
 * S3 client (MediaStorage's settings) is built when Lambda constructs the handler, as the function
 * builds it. It answers a JobReport's JSON (job, outcome, details) and logs one line, as
 * ScheduledHandler does. The bench lets the real function record the closing once before anything
 * is timed, so both find it recorded (ALREADY_RECORDED: GetItem, a PutItem refused by its condition,
 * GetItem), and no upload is pending: the Query finds none.
 */
public class DeadlineJobBaseline extends BaselineHandler {

    private static final String ACTOR = "system:deadline-job";
    private static final String PENDING_INDEX = "UPLOADS#PENDING";
    private static final Duration ABANDONED_AFTER = Duration.ofHours(24);
    private static final int BATCH = 200;

    private final String auditTable = System.getenv("DIANZAN_TABLES_AUDIT");
    private final String bucket = System.getenv("DIANZAN_BUCKETS_MEDIA");
    private final S3Client s3 = s3Client();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, AttributeValue> campaign = campaign();
        String id = campaign.get("id").s();
        long version = Long.parseLong(campaign.get("version").n());
        Instant opens = Instant.parse(campaign.get("registrationOpensAt").s());
        Instant closes = Instant.parse(campaign.get("submissionClosesAt").s());
        Instant now = Instant.now();
        String outcome;
        Instant recordedAt = null;
        if (now.isBefore(opens) || now.isBefore(closes)) {
            outcome = "NOT_YET_CLOSED";
        } else {
            Map<String, AttributeValue> key = Map.of("pk", s("CAMPAIGN#" + id), "sk", s("CLOSING#" + closes));
            Map<String, AttributeValue> closing = new HashMap<>(key);
            closing.put("type", s("Closing"));
            closing.put("campaignId", s(id));
            closing.put("deadline", s(closes.toString()));
            closing.put("recordedAt", s(now.toString()));
            closing.put("campaignVersion", AttributeValue.fromN(Long.toString(version)));
            if (putIfAbsent(closing)) {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("campaignId", id);
                after.put("deadline", closes.toString());
                after.put("recordedAt", now.toString());
                after.put("campaignVersion", version);
                audit("CAMPAIGN#" + id, "CAMPAIGN_CLOSED", json(after));
                outcome = "RECORDED";
                recordedAt = now;
            } else {
                Map<String, AttributeValue> recorded = dynamo.getItem(b -> b.tableName(mainTable).key(key)
                        .consistentRead(true)).item();
                outcome = "ALREADY_RECORDED";
                recordedAt = recorded == null || recorded.isEmpty() ? null
                        : Instant.parse(recorded.get("recordedAt").s());
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("campaignId", id);
        details.put("deadline", closes.toString());
        if (recordedAt != null) {
            details.put("closingRecordedAt", recordedAt.toString());
        }
        details.put("abandonedUploadsCleared", clearAbandoned());
        details.put("discardedFilesCleared", clearDiscarded());
        details.put("caseStatusesRepaired", repairLedgers());
        System.out.println("DeadlineJobBaseline (event " + event.get("id") + "): " + outcome);
        return Map.of("job", "deadline", "outcome", outcome, "details", details);
    }

    /**
     * DiscardedFileCleanup.clearDiscarded: uploads listed for discarding an hour ago and more, through
     * gsi1 (none on the bench's tables); answers how many objects it deleted.
     */
    private int clearDiscarded() {
        long listed = dynamo.queryPaginator(b -> b.tableName(mainTable).indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :discard AND gsi1sk < :cutoff")
                        .expressionAttributeValues(Map.of(":discard", s("UPLOADS#DISCARD"),
                                ":cutoff", s(Instant.now().minus(java.time.Duration.ofHours(1)).toString())))
                        .limit(200))
                .items().stream().limit(200).count();
        if (listed > 0) {
            throw new IllegalStateException("the bench's tables should list no file for discarding; this baseline"
                    + " does not repeat the clean-up of one");
        }
        return 0;
    }

    /**
     * RecommendationService.repairAll: every unit's quota ledger of the campaign through gsi1 (each
     * then repaired against its unit's cases; none on the bench's tables); answers how many changed.
     */
    private int repairLedgers() {
        long ledgers = dynamo.queryPaginator(b -> b.tableName(mainTable).indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :ledgers")
                        .expressionAttributeValues(Map.of(":ledgers", s("QUOTAS#2026"))))
                .items().stream().count();
        if (ledgers > 0) {
            throw new IllegalStateException("the bench's tables should hold no quota ledger; this baseline does"
                    + " not repeat the repair of one");
        }
        return 0;
    }

    /** PendingUploadCleanup.clearAbandoned: answers how many uploads this run cleared. */
    private int clearAbandoned() {
        Instant cutoff = Instant.now().minus(ABANDONED_AFTER);
        List<String> candidates = dynamo.queryPaginator(b -> b.tableName(mainTable).indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :pending AND gsi1sk < :cutoff")
                        .expressionAttributeValues(Map.of(":pending", s(PENDING_INDEX), ":cutoff", s(cutoff.toString())))
                        .limit(BATCH))
                .items().stream().limit(BATCH).map(i -> i.get("pk").s().substring("UPLOAD#".length())).toList();
        int cleared = 0;
        for (String id : candidates) {
            Map<String, AttributeValue> upload = item("UPLOAD#" + id, "META");
            if (upload == null || !"Upload".equals(upload.get("type").s()) || !abandon(id)) {
                continue;
            }
            String pendingKey = upload.get("pendingKey").s();
            if (upload.containsKey("multipartId")) {
                abortParts(pendingKey, upload.get("multipartId").s());
            }
            s3.deleteObject(d -> d.bucket(bucket).key(pendingKey));
            audit("CASE#" + upload.get("caseId").s(), "UPLOAD_ABANDONED",
                    json(Map.of("upload", id, "signedAt", Instant.parse(upload.get("signedAt").s()).toString())));
            cleared++;
        }
        return cleared;
    }

    /** UploadRepository.move(PENDING → ABANDONED): leaves the sparse index too; false if no longer pending. */
    private boolean abandon(String id) {
        try {
            dynamo.updateItem(b -> b.tableName(mainTable).key(Map.of("pk", s("UPLOAD#" + id), "sk", s("META")))
                    .updateExpression("SET #status = :to REMOVE gsi1pk, gsi1sk")
                    .conditionExpression("#status = :from")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":to", s("ABANDONED"), ":from", s("PENDING"))));
            return true;
        } catch (ConditionalCheckFailedException notThere) {
            return false;
        }
    }

    /** MultipartUploads.abort: nothing happens if S3 no longer knows the multipart upload. */
    private void abortParts(String key, String multipartId) {
        try {
            s3.abortMultipartUpload(a -> a.bucket(bucket).key(key).uploadId(multipartId));
        } catch (NoSuchUploadException gone) {
            // assembled, aborted or expired already
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
    }

    /** AuditLog.record: one item in the audit table, keyed by entity and time#uuid. */
    private void audit(String entity, String action, String after) {
        Instant at = Instant.now();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(entity));
        item.put("sk", s(at + "#" + UUID.randomUUID()));
        item.put("actor", s(ACTOR));
        item.put("action", s(action));
        item.put("at", s(at.toString()));
        item.put("after", s(after));
        dynamo.putItem(b -> b.tableName(auditTable).item(item));
    }
}

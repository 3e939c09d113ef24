package cn.org.cast.dianzan.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The deadline job without a framework: CampaignClosing.recordIfDue's DynamoDB work on an
 * EventBridge scheduled event read as a JSON map. The campaign (a consistent GetItem; the notice's
 * 2026 campaign written with attribute_not_exists(pk) and read again if absent); once its deadline
 * has passed, the closing put with attribute_not_exists(pk): on success an audit item, on a failed
 * condition a consistent GetItem of the closing already recorded. It answers a JobReport's JSON
 * (job, outcome, details) and logs one line, as ScheduledHandler does. The bench lets the real
 * function record the closing once before anything is timed, so both find it recorded
 * (ALREADY_RECORDED: GetItem, a PutItem refused by its condition, GetItem).
 */
public class DeadlineJobBaseline extends BaselineHandler {

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final String ACTOR = "system:deadline-job";

    private final String auditTable = System.getenv("DIANZAN_TABLES_AUDIT");

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
        System.out.println("DeadlineJobBaseline (event " + event.get("id") + "): " + outcome);
        return Map.of("job", "deadline", "outcome", outcome, "details", details);
    }

    /** CampaignService.current: the stored campaign, or the notice's 2026 campaign written on first use. */
    private Map<String, AttributeValue> campaign() {
        Map<String, AttributeValue> item = item("CAMPAIGN#" + campaignId, "META");
        if (item != null) {
            return item;
        }
        if (!"2026".equals(campaignId)) {
            throw new IllegalStateException("campaign " + campaignId + " is not set up");
        }
        Map<String, AttributeValue> notice = new HashMap<>(Map.of("pk", s("CAMPAIGN#2026"), "sk", s("META")));
        notice.put("type", s("Campaign"));
        notice.put("id", s("2026"));
        notice.put("name", s("2026年度“典赞·科普中国”科普案例征集"));
        notice.put("registrationOpensAt", s(LocalDate.of(2026, 6, 17).atStartOfDay(CHINA).toInstant().toString()));
        notice.put("submissionClosesAt", s(LocalDate.of(2026, 7, 1).atStartOfDay(CHINA).toInstant().toString()));
        notice.put("quotaActivityService", AttributeValue.fromN("3"));
        notice.put("quotaVenueBuilding", AttributeValue.fromN("3"));
        notice.put("quotaTotal", AttributeValue.fromN("6"));
        notice.put("version", AttributeValue.fromN("1"));
        notice.put("updatedBy", s("system"));
        putIfAbsent(notice);
        return item("CAMPAIGN#" + campaignId, "META");
    }

    private boolean putIfAbsent(Map<String, AttributeValue> item) {
        try {
            dynamo.putItem(b -> b.tableName(mainTable).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException recorded) {
            return false;
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

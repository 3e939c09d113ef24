package cn.org.cast.dianzan.summary;

import cn.org.cast.dianzan.core.aws.TableNames;
import cn.org.cast.dianzan.core.data.Items;
import cn.org.cast.dianzan.core.data.JsonText;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Summary sheets ({@code UNIT#<unit>} / {@code SUMMARY#<campaign>#<sheetId>}, sheet ids sorting by
 * time, so the latest is one query away; listed per campaign through gsi1 {@code SUMMARIES#<campaign>})
 * and stamped scans on their way ({@code UNIT#<unit>} / {@code SCAN#<scanId>}). Every change is one
 * conditional write on one item.
 */
@Singleton
public class SummaryRepository {

    private final DynamoDbClient dynamo;
    private final String table;
    private final JsonMapper json;

    public SummaryRepository(DynamoDbClient dynamo, TableNames tables, JsonMapper json) {
        this.dynamo = dynamo;
        this.table = tables.main();
        this.json = json;
    }

    /** The cases of a sheet, kept as one JSON attribute. */
    @Serdeable
    public record PrintedCases(List<PrintedCase> cases) {
    }

    public void create(SummaryRecord sheet) {
        Map<String, AttributeValue> item = new HashMap<>(sheetKey(sheet.campaignId(), sheet.unitId(), sheet.sheetId()));
        item.put("type", Items.s("SummarySheet"));
        item.put("sheetId", Items.s(sheet.sheetId()));
        item.put("campaignId", Items.s(sheet.campaignId()));
        item.put("unitId", Items.s(sheet.unitId()));
        item.put("ledgerVersion", Items.n(sheet.ledgerVersion()));
        item.put("hash", Items.s(sheet.hash()));
        item.put("code", Items.s(sheet.code()));
        item.put("cases", Items.s(JsonText.write(json, new PrintedCases(sheet.cases()))));
        item.put("pages", Items.n(sheet.pages()));
        item.put("pdfKey", Items.s(sheet.pdfKey()));
        item.put("xlsxKey", Items.s(sheet.xlsxKey()));
        item.put("generatedAt", Items.instant(sheet.generatedAt()));
        item.put("generatedBy", Items.s(sheet.generatedBy()));
        item.put("gsi1pk", Items.s("SUMMARIES#" + sheet.campaignId()));
        item.put("gsi1sk", Items.s(sheet.unitId() + "#" + sheet.sheetId()));
        dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    /** The unit's latest sheet in the campaign, read consistently. */
    public Optional<SummaryRecord> latest(String campaignId, String unitId) {
        return sheets(campaignId, unitId, 1).stream().findFirst();
    }

    /** The unit's sheets in the campaign, newest first (at most {@code limit}). */
    public List<SummaryRecord> sheets(String campaignId, String unitId, int limit) {
        return dynamo.query(b -> b.tableName(table).consistentRead(true).scanIndexForward(false).limit(limit)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", Items.s("UNIT#" + unitId),
                                ":prefix", Items.s("SUMMARY#" + campaignId + "#"))))
                .items().stream().map(this::sheetOf).toList();
    }

    /** Records the confirmed scan on the sheet, if the sheet is still the one printed from {@code hash}. */
    public boolean confirm(SummaryRecord sheet, StampedScan scan) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(sheetKey(sheet.campaignId(), sheet.unitId(), sheet.sheetId()))
                    .updateExpression("SET #scan = :scan")
                    .conditionExpression("attribute_exists(pk) AND #hash = :hash")
                    .expressionAttributeNames(Map.of("#scan", "scan", "#hash", "hash"))
                    .expressionAttributeValues(Map.of(":scan", Items.s(JsonText.write(json, scan)),
                            ":hash", Items.s(sheet.hash()))));
            return true;
        } catch (ConditionalCheckFailedException gone) {
            return false;
        }
    }

    public void create(ScanUpload scan) {
        Map<String, AttributeValue> item = new HashMap<>(scanKey(scan.unitId(), scan.scanId()));
        item.put("type", Items.s("ScanUpload"));
        item.put("scanId", Items.s(scan.scanId()));
        item.put("campaignId", Items.s(scan.campaignId()));
        item.put("unitId", Items.s(scan.unitId()));
        item.put("owner", Items.s(scan.owner()));
        item.put("sheetId", Items.s(scan.sheetId()));
        item.put("pendingKey", Items.s(scan.pendingKey()));
        item.put("fileName", Items.s(scan.fileName()));
        item.put("contentType", Items.s(scan.contentType()));
        item.put("size", Items.n(scan.size()));
        if (scan.sha256() != null) {
            item.put("sha256", Items.s(scan.sha256()));
        }
        item.put("status", Items.s(scan.status().name()));
        item.put("signedAt", Items.instant(scan.signedAt()));
        item.put("expiresAt", Items.instant(scan.expiresAt()));
        dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    public Optional<ScanUpload> findScan(String unitId, String scanId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(scanKey(unitId, scanId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(scanOf(item));
    }

    /**
     * Claims a pending scan for checking, so that concurrent or retried confirmations act once; a claim
     * whose holder crashed lapses after {@code lease} (times written fixed-width, so they compare as text).
     */
    public boolean claim(String unitId, String scanId, Instant now, java.time.Duration lease) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(scanKey(unitId, scanId))
                    .updateExpression("SET #status = :checking, claimedUntil = :until")
                    .conditionExpression("#status = :pending OR (#status = :checking AND claimedUntil < :now)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":checking", Items.s(ScanUpload.Status.CHECKING.name()),
                            ":pending", Items.s(ScanUpload.Status.PENDING.name()),
                            ":until", Items.s(Items.sortable(now.plus(lease))), ":now", Items.s(Items.sortable(now)))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /** Moves a scan from one status to another; false if it was not in {@code from}. */
    public boolean move(String unitId, String scanId, ScanUpload.Status from, ScanUpload.Status to) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(scanKey(unitId, scanId))
                    .updateExpression("SET #status = :to REMOVE claimedUntil")
                    .conditionExpression("#status = :from")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":to", Items.s(to.name()), ":from", Items.s(from.name()))));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    private SummaryRecord sheetOf(Map<String, AttributeValue> item) {
        StampedScan scan = item.containsKey("scan")
                ? JsonText.read(json, Items.string(item, "scan"), StampedScan.class) : null;
        return new SummaryRecord(Items.string(item, "sheetId"), Items.string(item, "campaignId"),
                Items.string(item, "unitId"), Items.number(item, "ledgerVersion"), Items.string(item, "hash"),
                Items.string(item, "code"), JsonText.read(json, Items.string(item, "cases"), PrintedCases.class).cases(),
                (int) Items.number(item, "pages"), Items.string(item, "pdfKey"), Items.string(item, "xlsxKey"),
                Items.instant(item, "generatedAt"), Items.string(item, "generatedBy"), scan);
    }

    private static ScanUpload scanOf(Map<String, AttributeValue> item) {
        return new ScanUpload(Items.string(item, "scanId"), Items.string(item, "campaignId"),
                Items.string(item, "unitId"), Items.string(item, "owner"), Items.string(item, "sheetId"),
                Items.string(item, "pendingKey"), Items.string(item, "fileName"), Items.string(item, "contentType"),
                Items.number(item, "size"), item.containsKey("sha256") ? Items.string(item, "sha256") : null,
                ScanUpload.Status.valueOf(Items.string(item, "status")), Items.instant(item, "signedAt"),
                Items.instant(item, "expiresAt"));
    }

    private static Map<String, AttributeValue> sheetKey(String campaignId, String unitId, String sheetId) {
        return Map.of("pk", Items.s("UNIT#" + unitId), "sk", Items.s("SUMMARY#" + campaignId + "#" + sheetId));
    }

    private static Map<String, AttributeValue> scanKey(String unitId, String scanId) {
        return Map.of("pk", Items.s("UNIT#" + unitId), "sk", Items.s("SCAN#" + scanId));
    }
}

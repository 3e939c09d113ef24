package cn.org.cast.dianzan.cases;

import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.core.FieldError;
import cn.org.cast.dianzan.core.aws.TableNames;
import cn.org.cast.dianzan.core.data.Items;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The cases selected in 2025, which may not be submitted again: imported by an admin as CSV (name,
 * implementing unit), one item per normalized name and unit ({@code SELECTED2025#<key>}).
 */
@Singleton
public class Selected2025 {

    public static final int MAX_ROWS = 5000;
    /** DynamoDB's limit of items per BatchWriteItem. */
    private static final int BATCH_SIZE = 25;
    private static final int BATCH_ATTEMPTS = 8;
    /** Names at least this similar (after normalizing) are shown as a warning, not refused. */
    public static final double SIMILAR = 0.75;

    @Serdeable
    public record Entry(String name, String implementingUnit) {
    }

    /** What a form has to do with the 2025 list: an exact match, or similar names to warn about. */
    public record Check(Optional<Entry> exact, List<Entry> similar) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public Selected2025(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.table = tables.main();
    }

    /** Reads the CSV an admin uploads; an optional header row; every bad row listed at once. */
    public static List<Entry> parseCsv(String csv) {
        List<List<String>> rows = Csv.parse(csv == null ? "" : csv.replace("\uFEFF", ""));
        if (!rows.isEmpty() && !rows.get(0).isEmpty() && List.of("案例名称", "name").contains(rows.get(0).get(0).strip())) {
            rows = rows.subList(1, rows.size());
        }
        List<FieldError> errors = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        if (rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw DomainException.validation(List.of(new FieldError("rows", "COUNT_OUT_OF_RANGE",
                    "名单须为1到" + MAX_ROWS + "行（案例名称,实施单位），当前" + rows.size() + "行")));
        }
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            String name = row.size() > 0 ? row.get(0).strip() : "";
            String unit = row.size() > 1 ? row.get(1).strip() : "";
            if (name.isEmpty() || name.length() > 100) {
                errors.add(new FieldError("rows[" + (i + 1) + "].name", "REQUIRED", "第" + (i + 1) + "行缺少案例名称或超过100字"));
            }
            if (unit.isEmpty() || unit.length() > 100) {
                errors.add(new FieldError("rows[" + (i + 1) + "].implementingUnit", "REQUIRED",
                        "第" + (i + 1) + "行缺少实施单位或超过100字"));
            }
            entries.add(new Entry(name, unit));
        }
        if (!errors.isEmpty()) {
            throw DomainException.validation(errors);
        }
        return entries;
    }

    /**
     * Writes the list in batches of 25 (BatchWriteItem), retrying what DynamoDB leaves unprocessed.
     * Rows naming the same case twice are written once. Writing is idempotent, so an import cut
     * short (a timeout, a failure) is completed by importing the same list again.
     */
    public int importAll(List<Entry> entries) {
        Map<String, WriteRequest> byKey = new LinkedHashMap<>();
        for (Entry entry : entries) {
            String key = key(entry.name(), entry.implementingUnit());
            byKey.put(key, WriteRequest.builder().putRequest(put -> put.item(Map.of(
                    "pk", Items.s("SELECTED2025#" + key), "sk", Items.s("META"), "type", Items.s("Selected2025"),
                    "gsi1pk", Items.s("SELECTED2025"), "gsi1sk", Items.s(key),
                    "name", Items.s(entry.name()), "implementingUnit", Items.s(entry.implementingUnit())))).build());
        }
        List<WriteRequest> writes = new ArrayList<>(byKey.values());
        for (int from = 0; from < writes.size(); from += BATCH_SIZE) {
            writeBatch(writes.subList(from, Math.min(from + BATCH_SIZE, writes.size())));
        }
        return entries.size();
    }

    private void writeBatch(List<WriteRequest> batch) {
        List<WriteRequest> pending = batch;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > BATCH_ATTEMPTS) {
                throw new IllegalStateException(pending.size() + " rows of the 2025 list still unprocessed after "
                        + BATCH_ATTEMPTS + " attempts");
            }
            if (attempt > 1) {
                pauseBeforeRetry(attempt);
            }
            List<WriteRequest> sending = pending;
            pending = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, sending)))
                    .unprocessedItems().getOrDefault(table, List.of());
        }
    }

    /** Unprocessed items mean the table is throttling: back off exponentially (50, 100, 200 … ms). */
    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(50L << (attempt - 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing the 2025 list", e);
        }
    }

    public Check check(String name, String implementingUnit) {
        if (name == null) {
            return new Check(Optional.empty(), List.of());
        }
        Map<String, AttributeValue> exact = dynamo.getItem(b -> b.tableName(table).key(Map.of(
                "pk", Items.s("SELECTED2025#" + key(name, implementingUnit)), "sk", Items.s("META")))).item();
        if (exact != null && !exact.isEmpty()) {
            return new Check(Optional.of(new Entry(Items.string(exact, "name"), Items.string(exact, "implementingUnit"))),
                    List.of());
        }
        String normalized = CaseNames.normalize(name);
        List<Entry> similar = dynamo.queryPaginator(b -> b.tableName(table).indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", Items.s("SELECTED2025"))))
                .items().stream()
                .map(i -> new Entry(Items.string(i, "name"), Items.string(i, "implementingUnit")))
                .filter(e -> CaseNames.similarity(normalized, CaseNames.normalize(e.name())) >= SIMILAR)
                .sorted(Comparator.comparing(Entry::name))
                .limit(3)
                .toList();
        return new Check(Optional.empty(), similar);
    }

    static String key(String name, String implementingUnit) {
        return CaseNames.normalize(name) + "|" + CaseNames.normalize(implementingUnit);
    }

    static DomainException refusal(Entry entry) {
        return new DomainException(Failure.SELECTED_IN_2025, "该案例与2025年已入选案例“" + entry.name() + "”（"
                + entry.implementingUnit() + "）相同，不再重复提交", List.of(), Map.of("selected2025", entry));
    }
}

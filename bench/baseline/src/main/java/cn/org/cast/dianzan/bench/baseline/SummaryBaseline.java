package cn.org.cast.dianzan.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * GET /units/me/summary without a framework: SummaryService.status's work. BindingService.ownUnitDetails
 * (the caller's binding, a consistent GetItem; for a unit's owner its unit, a consistent GetItem; 404
 * otherwise), CampaignService.current (the campaign, a consistent GetItem; the notice's 2026 campaign
 * written if absent), then the snapshot: QuotaService.find (the ledger, a consistent GetItem; none is
 * read as empty, nothing written), CaseService.find for each case the ledger holds (a consistent
 * GetItem, its form and warnings JSON parsed as CaseRepository parses them) and the fingerprint of
 * their versions (Fingerprint.of: the hash and the verification code); then SummaryRepository.latest
 * (a consistent Query on {@code UNIT#<unit>}, sk beginning {@code SUMMARY#<campaign>#}, newest first,
 * limit 1). With no case recommended the status also reads the unit's cases through gsi1
 * ({@code UNIT#<unit>#CASES}, every page) to tell NO_CASES from CASES_SUBMITTED. Then the view
 * SummaryView holds, nulls left out as Micronaut Serde leaves them out. The S3 client and the
 * presigner are built when Lambda constructs the handler, as the function's SheetFiles (an eager
 * singleton through SummaryService) has them built, though this route calls neither. The bench seeds a unit with
 * one recommended case and no sheet yet (bench/runner's Seeds), so the status is RECOMMENDED and no
 * S3 link is presigned; a unit with a sheet (links to presign, staleness to explain) is not what this
 * baseline measures, and it refuses to answer rather than skip that work. Other routes: 501.
 */
public class SummaryBaseline extends BaselineHandler {

    /** The categories in Category's order: the order QuotaLedger.all lists the cases in. */
    private static final List<String> CATEGORIES = List.of("ACTIVITY_SERVICE", "VENUE_BUILDING");
    private static final Pattern CASE_ID = Pattern.compile("C[0-9a-f]{32}");
    /** Crockford's base 32, as Fingerprint's. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /** Built as SheetFiles' are; a unit with no sheet yet needs neither. */
    @SuppressWarnings("unused")
    private final S3Client s3 = s3Client();
    @SuppressWarnings("unused")
    private final S3Presigner presigner = s3Presigner();

    /** UnitProgress: the steps a unit without a sheet can be at (name, step, label, next step). */
    private enum Progress {
        NO_CASES(1, "尚无案例", "请将推荐码提供给案例实施单位，由其录入并提交案例"),
        CASES_SUBMITTED(2, "已有案例提交，尚未推荐", "请审核实施单位提交的案例，并在限额内推荐"),
        RECOMMENDED(3, "已推荐，待生成汇总表", "请生成并下载汇总表，打印后加盖公章");

        final int step;
        final String label;
        final String nextStep;

        Progress(int step, String label, String nextStep) {
            this.step = step;
            this.label = label;
            this.nextStep = nextStep;
        }
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        if (!"GET /units/me/summary".equals(event.get("routeKey"))) {
            return error(501, "NOT_MEASURED");
        }
        return signedIn(event, subject -> {
            if (!"RECOMMENDER".equals(claim(event, "account_type"))) {
                return error(403, "WRONG_ACCOUNT_TYPE");
            }
            Map<String, AttributeValue> binding = item("ACCOUNT#" + subject, "CAMPAIGN#" + campaignId);
            Map<String, AttributeValue> unit = binding == null || !"RECOMMENDER".equals(string(binding, "role")) ? null
                    : item("UNIT#" + string(binding, "unitId"), "META");
            if (unit == null || !subject.equals(string(unit, "ownerSubject"))) {
                return error(404, "UNIT_NOT_BOUND");
            }
            String unitId = string(unit, "unitId");
            Map<String, AttributeValue> campaign = campaign();
            String current = string(campaign, "id");

            // SummaryService.snapshot: the ledger (QuotaService.find), its cases (CaseService.find), their fingerprint.
            Map<String, AttributeValue> ledger = item("UNIT#" + unitId, "QUOTA#" + campaignId);
            List<Map<String, Object>> recommended = new ArrayList<>();
            if (ledger != null) {
                for (String category : CATEGORIES) {
                    for (String id : inOrder(ledger.get(category))) {
                        Map<String, AttributeValue> item = CASE_ID.matcher(id).matches() ? item("CASE#" + id, "META") : null;
                        if (item != null) {
                            recommended.add(record(item));
                        }
                    }
                }
            }
            Map<String, Long> versions = new TreeMap<>();
            recommended.forEach(c -> versions.put((String) c.get("id"), (Long) c.get("version")));
            fingerprint(current, unitId, versions);

            // SummaryRepository.latest
            QueryResponse latest = dynamo.query(b -> b.tableName(mainTable).consistentRead(true).scanIndexForward(false)
                    .limit(1).keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s("UNIT#" + unitId),
                            ":prefix", s("SUMMARY#" + current + "#"))));
            if (latest.hasItems() && !latest.items().isEmpty()) {
                throw new IllegalStateException("unit " + unitId + " has a summary sheet already: this baseline measures"
                        + " a unit before its first sheet (no links presigned, no staleness explained)");
            }

            // SummaryService.view, without a sheet.
            Progress status;
            if (!recommended.isEmpty()) {
                status = Progress.RECOMMENDED;
            } else {
                boolean submitted = false;
                for (Map<String, AttributeValue> item : dynamo.queryPaginator(b -> b.tableName(mainTable).indexName("gsi1")
                        .scanIndexForward(false).keyConditionExpression("gsi1pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s("UNIT#" + unitId + "#CASES")))).items()) {
                    submitted |= !"DRAFT".equals(record(item).get("status"));
                }
                status = submitted ? Progress.CASES_SUBMITTED : Progress.NO_CASES;
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("campaignId", current);
            view.put("unitId", unitId);
            view.put("unitName", string(unit, "unitName"));
            view.put("status", status.name());
            view.put("step", status.step);
            view.put("statusLabel", status.label);
            view.put("nextStep", status.nextStep);
            view.put("stale", false);
            // staleReason, sheet, scan and receipt: null without a sheet, and Micronaut Serde leaves nulls out.
            view.put("recommended", recommended.size());
            return response(200, view, Map.of());
        });
    }

    /** Fingerprint.of: the hash of the case ids and versions, and the verification code derived from it. */
    private static String[] fingerprint(String campaign, String unitId, Map<String, Long> versions) {
        StringBuilder text = new StringBuilder();
        versions.forEach((id, version) -> text.append(id).append(':').append(version).append('\n'));
        String hash = HexFormat.of().formatHex(sha256(text.toString())).substring(0, 16);
        byte[] digest = sha256(campaign + "|" + unitId + "|" + hash);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET.charAt((digest[i] & 0xFF) % 32));
        }
        return new String[] {hash, code.toString()};
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A category's case ids in the order they were recommended (by time, then id), as QuotaLedgerRepository reads them. */
    private static List<String> inOrder(AttributeValue ids) {
        if (ids == null) {
            return List.of();
        }
        return ids.m().entrySet().stream()
                .sorted(Map.Entry.<String, AttributeValue>comparingByValue(Comparator.comparing(AttributeValue::s))
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** CaseRepository.fromItem's parsing: the form and warnings JSON read, the instants parsed. */
    private static Map<String, Object> record(Map<String, AttributeValue> item) {
        Map<String, Object> record = new HashMap<>();
        record.put("id", string(item, "id"));
        record.put("status", string(item, "status"));
        record.put("form", readJson(string(item, "form")));
        record.put("warnings", readJson(string(item, "warnings")));
        record.put("version", Long.parseLong(item.get("version").n()));
        for (String instant : List.of("createdAt", "updatedAt", "submittedAt")) {
            String value = string(item, instant);
            record.put(instant, value == null ? null : Instant.parse(value));
        }
        return record;
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static JsonNode readJson(String text) {
        try {
            return JacksonSerializer.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

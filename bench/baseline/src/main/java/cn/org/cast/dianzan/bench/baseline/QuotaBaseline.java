package cn.org.cast.dianzan.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * GET /units/me/quota without a framework: RecommendationService.quota's work. BindingService.ownUnit
 * (the caller's binding, a consistent GetItem; for a unit's owner its unit, a consistent GetItem;
 * 404 otherwise), CampaignService.current (the campaign, a consistent GetItem; the notice's 2026
 * campaign written if absent), then the repair before the places are shown: the unit's cases through
 * gsi1 ({@code UNIT#<unit>#CASES}, newest first, every page, each form and warnings JSON parsed as
 * CaseRepository parses them), and QuotaService.ledger (the ledger, a consistent GetItem; created
 * empty by a PutItem with attribute_not_exists(pk) and read again if absent). Then the view QuotaView
 * builds: per category the quota, used, left and the cases holding its places (name and implementing
 * unit from the unit's list), and the total. The bench seeds a unit whose ledger and case statuses
 * agree (bench/runner's Seeds), so the function's repair writes nothing; a repair that would write
 * (a case's status moved, a place given back) is not what this baseline measures, and it refuses to
 * answer rather than skip it. Other routes: 501.
 */
public class QuotaBaseline extends BaselineHandler {

    private static final List<String> CATEGORIES = List.of("ACTIVITY_SERVICE", "VENUE_BUILDING");
    private static final Map<String, String> LABELS = Map.of("ACTIVITY_SERVICE", "科普活动服务", "VENUE_BUILDING", "科普阵地建设");
    private static final Set<String> HOLDING = Set.of("APPROVED", "RECOMMENDED");

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        if (!"GET /units/me/quota".equals(event.get("routeKey"))) {
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
            String unitName = string(unit, "unitName");
            Map<String, AttributeValue> campaign = campaign();

            // RecommendationService.repair: the unit's cases, then its ledger.
            Map<String, Map<String, Object>> cases = new HashMap<>();
            dynamo.queryPaginator(b -> b.tableName(mainTable).indexName("gsi1").scanIndexForward(false)
                            .keyConditionExpression("gsi1pk = :pk")
                            .expressionAttributeValues(Map.of(":pk", s("UNIT#" + unitId + "#CASES"))))
                    .items().forEach(item -> cases.put(string(item, "id"), record(item)));
            Map<String, AttributeValue> ledger = ledger(unitId, unitName);
            Map<String, List<String>> held = new LinkedHashMap<>();
            for (String category : CATEGORIES) {
                held.put(category, inOrder(ledger.get(category)));
            }
            for (Map<String, Object> record : cases.values()) {
                boolean inLedger = held.values().stream().anyMatch(ids -> ids.contains(record.get("id")));
                Object status = record.get("status");
                if (inLedger && "APPROVED".equals(status) || !inLedger && "RECOMMENDED".equals(status)) {
                    throw new IllegalStateException("case " + record.get("id") + " is " + record.get("status")
                            + " though the ledger says otherwise: this baseline does not repeat the repair");
                }
            }
            held.values().forEach(ids -> ids.forEach(id -> {
                Map<String, Object> listed = cases.get(id);
                if (listed == null || !HOLDING.contains(listed.get("status"))) {
                    throw new IllegalStateException("the ledger holds " + id + ", which the unit's list does not show"
                            + " approved or recommended: this baseline does not repeat the repair");
                }
            }));

            // QuotaView.of
            Map<String, Long> quotas = Map.of("ACTIVITY_SERVICE", number(campaign, "quotaActivityService"),
                    "VENUE_BUILDING", number(campaign, "quotaVenueBuilding"));
            long totalQuota = number(campaign, "quotaTotal");
            long totalUsed = number(ledger, "total");
            List<Map<String, Object>> categories = new ArrayList<>();
            for (String category : CATEGORIES) {
                List<String> ids = held.get(category);
                Map<String, Object> places = new LinkedHashMap<>();
                places.put("category", category);
                places.put("label", LABELS.get(category));
                places.put("quota", quotas.get(category));
                places.put("used", ids.size());
                places.put("left", Math.max(0, Math.min(quotas.get(category) - ids.size(), totalQuota - totalUsed)));
                if (ids.isEmpty()) {
                    // Micronaut Serde leaves an empty list out of the function's answer.
                    categories.add(places);
                    continue;
                }
                places.put("cases", ids.stream().map(id -> {
                    Map<String, Object> record = cases.get(id);
                    JsonNode form = record == null ? null : (JsonNode) record.get("form");
                    Map<String, Object> ref = new LinkedHashMap<>();
                    ref.put("id", id);
                    ref.put("name", form == null ? null : form.path("name").asText(null));
                    ref.put("implementingUnit", form == null ? null : form.path("implementingUnit").asText(null));
                    return ref;
                }).toList());
                categories.add(places);
            }
            Map<String, Object> total = new LinkedHashMap<>();
            total.put("quota", totalQuota);
            total.put("used", totalUsed);
            total.put("left", Math.max(0, totalQuota - totalUsed));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("campaignId", string(ledger, "campaignId"));
            view.put("categories", categories);
            view.put("total", total);
            return response(200, view, Map.of());
        });
    }

    /** QuotaService.ledger: the unit's ledger, created empty (QuotaLedgerRepository.ensure) on first use. */
    private Map<String, AttributeValue> ledger(String unitId, String unitName) {
        Map<String, AttributeValue> ledger = item("UNIT#" + unitId, "QUOTA#" + campaignId);
        if (ledger != null) {
            return ledger;
        }
        Map<String, AttributeValue> empty = new HashMap<>(Map.of("pk", s("UNIT#" + unitId), "sk", s("QUOTA#" + campaignId)));
        empty.put("type", s("QuotaLedger"));
        empty.put("campaignId", s(campaignId));
        empty.put("unitId", s(unitId));
        empty.put("unitName", s(unitName));
        CATEGORIES.forEach(category -> empty.put(category, AttributeValue.fromM(Map.of())));
        empty.put("total", AttributeValue.fromN("0"));
        empty.put("gsi1pk", s("QUOTAS#" + campaignId));
        empty.put("gsi1sk", s(unitId));
        putIfAbsent(empty);
        return item("UNIT#" + unitId, "QUOTA#" + campaignId);
    }

    /** A category's case ids in the order they were recommended (by time, then id), as QuotaLedgerRepository reads them. */
    private static List<String> inOrder(AttributeValue ids) {
        if (ids == null) {
            return new ArrayList<>();
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
        record.put("version", number(item, "version"));
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

    private static long number(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(item.get(name).n());
    }

    private static JsonNode readJson(String text) {
        try {
            return JacksonSerializer.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

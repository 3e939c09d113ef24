package cn.org.cast.dianzan.campaign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One recommending unit's places in one campaign: the cases it recommends, per category. The one
 * item that decides whether a recommendation fits, changed only by single conditional updates.
 * {@code version} counts those changes: a summary sheet printed at one version is stale at another.
 */
public record QuotaLedger(String campaignId, String unitId, String unitName, Map<Category, List<String>> recommended,
                          long total, long version) {

    public QuotaLedger {
        EnumMap<Category, List<String>> copy = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            copy.put(category, List.copyOf(recommended.getOrDefault(category, List.of())));
        }
        recommended = Map.copyOf(copy);
    }

    public static QuotaLedger empty(String campaignId, String unitId, String unitName) {
        return new QuotaLedger(campaignId, unitId, unitName, Map.of(), 0, 0);
    }

    public List<String> in(Category category) {
        return recommended.get(category);
    }

    /** Every recommended case, category by category, each in the order it was recommended. */
    public List<String> all() {
        return Arrays.stream(Category.values()).flatMap(c -> in(c).stream()).toList();
    }

    public boolean contains(String caseId) {
        return recommended.values().stream().anyMatch(ids -> ids.contains(caseId));
    }

    /** Categories whose count is over the quota, and "total" if the total is: what a lower quota would break. */
    public List<String> over(Quotas quotas) {
        List<String> over = new ArrayList<>();
        if (in(Category.ACTIVITY_SERVICE).size() > quotas.activityService()) {
            over.add(Category.ACTIVITY_SERVICE.label() + "类已推荐" + in(Category.ACTIVITY_SERVICE).size() + "个");
        }
        if (in(Category.VENUE_BUILDING).size() > quotas.venueBuilding()) {
            over.add(Category.VENUE_BUILDING.label() + "类已推荐" + in(Category.VENUE_BUILDING).size() + "个");
        }
        if (total > quotas.total()) {
            over.add("合计已推荐" + total + "个");
        }
        return over;
    }
}

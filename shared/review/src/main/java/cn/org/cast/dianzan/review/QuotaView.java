package cn.org.cast.dianzan.review;

import cn.org.cast.dianzan.campaign.Category;
import cn.org.cast.dianzan.campaign.QuotaLedger;
import cn.org.cast.dianzan.campaign.QuotaService;
import cn.org.cast.dianzan.campaign.Quotas;
import cn.org.cast.dianzan.cases.CaseRecord;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A unit's places: per category and in total, the quota, how many are used and left, and the cases holding them. */
@Serdeable
public record QuotaView(String campaignId, List<CategoryPlaces> categories, Places total) {

    @Serdeable
    public record CategoryPlaces(Category category, String label, int quota, int used, long left, List<CaseRef> cases) {
    }

    @Serdeable
    public record Places(int quota, long used, long left) {
    }

    /** A recommended case, by name (null if it was removed from the unit's list meanwhile). */
    @Serdeable
    public record CaseRef(String id, String name, String implementingUnit) {
    }

    static QuotaView of(QuotaLedger ledger, Quotas quotas, Map<String, CaseRecord> cases) {
        List<CategoryPlaces> categories = Arrays.stream(Category.values()).map(c -> new CategoryPlaces(c, c.label(),
                quotas.of(c), ledger.in(c).size(), QuotaService.left(ledger, quotas, c), ledger.in(c).stream().map(id -> {
                    CaseRecord r = cases.get(id);
                    return new CaseRef(id, r == null ? null : r.form().name(), r == null ? null : r.form().implementingUnit());
                }).toList())).toList();
        return new QuotaView(ledger.campaignId(), categories,
                new Places(quotas.total(), ledger.total(), Math.max(0, quotas.total() - ledger.total())));
    }
}

package cn.org.cast.dianzan.campaign;

import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A recommending unit's places in the current campaign. The ledger decides: a recommendation is in
 * only if the single conditional write that checks the quotas succeeded. A refusal says why and how
 * many places are left, read back from the ledger after the refused write.
 */
@Singleton
public class QuotaService {

    /** A refused write whose reason has gone by the time the ledger is read again is simply retried. */
    private static final int ATTEMPTS = 5;

    private final QuotaLedgerRepository ledgers;
    private final CampaignService campaigns;
    private final Clock clock;

    public QuotaService(QuotaLedgerRepository ledgers, CampaignService campaigns, Clock clock) {
        this.ledgers = ledgers;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** The unit's ledger in the current campaign, created empty on first use. */
    public QuotaLedger ledger(String unitId, String unitName) {
        String campaignId = campaigns.campaignId();
        return ledgers.find(campaignId, unitId).orElseGet(() -> {
            ledgers.ensure(campaignId, unitId, unitName);
            return ledgers.find(campaignId, unitId).orElseThrow();
        });
    }

    /** The unit's ledger in the current campaign, if it has one yet. */
    public Optional<QuotaLedger> find(String unitId) {
        return ledgers.find(campaigns.campaignId(), unitId);
    }

    /** Every unit's ledger in the current campaign. */
    public List<QuotaLedger> all() {
        return ledgers.all(campaigns.campaignId());
    }

    /** Takes a place for the case, if its category and the total have one left under the current quotas. */
    public void recommend(String unitId, String unitName, Category category, String caseId) {
        recommend(unitId, unitName, category, caseId, campaigns.current().quotas());
    }

    /** The same, under the quotas the caller has just read with the campaign. */
    public void recommend(String unitId, String unitName, Category category, String caseId, Quotas quotas) {
        String campaignId = campaigns.campaignId();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (ledgers.add(campaignId, unitId, category, caseId, quotas, clock.instant())) {
                return;
            }
            QuotaLedger now = ledger(unitId, unitName);
            if (now.contains(caseId)) {
                throw new DomainException(Failure.CASE_ALREADY_RECOMMENDED);
            }
            if (now.in(category).size() >= quotas.of(category) || now.total() >= quotas.total()) {
                throw exceeded(now, quotas, category);
            }
        }
        throw new DomainException(Failure.VERSION_CONFLICT);
    }

    /** Gives the case's place back; refused if the case holds none. */
    public void withdraw(String unitId, Category category, String caseId) {
        if (!ledgers.remove(campaigns.campaignId(), unitId, category, caseId)) {
            throw new DomainException(Failure.CASE_NOT_RECOMMENDED);
        }
    }

    /** Hands the place of {@code out} to {@code in}, in one write: both or neither. */
    public void swap(String unitId, String unitName, Category category, String out, String in) {
        String campaignId = campaigns.campaignId();
        if (ledgers.swap(campaignId, unitId, category, out, in, clock.instant())) {
            return;
        }
        QuotaLedger now = ledger(unitId, unitName);
        if (now.contains(in)) {
            throw new DomainException(Failure.CASE_ALREADY_RECOMMENDED);
        }
        if (!now.in(category).contains(out)) {
            throw now.contains(out) ? new DomainException(Failure.SWAP_NOT_SAME_CATEGORY)
                    : new DomainException(Failure.CASE_NOT_RECOMMENDED, "要替换的案例尚未推荐", List.of(),
                            Map.of("replaces", out));
        }
        throw new DomainException(Failure.VERSION_CONFLICT);
    }

    /** Places left in a category: its own quota's, capped by what the total still allows. */
    public static long left(QuotaLedger ledger, Quotas quotas, Category category) {
        return Math.max(0, Math.min(quotas.of(category) - ledger.in(category).size(), quotas.total() - ledger.total()));
    }

    /** "科普活动服务类已推荐3个，已达上限；两类合计还可推荐3个", with the figures in the details. */
    static DomainException exceeded(QuotaLedger ledger, Quotas quotas, Category category) {
        int used = ledger.in(category).size();
        long totalLeft = Math.max(0, quotas.total() - ledger.total());
        String message = used >= quotas.of(category)
                ? category.label() + "类已推荐" + used + "个，已达上限；两类合计还可推荐" + totalLeft + "个"
                : "两类合计已推荐" + ledger.total() + "个，已达上限" + quotas.total() + "个";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("category", category.name());
        details.put("categoryUsed", used);
        details.put("categoryQuota", quotas.of(category));
        details.put("totalUsed", ledger.total());
        details.put("totalQuota", quotas.total());
        details.put("left", left(ledger, quotas, category));
        return new DomainException(Failure.QUOTA_EXCEEDED, message, List.of(), details);
    }
}

package cn.org.cast.dianzan.campaign;

import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.core.audit.AuditLog;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The current campaign: read by everyone, changed by admins only, every change audited. */
@Singleton
public class CampaignService {

    private final CampaignRepository repository;
    private final QuotaLedgerRepository ledgers;
    private final AuditLog audit;
    private final Clock clock;
    private final String campaignId;

    public CampaignService(CampaignRepository repository, QuotaLedgerRepository ledgers, AuditLog audit, Clock clock,
                           @Value("${dianzan.campaign.id:2026}") String campaignId) {
        this.repository = repository;
        this.ledgers = ledgers;
        this.audit = audit;
        this.clock = clock;
        this.campaignId = campaignId;
    }

    public String campaignId() {
        return campaignId;
    }

    /** The campaign; the notice's 2026 campaign is written on first use if nothing is stored yet. */
    public Campaign current() {
        return repository.find(campaignId).orElseGet(() -> {
            if (!Campaign.notice2026().id().equals(campaignId)) {
                throw new DomainException(Failure.NOT_FOUND, "征集活动尚未设置", List.of(), Map.of());
            }
            repository.insertIfAbsent(Campaign.notice2026());
            return repository.find(campaignId).orElseThrow();
        });
    }

    /** The campaign, if it accepts registrations and submissions now (China time); else 403 with why. */
    public Campaign requireOpen() {
        Campaign campaign = current();
        switch (campaign.phaseAt(clock.instant())) {
            case NOT_OPEN -> throw new DomainException(Failure.CAMPAIGN_NOT_OPEN, "征集尚未开始，开始时间为北京时间 "
                    + ChinaTime.format(campaign.registrationOpensAt()).replace('T', ' ').substring(0, 16), List.of(), Map.of());
            case CLOSED -> throw new DomainException(Failure.CAMPAIGN_CLOSED);
            case OPEN -> { }
        }
        return campaign;
    }

    public CampaignView view(Campaign campaign) {
        return CampaignView.of(campaign, clock.instant());
    }

    /**
     * Replaces the settings if the campaign is still at the version the admin last saw
     * ({@code If-Match}), or at the version just read when none was sent; a lost race is a 409.
     */
    public Campaign update(Caller caller, CampaignSettings settings, Optional<Long> expectedVersion) {
        caller.requireAdmin();
        Campaign before = current();
        long expected = expectedVersion.orElse(before.version());
        if (expected != before.version()) {
            throw DomainException.versionConflict(before.version());
        }
        requireQuotasCoverRecommended(before.quotas(), settings.quotas());
        Campaign after = before.withSettings(settings, before.version() + 1, clock.instant(), caller.subject());
        if (!repository.replace(after, expected)) {
            throw DomainException.versionConflict(repository.find(campaignId).map(Campaign::version).orElse(expected));
        }
        audit.record("CAMPAIGN#" + campaignId, "CAMPAIGN_UPDATED", caller, before, after);
        return after;
    }

    /**
     * A quota may be lowered, but never below what some unit has already recommended: the refusal
     * names those units and what they hold. (A recommendation racing the change is checked against
     * the quota it read; a lower quota applies to recommendations read after it is stored.)
     */
    private void requireQuotasCoverRecommended(Quotas before, Quotas after) {
        boolean lowered = after.activityService() < before.activityService()
                || after.venueBuilding() < before.venueBuilding() || after.total() < before.total();
        if (!lowered) {
            return;
        }
        List<QuotaLedger> above = ledgers.all(campaignId).stream().filter(l -> !l.over(after).isEmpty()).toList();
        if (!above.isEmpty()) {
            String names = above.stream().map(l -> l.unitName() + "（" + String.join("，", l.over(after)) + "）")
                    .collect(Collectors.joining("、"));
            throw new DomainException(Failure.QUOTA_BELOW_RECOMMENDED, "限额不能低于已推荐的数量：" + names, List.of(),
                    Map.of("units", above.stream().map(l -> Map.of("unitId", l.unitId(), "unitName", l.unitName(),
                            "over", l.over(after))).toList()));
        }
    }
}

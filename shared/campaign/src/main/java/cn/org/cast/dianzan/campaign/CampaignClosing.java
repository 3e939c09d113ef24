package cn.org.cast.dianzan.campaign;

import cn.org.cast.dianzan.core.audit.AuditLog;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * The deadline job's first duty: once the deadline (China time) has passed, record the campaign's
 * closing exactly once, audited. Running it again, or twice at once, records nothing new: the
 * closing is written with a condition that it does not exist yet.
 */
@Singleton
public class CampaignClosing {

    /** The actor named in the audit trail for what the scheduled job does. */
    public static final String ACTOR = "system:deadline-job";

    public enum Status { NOT_YET_CLOSED, RECORDED, ALREADY_RECORDED }

    /** What one run found: the campaign's deadline and, once recorded, when its closing was recorded. */
    public record Result(Status status, String campaignId, Instant deadline, Instant recordedAt) {
    }

    private final CampaignService campaigns;
    private final CampaignRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    public CampaignClosing(CampaignService campaigns, CampaignRepository repository, AuditLog audit, Clock clock) {
        this.campaigns = campaigns;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    public Result recordIfDue() {
        Campaign campaign = campaigns.current();
        Instant now = clock.instant();
        if (campaign.phaseAt(now) != Phase.CLOSED) {
            return new Result(Status.NOT_YET_CLOSED, campaign.id(), campaign.submissionClosesAt(), null);
        }
        Closing closing = new Closing(campaign.id(), campaign.submissionClosesAt(), now, campaign.version());
        if (!repository.insertClosing(closing)) {
            Instant recordedAt = repository.findClosing(campaign.id(), campaign.submissionClosesAt())
                    .map(Closing::recordedAt).orElse(null);
            return new Result(Status.ALREADY_RECORDED, campaign.id(), campaign.submissionClosesAt(), recordedAt);
        }
        // Written after the closing it records: should this write fail, the job fails and is retried,
        // and the retry finds the closing already recorded (the item carries when and by which version).
        audit.record("CAMPAIGN#" + campaign.id(), "CAMPAIGN_CLOSED", ACTOR, null, closing);
        return new Result(Status.RECORDED, campaign.id(), closing.deadline(), closing.recordedAt());
    }
}

package cn.org.cast.dianzan.functions.deadline;

import cn.org.cast.dianzan.campaign.CampaignClosing;
import cn.org.cast.dianzan.lambda.schedule.JobReport;
import cn.org.cast.dianzan.lambda.schedule.ScheduledHandler;
import cn.org.cast.dianzan.media.DiscardedFileCleanup;
import cn.org.cast.dianzan.media.PendingUploadCleanup;
import cn.org.cast.dianzan.review.RecommendationService;
import io.micronaut.context.ApplicationContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every few minutes (an EventBridge rule): once the deadline has passed, the campaign's closing is
 * recorded once; uploads abandoned for a day, and objects a crashed replacement or removal left, are
 * cleared; the cases' recommended statuses are
 * repaired from the units' quota ledgers.
 */
public class DeadlineJobHandler extends ScheduledHandler {

    private final CampaignClosing closing;
    private final PendingUploadCleanup uploads;
    private final DiscardedFileCleanup discarded;
    private final RecommendationService recommendations;

    public DeadlineJobHandler() {
        closing = bean(CampaignClosing.class);
        uploads = bean(PendingUploadCleanup.class);
        discarded = bean(DiscardedFileCleanup.class);
        recommendations = bean(RecommendationService.class);
    }

    public DeadlineJobHandler(ApplicationContext context) {
        super(context);
        closing = bean(CampaignClosing.class);
        uploads = bean(PendingUploadCleanup.class);
        discarded = bean(DiscardedFileCleanup.class);
        recommendations = bean(RecommendationService.class);
    }

    @Override
    protected JobReport run() {
        CampaignClosing.Result result = closing.recordIfDue();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("campaignId", result.campaignId());
        details.put("deadline", result.deadline().toString());
        if (result.recordedAt() != null) {
            details.put("closingRecordedAt", result.recordedAt().toString());
        }
        details.put("abandonedUploadsCleared", uploads.clearAbandoned());
        details.put("discardedFilesCleared", discarded.clearDiscarded());
        details.put("caseStatusesRepaired", recommendations.repairAll());
        return new JobReport("deadline", result.status().name(), details);
    }
}

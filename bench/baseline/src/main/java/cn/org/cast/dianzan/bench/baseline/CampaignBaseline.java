package cn.org.cast.dianzan.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * GET /campaign without a framework: CampaignRepository.find's one consistent GetItem and the view
 * CampaignView builds from it (instants in UTC and China time, phase, seconds left). The bench runs
 * the real function first, which stores the 2026 campaign, so both find it.
 */
public class CampaignBaseline extends BaselineHandler {

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter CHINA_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, AttributeValue> item = item("CAMPAIGN#" + campaignId, "META");
        if (item == null) {
            return error(404, "NOT_FOUND");
        }
        Instant now = Instant.now();
        Instant opens = Instant.parse(item.get("registrationOpensAt").s());
        Instant closes = Instant.parse(item.get("submissionClosesAt").s());
        String version = item.get("version").n();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", item.get("id").s());
        view.put("name", item.get("name").s());
        view.put("registrationOpensAt", opens.toString());
        view.put("registrationOpensAtChina", CHINA_SECONDS.format(opens.atOffset(CHINA)));
        view.put("submissionClosesAt", closes.toString());
        view.put("submissionClosesAtChina", CHINA_SECONDS.format(closes.atOffset(CHINA)));
        view.put("lastSubmissionDay", closes.minusNanos(1).atOffset(CHINA).toLocalDate().toString());
        view.put("phase", now.isBefore(opens) ? "NOT_OPEN" : now.isBefore(closes) ? "OPEN" : "CLOSED");
        view.put("secondsLeft", Math.max(0, Duration.between(now, closes).toSeconds()));
        view.put("quotas", Map.of("activityService", Long.parseLong(item.get("quotaActivityService").n()),
                "venueBuilding", Long.parseLong(item.get("quotaVenueBuilding").n()),
                "total", Long.parseLong(item.get("quotaTotal").n())));
        view.put("version", Long.parseLong(version));
        view.put("serverTime", now.toString());
        return response(200, view, Map.of("ETag", "\"" + version + "\""));
    }
}

package cn.org.cast.dianzan.lambda.schedule;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * The event an EventBridge schedule rule hands its target ({@code "detail-type": "Scheduled Event"}),
 * read as the JSON it is. Not aws-lambda-java-events' {@code ScheduledEvent}: that one carries a Joda
 * {@code DateTime}, whose serde needs 4 MB of Joda and shaded libraries in the function's jar.
 */
@Serdeable
public record EventBridgeSchedule(String id, @JsonProperty("detail-type") String detailType, String source,
                                  String account, Instant time, String region, List<String> resources) {
}

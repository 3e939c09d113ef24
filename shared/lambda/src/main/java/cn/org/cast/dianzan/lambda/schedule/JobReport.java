package cn.org.cast.dianzan.lambda.schedule;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** What one run of a scheduled job did: a stable outcome word and its particulars, for logs and tests. */
@Serdeable
public record JobReport(String job, String outcome, Map<String, Object> details) {

    public JobReport {
        details = Map.copyOf(details);
    }
}

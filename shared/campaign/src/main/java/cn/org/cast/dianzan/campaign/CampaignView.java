package cn.org.cast.dianzan.campaign;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** The campaign as clients see it: instants in UTC and in China time, the phase and the time left now. */
@Serdeable
public record CampaignView(String id, String name,
                           String registrationOpensAt, String registrationOpensAtChina,
                           String submissionClosesAt, String submissionClosesAtChina, String lastSubmissionDay,
                           Phase phase, long secondsLeft, Quotas quotas, long version, String serverTime) {

    public static CampaignView of(Campaign c, Instant now) {
        return new CampaignView(c.id(), c.name(),
                c.registrationOpensAt().toString(), ChinaTime.format(c.registrationOpensAt()),
                c.submissionClosesAt().toString(), ChinaTime.format(c.submissionClosesAt()),
                ChinaTime.lastDayBefore(c.submissionClosesAt()).toString(),
                c.phaseAt(now), c.secondsLeftAt(now), c.quotas(), c.version(), now.toString());
    }
}

package cn.org.cast.dianzan.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class CampaignTest {

    private final Campaign campaign = Campaign.notice2026();

    private static Instant at(String chinaTime) {
        return OffsetDateTime.parse(chinaTime).toInstant();
    }

    @Test
    void isNotOpenUntilTheSeventeenthOfJuneChinaTime() {
        assertEquals(Phase.NOT_OPEN, campaign.phaseAt(at("2026-06-16T23:59:59+08:00")));
        assertEquals(Phase.OPEN, campaign.phaseAt(at("2026-06-17T00:00:00+08:00")));
    }

    @Test
    void acceptsTheLastSecondOfTheThirtiethAndClosesAtMidnightChinaTime() {
        assertEquals(Phase.OPEN, campaign.phaseAt(at("2026-06-30T23:59:59+08:00")));
        assertEquals(Phase.CLOSED, campaign.phaseAt(at("2026-07-01T00:00:00+08:00")));
    }

    @Test
    void closesAtSixteenHundredUtcOnTheThirtieth() {
        assertEquals(Instant.parse("2026-06-30T16:00:00Z"), campaign.submissionClosesAt());
        assertEquals("2026-06-30", ChinaTime.lastDayBefore(campaign.submissionClosesAt()).toString());
    }

    @Test
    void secondsLeftCountDownToTheDeadlineAndStopAtZero() {
        assertEquals(1, campaign.secondsLeftAt(at("2026-06-30T23:59:59+08:00")));
        assertEquals(0, campaign.secondsLeftAt(at("2026-07-02T00:00:00+08:00")));
    }

    @Test
    void viewShowsInstantsInUtcAndInChinaTime() {
        CampaignView view = CampaignView.of(campaign, at("2026-06-20T12:00:00+08:00"));
        assertEquals("2026-06-16T16:00:00Z", view.registrationOpensAt());
        assertEquals("2026-06-17T00:00:00+08:00", view.registrationOpensAtChina());
        assertEquals("2026-07-01T00:00:00+08:00", view.submissionClosesAtChina());
        assertEquals("2026-06-30", view.lastSubmissionDay());
        assertEquals(Phase.OPEN, view.phase());
        assertEquals(new Quotas(3, 3, 6), view.quotas());
    }
}

package cn.org.cast.dianzan.campaign;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One collection campaign. Registration opens at {@code registrationOpensAt}; submissions are
 * accepted strictly before {@code submissionClosesAt} (for 2026: the end of 30 June, China time).
 * The phase is always computed from a clock, never stored.
 */
@Serdeable
public record Campaign(String id, String name, Instant registrationOpensAt, Instant submissionClosesAt,
                       Quotas quotas, long version, Instant updatedAt, String updatedBy) {

    /** The 2026 campaign as the notice (科协普函网字〔2026〕4号) sets it. */
    public static Campaign notice2026() {
        return new Campaign("2026", "2026年度“典赞·科普中国”科普案例征集",
                ChinaTime.startOf(LocalDate.of(2026, 6, 17)),
                ChinaTime.startOf(LocalDate.of(2026, 7, 1)),
                new Quotas(3, 3, 6), 1, null, "system");
    }

    public Phase phaseAt(Instant now) {
        if (now.isBefore(registrationOpensAt)) {
            return Phase.NOT_OPEN;
        }
        return now.isBefore(submissionClosesAt) ? Phase.OPEN : Phase.CLOSED;
    }

    /** Whole seconds until submissions close, never negative. */
    public long secondsLeftAt(Instant now) {
        return Math.max(0, Duration.between(now, submissionClosesAt).toSeconds());
    }

    public Campaign withSettings(CampaignSettings settings, long newVersion, Instant at, String by) {
        return new Campaign(id, settings.name(), settings.registrationOpensAt(), settings.submissionClosesAt(),
                settings.quotas(), newVersion, at, by);
    }
}

package cn.org.cast.dianzan.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** China Standard Time (UTC+8, no daylight saving): the time every date of the notice is read in. */
public final class ChinaTime {

    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);

    private ChinaTime() {
    }

    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    public static OffsetDateTime at(Instant instant) {
        return instant.atOffset(OFFSET);
    }

    /** ISO-8601 in China time, to the second: {@code 2026-07-01T00:00:00+08:00}. */
    public static String format(Instant instant) {
        return ISO_SECONDS.format(at(instant));
    }

    /** The first instant of a China calendar day. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay().toInstant(OFFSET);
    }

    /** The last China calendar day before an exclusive end instant: the day a deadline is announced as. */
    public static LocalDate lastDayBefore(Instant exclusiveEnd) {
        return exclusiveEnd.minusNanos(1).atOffset(OFFSET).toLocalDate();
    }
}

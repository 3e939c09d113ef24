package cn.org.cast.dianzan.testing;

import cn.org.cast.dianzan.engines.junit.AwsResources;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Application contexts for tests: pointed at the engines of an IT, with a clock fixed where time matters. */
public final class TestContexts {

    private TestContexts() {
    }

    public static ApplicationContext against(AwsResources aws) {
        return ApplicationContext.builder().properties(aws.properties()).start();
    }

    public static ApplicationContext against(AwsResources aws, Clock clock) {
        return ApplicationContext.builder().properties(aws.properties()).singletons(clock).start();
    }

    /** The same, with settings of the test's own over the engines' ones. */
    public static ApplicationContext against(AwsResources aws, Clock clock, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(aws.properties());
        properties.putAll(settings);
        return ApplicationContext.builder().properties(properties).singletons(clock).start();
    }

    /**
     * A context that reaches no engine: enough to build a handler and read its declarations. Its
     * SDK clients are built but never called.
     */
    public static ApplicationContext offline() {
        return ApplicationContext.builder().properties(Map.of(
                "dianzan.tables.main", "offline-main", "dianzan.tables.audit", "offline-audit",
                "dianzan.buckets.media", "offline-media", "dianzan.aws.region", "cn-north-1")).start();
    }

    /** A clock stopped at an instant written in China time, e.g. {@code 2026-06-30T23:59:59+08:00}. */
    public static Clock fixedAt(String offsetDateTime) {
        return Clock.fixed(OffsetDateTime.parse(offsetDateTime).toInstant(), ZoneOffset.UTC);
    }

    /** A clock that runs, started at an instant written in China time: events it stamps keep their order. */
    public static Clock runningFrom(String offsetDateTime) {
        return Clock.offset(Clock.systemUTC(), java.time.Duration.between(Instant.now(), instant(offsetDateTime)));
    }

    public static Instant instant(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}

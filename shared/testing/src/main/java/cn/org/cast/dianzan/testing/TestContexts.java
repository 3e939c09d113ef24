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

    /** The issuer and audience test tokens carry; the key is a file made once in the temporary directory. */
    public static final String TEST_ISSUER = "https://api.test.dianzan.local";
    public static final String TEST_AUDIENCE = "dianzan";

    public static ApplicationContext against(AwsResources aws) {
        return ApplicationContext.builder().properties(withTokens(aws.properties())).start();
    }

    public static ApplicationContext against(AwsResources aws, Clock clock) {
        return ApplicationContext.builder().properties(withTokens(aws.properties())).singletons(clock).start();
    }

    /** The same, with settings of the test's own over the engines' ones. */
    public static ApplicationContext against(AwsResources aws, Clock clock, Map<String, Object> settings) {
        Map<String, Object> properties = withTokens(aws.properties());
        properties.putAll(settings);
        return ApplicationContext.builder().properties(properties).singletons(clock).start();
    }

    /** The token settings the accounts domain needs, unless the engines' properties already have them. */
    public static Map<String, Object> withTokens(Map<String, ?> properties) {
        Map<String, Object> all = new HashMap<>();
        all.put("dianzan.tokens.issuer", TEST_ISSUER);
        all.put("dianzan.tokens.audience", TEST_AUDIENCE);
        all.put("dianzan.tokens.key-file", java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                "dianzan-test-signing-key.json").toString());
        all.putAll(properties);
        return all;
    }

    /**
     * A context that reaches no engine: enough to build a handler and read its declarations. Its
     * SDK clients are built but never called.
     */
    public static ApplicationContext offline() {
        return ApplicationContext.builder().properties(withTokens(Map.of(
                "dianzan.tables.main", "offline-main", "dianzan.tables.audit", "offline-audit",
                "dianzan.buckets.media", "offline-media", "dianzan.aws.region", "cn-north-1",
                // a mail server that is never called: building a handler needs its Mailer, not mail
                "dianzan.mail.transport", "smtp", "dianzan.mail.smtp.host", "127.0.0.1", "dianzan.mail.smtp.port", "25",
                "dianzan.mail.smtp.security", "none", "dianzan.mail.from", "noreply@offline.invalid"))).start();
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

package cn.org.cast.dianzan.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsSettingsTest {

    private static AwsSettings settings(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            return context.getBean(AwsSettings.class);
        }
    }

    @Test
    void inLambdaTheRegionIsTheRuntimesAwsRegion() {
        AwsSettings settings = settings(Map.of("aws.region", "cn-northwest-1"));
        assertEquals("cn-northwest-1", settings.region());
        assertTrue(settings.dynamoEndpoint().isEmpty());
        assertTrue(settings.staticCredentials().isEmpty());
    }

    @Test
    void anExplicitRegionWinsForLocalEngines() {
        assertEquals("us-east-1", settings(Map.of("aws.region", "cn-north-1", "dianzan.aws.region", "us-east-1")).region());
    }

    @Test
    void withNothingSetTheRegionFallsBackToUsEast1() {
        assertEquals("us-east-1", settings(Map.of()).region());
    }
}

package cn.org.cast.dianzan.testing;

import cn.org.cast.dianzan.lambda.schedule.EventBridgeSchedule;
import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * The sample events of {@code events/} as Lambda would hand them to a handler: read through the
 * function's own {@link CustomPojoSerializer}, found with ServiceLoader as the runtime finds it.
 */
public final class LambdaEvents {

    private static final CustomPojoSerializer SERIALIZER = ServiceLoader.load(CustomPojoSerializer.class)
            .findFirst().orElseThrow(() -> new IllegalStateException("no CustomPojoSerializer on the classpath"));

    private LambdaEvents() {
    }

    public static Path eventsDir() {
        return cn.org.cast.dianzan.engines.ProjectHome.locate().resolve("events");
    }

    public static String json(String relativePath) {
        try {
            return Files.readString(eventsDir().resolve(relativePath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static APIGatewayV2HTTPEvent http(String relativePath) {
        return httpFromJson(json(relativePath));
    }

    public static APIGatewayV2HTTPEvent httpFromJson(String json) {
        return read(json, APIGatewayV2HTTPEvent.class);
    }

    /** An EventBridge scheduled event, as a rule hands it to a scheduled function. */
    public static EventBridgeSchedule scheduled(String relativePath) {
        return read(json(relativePath), EventBridgeSchedule.class);
    }

    private static <T> T read(String json, Class<T> type) {
        return SERIALIZER.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), type);
    }
}

package cn.org.cast.dianzan.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.ProjectHome;
import cn.org.cast.dianzan.lambda.schedule.EventBridgeSchedule;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lambda's serializer reads our events and writes our answers, with the handler's mapper once a handler has started. */
class HandlerContextSerializerTest {

    @AfterEach
    void noHandler() {
        HandlerContextSerializer.handlerStarted(null);
    }

    @Test
    void afterAHandlerStartedItUsesTheMapperOfTheHandlersContext() throws IOException {
        try (ApplicationContext context = ApplicationContext.run()) {
            HandlerContextSerializer.handlerStarted(context);
            HandlerContextSerializer serializer = new HandlerContextSerializer();
            assertSame(context.getBean(JsonMapper.class), serializer.mapper());
            readsAndWritesOurEvents(serializer);
        }
    }

    @Test
    void withoutAStartedHandlerItStartsAMapperOfItsOwn() throws IOException {
        ApplicationContext stopped = ApplicationContext.run();
        JsonMapper stoppedMapper = stopped.getBean(JsonMapper.class);
        stopped.close();
        HandlerContextSerializer.handlerStarted(stopped);
        HandlerContextSerializer serializer = new HandlerContextSerializer();
        assertNotSame(stoppedMapper, serializer.mapper());
        readsAndWritesOurEvents(serializer);
    }

    private static void readsAndWritesOurEvents(HandlerContextSerializer serializer) throws IOException {
        APIGatewayV2HTTPEvent http = serializer.fromJson(
                new ByteArrayInputStream(sample("media-upload/get-upload.json").getBytes(StandardCharsets.UTF_8)),
                APIGatewayV2HTTPEvent.class);
        assertEquals("GET /uploads/{id}", http.getRouteKey());
        assertEquals("U1b2c3d4e5f60718293a4b5c6d7e8f901", http.getPathParameters().get("id"));
        assertEquals("7a3f0c22-impl-0001", http.getRequestContext().getAuthorizer().getJwt().getClaims().get("sub"));

        EventBridgeSchedule tick = serializer.fromJson(sample("deadline-job/scheduled-tick.json"), EventBridgeSchedule.class);
        assertEquals("Scheduled Event", tick.detailType());
        assertEquals(Instant.parse("2026-06-30T16:05:00Z"), tick.time());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json; charset=utf-8")).withBody("{\"id\":\"甲\"}").build();
        serializer.toJson(response, out, APIGatewayV2HTTPResponse.class);
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("\"statusCode\":200") && json.contains("\"body\":\"{\\\"id\\\":\\\"甲\\\"}\""), json);
    }

    private static String sample(String path) throws IOException {
        return Files.readString(ProjectHome.locate().resolve("events").resolve(path), StandardCharsets.UTF_8);
    }
}

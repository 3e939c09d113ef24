package cn.org.cast.dianzan.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.ProjectHome;
import cn.org.cast.dianzan.engines.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the local gateway answers itself, before any function runs: oversized bodies and the contract. */
class GatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    private static Gateway gateway;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        // No function is loaded: these answers must come before routing to one.
        gateway = Gateway.start(Gateway.bind(0), new RouteTable(SamTemplate.load()), Map.of(),
                new JwtVerifier("http://127.0.0.1", "dianzan", () -> "{\"keys\":[]}", Clock.systemUTC()),
                new LocalAccounts(data.resolve("local-accounts.json"), null, JSON, Clock.systemUTC()), JSON,
                Clock.systemUTC(), ProjectHome.locate().resolve("openapi.yaml"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private HttpResponse<String> send(String method, String path, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBodyOverTenMegabytesIsRefusedWith413InTheErrorShapeAndHeadersOfEveryError() throws Exception {
        HttpResponse<String> response = send("PUT", "/campaign", new byte[Gateway.MAX_BODY_BYTES + 1]);

        assertEquals(413, response.statusCode());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertEquals("PAYLOAD_TOO_LARGE", error.path("code").asText());
        assertEquals("请求内容过大，不能超过10MB", error.path("message").asText());
        assertTrue(error.path("fields").isArray() && error.path("fields").isEmpty(), response.body());
        assertEquals(10_485_760, error.path("details").path("limitBytes").asInt());
        assertFalse(error.path("requestId").asText().isBlank(), response.body());
    }

    @Test
    void aBodyOfExactlyTenMegabytesGoesOnToRouting() throws Exception {
        HttpResponse<String> response = send("PUT", "/no-such-route", new byte[Gateway.MAX_BODY_BYTES]);

        assertEquals(404, response.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", response.body());
    }

    @Test
    void theContractIsServedWithoutATokenAsYamlFromTheProjectRoot() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.port() + "/openapi.yaml")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertEquals(200, response.statusCode());
        assertEquals("application/yaml", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(Files.readString(ProjectHome.locate().resolve("openapi.yaml"), StandardCharsets.UTF_8), response.body());
    }
}

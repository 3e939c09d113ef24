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

/** What the local gateway answers itself, before any function runs: oversized bodies, the contract, the web client. */
class GatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    private static Gateway gateway;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path dist = Files.createDirectories(data.resolve("dist"));
        Files.writeString(dist.resolve("index.html"), "<!doctype html><title>典赞</title>");
        Files.writeString(dist.resolve("routes.json"), "[\"/\",\"/sign-in\"]");
        // No function is loaded: these answers must come before routing to one.
        gateway = Gateway.start(Gateway.bind(0), new RouteTable(SamTemplate.load()), Map.of(),
                new JwtVerifier("http://127.0.0.1", "dianzan", () -> "{\"keys\":[]}", Clock.systemUTC()),
                new LocalAccounts(data.resolve("local-accounts.json"), null, JSON, Clock.systemUTC()), JSON,
                Clock.systemUTC(), ProjectHome.locate().resolve("openapi.yaml"), new WebClient(dist, JSON));
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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

    @Test
    void anAppPathIsTheWebClientsPageWithItsSecurityHeaders() throws Exception {
        HttpResponse<String> page = get("/sign-in", "text/html,application/xhtml+xml,*/*;q=0.8");

        assertEquals(200, page.statusCode());
        assertEquals("<!doctype html><title>典赞</title>", page.body());
        assertEquals(WebClient.CONTENT_SECURITY_POLICY, page.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void anApiPathAnswersAsApiGatewayWouldEvenToABrowser() throws Exception {
        // POST-only routes and a protected route's path: the same 404 and 401 as without a web client
        for (String path : new String[] {"/auth/sign-in", "/accounts/register", "/cases/c1/submit"}) {
            HttpResponse<String> response = get(path, "text/html");
            assertEquals(404, response.statusCode(), path);
            assertEquals("{\"message\":\"Not Found\"}", response.body(), path);
        }
        HttpResponse<String> protectedRoute = get("/accounts/me", "text/html");
        assertEquals(401, protectedRoute.statusCode());
        assertEquals("{\"message\":\"Unauthorized\"}", protectedRoute.body());
    }

    @Test
    void aPathOfNeitherTheApiNorTheAppIsTheGatewaysOwn404UnlessABrowserNavigatesThere() throws Exception {
        HttpResponse<String> fetched = get("/no-such-route", "application/json");
        assertEquals(404, fetched.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", fetched.body());

        HttpResponse<String> navigated = get("/no-such-route", "text/html");
        assertEquals(404, navigated.statusCode());
        assertEquals("<!doctype html><title>典赞</title>", navigated.body(), "the app shows its own page for it");
    }
}

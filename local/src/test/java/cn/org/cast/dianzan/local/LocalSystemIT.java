package cn.org.cast.dianzan.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.ChildProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's run command, in process: engines on disk, functions from their jars, HTTP on loopback. */
class LocalSystemIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SETTINGS = """
            {"name":"2026年度征集（延期）","registrationOpensAt":"2026-06-17T00:00:00+08:00",
             "submissionClosesAt":"%s","quotas":{"activityService":3,"venueBuilding":3,"total":6}}""";

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(int port, String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Test
    void servesTheCampaignEnforcesTokensAndKeepsAnAdminChangeAcrossARestart() throws Exception {
        int port = ChildProcess.freePort();
        String[] args = {"--port", Integer.toString(port), "--data", data.toString()};
        try (LocalSystem system = LocalSystem.start(args)) {
            JsonNode campaign = json(send(port, "GET", "/campaign", null, null));
            assertEquals("2026-07-01T00:00:00+08:00", campaign.path("submissionClosesAtChina").asText());

            HttpResponse<String> anonymous = send(port, "PUT", "/campaign", null, SETTINGS.formatted("2026-07-03T00:00:00+08:00"));
            assertEquals(401, anonymous.statusCode());
            HttpResponse<String> forged = send(port, "PUT", "/campaign", "eyJhbGciOiJub25lIn0.e30.", SETTINGS.formatted("2026-07-03T00:00:00+08:00"));
            assertEquals(401, forged.statusCode());

            String unit = LocalSessions.register(system, "RECOMMENDER");
            assertEquals(403, send(port, "PUT", "/campaign", unit, SETTINGS.formatted("2026-07-03T00:00:00+08:00")).statusCode());

            String admin = LocalSessions.admin(system);
            HttpResponse<String> bad = send(port, "PUT", "/campaign", admin, SETTINGS.formatted("2026-06-01T00:00:00+08:00"));
            assertEquals(400, bad.statusCode());
            assertEquals("submissionClosesAt", json(bad).path("error").path("fields").path(0).path("field").asText());
            assertEquals(1, json(send(port, "GET", "/campaign", null, null)).path("version").asInt());

            HttpResponse<String> good = send(port, "PUT", "/campaign", admin, SETTINGS.formatted("2026-07-03T00:00:00+08:00"));
            assertEquals(200, good.statusCode());
            assertEquals(404, send(port, "GET", "/no-such-route", null, null).statusCode());
        }
        try (LocalSystem again = LocalSystem.start(args)) {
            JsonNode campaign = json(send(port, "GET", "/campaign", null, null));
            assertEquals("2026-07-03T00:00:00+08:00", campaign.path("submissionClosesAtChina").asText());
            assertEquals(2, campaign.path("version").asInt());
            assertTrue(Files.exists(data.resolve("dynamodb")));
        }
    }

    @Test
    void theDeadlineJobRecordsTheClosingOnceHoweverOftenItRunsOnStartOnDemandOrAfterARestart() throws Exception {
        int port = ChildProcess.freePort();
        String[] args = {"--port", Integer.toString(port), "--data", data.toString()};
        String recordedAt;
        try (LocalSystem system = LocalSystem.start(args)) {
            // GIVEN the notice's deadline (end of 2026-06-30, China time) lies behind the machine's clock,
            // so the run at start has recorded the closing
            assertEquals("CLOSED", json(send(port, "GET", "/campaign", null, null)).path("phase").asText());
            String admin = LocalSessions.admin(system);
            String unit = LocalSessions.register(system, "RECOMMENDER");
            String job = "/local/jobs/DeadlineJobFunction";

            assertEquals(401, send(port, "POST", job, null, null).statusCode());
            assertEquals(403, send(port, "POST", job, unit, null).statusCode());
            assertEquals(404, send(port, "POST", "/local/jobs/NoSuchJob", admin, null).statusCode());

            // WHEN an admin runs it again, three times; THEN nothing new is recorded
            JsonNode first = json(send(port, "POST", job, admin, null));
            recordedAt = first.path("details").path("closingRecordedAt").asText();
            assertEquals("ALREADY_RECORDED", first.path("outcome").asText(), first.toString());
            assertEquals("2026-06-30T16:00:00Z", first.path("details").path("deadline").asText());
            for (int i = 0; i < 2; i++) {
                JsonNode again = json(send(port, "POST", job, admin, null));
                assertEquals("ALREADY_RECORDED", again.path("outcome").asText());
                assertEquals(recordedAt, again.path("details").path("closingRecordedAt").asText());
            }
            assertEquals("ALREADY_RECORDED", JSON.readTree(system.runJob("DeadlineJobFunction")).path("outcome").asText());
        }
        try (LocalSystem again = LocalSystem.start(args)) {
            JsonNode afterRestart = JSON.readTree(again.runJob("DeadlineJobFunction"));
            assertEquals("ALREADY_RECORDED", afterRestart.path("outcome").asText());
            assertEquals(recordedAt, afterRestart.path("details").path("closingRecordedAt").asText());
        }
    }

    @Test
    void aTakenPortIsAClearErrorAndStartsNoEngine() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            LocalSystemException e = org.junit.jupiter.api.Assertions.assertThrows(LocalSystemException.class, () ->
                    LocalSystem.start("--port", Integer.toString(taken.getLocalPort()), "--data", data.toString()));
            assertTrue(e.getMessage().contains("已被占用"), e.getMessage());
            assertTrue(Files.notExists(data.resolve("dynamodb")));
        }
    }
}

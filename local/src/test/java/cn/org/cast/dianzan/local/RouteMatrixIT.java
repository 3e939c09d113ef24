package cn.org.cast.dianzan.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.ChildProcess;
import cn.org.cast.dianzan.engines.ProjectHome;
import cn.org.cast.dianzan.engines.SamTemplate;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of template.yaml through the local system: without a token a protected route is 401
 * before any handler runs; a unit's token on an admin route is 403, and the other account type's on
 * a role's route; hostile bodies and parameters are answered with a 4xx, never a 5xx. Who may call
 * a route is read from the handlers' own declarations, which also make the README's API table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteMatrixIT {

    private static final List<String> HOSTILE_BODIES = List.of("{\"name\":", "[]", "null", "\"x\"",
            "{\"name\":{\"$gt\":\"\"},\"units\":\"<script>\"}", "{" + "\"a\":[".repeat(200) + "]".repeat(200) + "}");
    private static final List<String> HOSTILE_SEGMENTS = List.of("%27%20OR%201%3D1", "..%2F..%2Fetc", "%00",
            "x".repeat(300), "y".repeat(3000), "%E6%8E%A8");

    @TempDir
    static Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private LocalSystem system;
    private int port;
    private List<SamTemplate.Route> routes;
    private Map<String, String> access;

    @BeforeAll
    void start() {
        port = ChildProcess.freePort();
        system = LocalSystem.start("--port", Integer.toString(port), "--data", data.toString());
        routes = new ArrayList<>();
        SamTemplate.load().functions().forEach(f -> routes.addAll(f.routes()));
        access = new TreeMap<>();
        system.routeAccess().values().forEach(access::putAll);
    }

    @AfterAll
    void stop() {
        system.close();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "matrix-0000-0001")
                .header("If-Match", "\"1\"")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String concrete(String path, String segment) {
        return path.replaceAll("\\{[^}]+}", segment);
    }

    @Test
    void withoutATokenEveryProtectedRouteIs401AndNoHandlerRuns() throws Exception {
        for (SamTemplate.Route route : routes) {
            if (!route.authorized()) {
                continue;
            }
            HttpResponse<String> response = send(route.method(), concrete(route.path(), "ABCDE-FGHJK-MNPQR"), null, "{}");
            assertEquals(401, response.statusCode(), route.routeKey());
            assertEquals("{\"message\":\"Unauthorized\"}", response.body(), route.routeKey());
        }
    }

    @Test
    void everyTemplateRouteIsDeclaredByItsHandler() {
        assertEquals(routes.stream().map(SamTemplate.Route::routeKey).collect(Collectors.toCollection(TreeSet::new)),
                access.keySet());
    }

    @Test
    void aUnitsTokenOnEveryAdminRouteIs403() throws Exception {
        String unit = LocalSessions.register(system, "RECOMMENDER");
        List<String> adminRoutes = routesWith("ADMIN");
        for (String routeKey : adminRoutes) {
            HttpResponse<String> response = send(routeKey, unit);
            assertEquals(403, response.statusCode(), routeKey + ": " + response.body());
            assertTrue(response.body().contains("\"code\":\"ADMIN_ONLY\""), routeKey);
        }
        assertTrue(adminRoutes.size() >= 8, adminRoutes.toString());
    }

    @Test
    void theOtherAccountTypesTokenOnEveryRoleRouteIs403() throws Exception {
        Map<String, String> otherType = Map.of(
                "RECOMMENDER", LocalSessions.register(system, "IMPLEMENTER"),
                "IMPLEMENTER", LocalSessions.register(system, "RECOMMENDER"));
        int checked = 0;
        for (Map.Entry<String, String> role : otherType.entrySet()) {
            for (String routeKey : routesWith(role.getKey())) {
                HttpResponse<String> response = send(routeKey, role.getValue());
                assertEquals(403, response.statusCode(), routeKey + ": " + response.body());
                assertTrue(response.body().contains("\"code\":\"WRONG_ACCOUNT_TYPE\""), routeKey);
                checked++;
            }
        }
        assertTrue(checked >= 4, "role routes checked: " + checked);
    }

    @Test
    void theReadmeApiTableIsTheHandlersDeclarations() throws Exception {
        String readme = Files.readString(ProjectHome.locate().resolve("README.md"));
        String expected = ApiTable.render(SamTemplate.load(), system.routeAccess());
        assertTrue(readme.contains(expected), "README.md's API table differs from the handlers' declarations; "
                + "it should read:\n" + expected);
    }

    private List<String> routesWith(String level) {
        return access.entrySet().stream().filter(e -> e.getValue().equals(level)).map(Map.Entry::getKey).toList();
    }

    private HttpResponse<String> send(String routeKey, String token) throws Exception {
        String[] parts = routeKey.split(" ", 2);
        return send(parts[0], concrete(parts[1], "ABCDE-FGHJK-MNPQR"), token, "{}");
    }

    @Test
    void hostileBodiesAndPathSegmentsGetA4xxNeverA5xx() throws Exception {
        List<String> tokens = List.of(LocalSessions.admin(system),
                LocalSessions.register(system, "RECOMMENDER"),
                LocalSessions.register(system, "IMPLEMENTER"));
        for (SamTemplate.Route route : routes) {
            for (String token : tokens) {
                for (String body : HOSTILE_BODIES) {
                    HttpResponse<String> response = send(route.method(), concrete(route.path(), "ABCDE-FGHJK-MNPQR"),
                            token, body);
                    assertTrue(response.statusCode() < 500, route.routeKey() + " with " + body + ": " + response.body());
                }
                for (String segment : HOSTILE_SEGMENTS) {
                    if (!route.path().contains("{")) {
                        continue;
                    }
                    HttpResponse<String> response = send(route.method(), concrete(route.path(), segment), token, "{}");
                    assertTrue(response.statusCode() < 500, route.routeKey() + " at " + segment + ": " + response.body());
                }
            }
        }
    }
}

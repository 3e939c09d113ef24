package cn.org.cast.dianzan.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signing in to a local system in tests the way people do: a new unit registers and verifies with the
 * code GreenMail received; the seeded admin signs in with its password and authenticator code.
 */
final class LocalSessions {

    static final String PASSWORD = "测试用的密码-足够长-2026";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<LocalSystem, String> ADMINS = new ConcurrentHashMap<>();

    private LocalSessions() {
    }

    /** A new account of the type ({@code RECOMMENDER} or {@code IMPLEMENTER}), registered and verified: its access token. */
    static String register(LocalSystem system, String accountType) {
        return session(system, accountType).path("accessToken").asText();
    }

    /** The whole answer of the verification (tokens and account), for tests that need the refresh token too. */
    static JsonNode session(LocalSystem system, String accountType) {
        String email = accountType.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.dianzan.local";
        return registerAs(system, email, accountType);
    }

    static JsonNode registerAs(LocalSystem system, String email, String accountType) {
        HttpResponse<String> registered = post(system, "/accounts/register", Map.of("email", email, "password", PASSWORD,
                "accountType", accountType, "contactName", "测试联系人", "mobile", "13912345678"));
        require(registered, 202);
        HttpResponse<String> verified = post(system, "/accounts/verify", Map.of("email", email, "code",
                system.mailedCode(email), "password", PASSWORD));
        require(verified, 201);
        return read(verified);
    }

    /** The seeded admin's access token, signed in once per system (an authenticator code works once). */
    static String admin(LocalSystem system) {
        return ADMINS.computeIfAbsent(system, s -> {
            for (int attempt = 0; attempt < 3; attempt++) {
                HttpResponse<String> answer = post(s, "/auth/sign-in", Map.of("email", LocalAccounts.ADMIN_EMAIL,
                        "password", LocalAccounts.ADMIN_PASSWORD, "totp", s.adminTotp()));
                if (answer.statusCode() == 200) {
                    return read(answer).path("accessToken").asText();
                }
                // this step's code was used already (a restart within 30 seconds): wait for the next step
                sleep(31_000 - System.currentTimeMillis() % 30_000);
            }
            throw new AssertionError("the seeded admin cannot sign in");
        });
    }

    static HttpResponse<String> post(LocalSystem system, String path, Map<String, String> body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + system.port() + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void require(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().uri().getPath() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package cn.org.cast.dianzan.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.ChildProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real requests through the local system, each answer held to openapi.yaml as the system serves it
 * ({@code GET /openapi.yaml}): its status must be declared, its declared headers present and valid,
 * its body valid against the schema. Successes and failures alike, and in the end every operation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiResponsesIT {

    private static final String OPENS = "2026-06-17T00:00:00+08:00";
    private static final String CASE_FORM = """
            {"name":"%s","implementingUnit":"%s","address":"某市科技大道1号","contactName":"张老师",
             "contactTitle":"馆长","phone":"13812345678","email":"kjg@example.cn","category":"ACTIVITY_SERVICE",
             "subtype":"LECTURE","summary":"全年举办科普讲座120场，覆盖青少年3万人次。",
             "mediaReports":[{"title":"科技日报报道","url":"https://www.example.cn/news/1"}],
             "awards":[{"name":"全国科普日优秀活动","level":"NATIONAL","year":2025}],
             "detail":"一、实施、应用及推广情况\\n……","startedOn":"2025-03-01","endedOn":"2025-12-31"}""";
    private static final String UNIT_DETAILS = """
            {"unitName":"%s","address":"某省某市科技路1号","contactName":"王老师","contactTitle":"科普部部长",
             "phone":"010-68526300","email":"kepu@example.cn"}""";

    @TempDir
    static Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> answered = new TreeSet<>();
    private LocalSystem system;
    private int port;
    private OpenApiContract contract;
    private String admin;
    /** The unit of the review step and one of the cases it left recommended, for the printed sheets. */
    private Unit recommending;
    private String recommendedCase;

    /** One request to a route of the contract; path parameters fill the template in order. */
    private record Call(String routeKey, String path, String token, Map<String, String> headers, String body) {

        static Call to(String routeKey, String... pathValues) {
            String path = routeKey.substring(routeKey.indexOf(' ') + 1);
            for (String value : pathValues) {
                path = path.replaceFirst("\\{[^}]+}", value);
            }
            return new Call(routeKey, path, null, Map.of("Content-Type", "application/json"), null);
        }

        Call as(String bearer) {
            return new Call(routeKey, path, bearer, headers, body);
        }

        Call header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Call(routeKey, path, token, more, body);
        }

        Call query(String query) {
            return new Call(routeKey, path + "?" + query, token, headers, body);
        }

        Call body(String text) {
            return new Call(routeKey, path, token, headers, text);
        }

        String method() {
            return routeKey.substring(0, routeKey.indexOf(' '));
        }
    }

    @BeforeAll
    void start() throws Exception {
        port = ChildProcess.freePort();
        system = LocalSystem.start("--port", Integer.toString(port), "--data", data.toString());
        HttpResponse<String> served = http.send(request("GET", "/openapi.yaml", null, Map.of(), null),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("application/yaml", served.headers().firstValue("Content-Type").orElseThrow());
        contract = OpenApiContract.parse(served.body());
        admin = LocalSessions.admin(system);
        // This machine's clock may be past the notice's deadline: keep the campaign open a year from now.
        answer(200, Call.to("PUT /campaign").as(admin).body(settings()));
    }

    @AfterAll
    void stop() {
        system.close();
    }

    private HttpRequest request(String method, String path, String token, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    /** Sends the call, fails unless the answer has the status expected and keeps the contract, and gives its JSON. */
    private JsonNode answer(int status, Call call) throws Exception {
        HttpResponse<String> response = http.send(request(call.method(), call.path(), call.token(), call.headers(),
                call.body()), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(status, response.statusCode(), call.routeKey() + " " + call.path() + ": " + response.body());
        List<String> violations = contract.violations(call.routeKey(),
                new OpenApiContract.Answer(response.statusCode(), response.headers(), response.body()));
        assertEquals(List.of(), violations, "openapi.yaml does not allow this answer");
        answered.add(call.routeKey());
        boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
        return isJson && !response.body().isEmpty() ? json.readTree(response.body()) : null;
    }

    private String errorCode(int status, Call call) throws Exception {
        return answer(status, call).path("error").path("code").asText();
    }

    private String account(String type) {
        return LocalSessions.register(system, type);
    }

    /** Campaign settings that keep submissions open until a year from now. */
    private static String settings() {
        String closes = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusYears(1).truncatedTo(ChronoUnit.SECONDS).toString();
        return "{\"name\":\"2026年度“典赞·科普中国”科普案例征集\",\"registrationOpensAt\":\"" + OPENS
                + "\",\"submissionClosesAt\":\"" + closes + "\",\"quotas\":{\"activityService\":3,\"venueBuilding\":3,\"total\":6}}";
    }

    private String issueCode(String unitName) throws Exception {
        return answer(201, Call.to("POST /admin/codes").as(admin).body("{\"units\":[{\"name\":\"" + unitName
                + "\",\"unitType\":\"PROVINCIAL_ASSOCIATION\",\"province\":\"北京市\"}]}"))
                .path("items").path(0).path("code").asText();
    }

    /** A recommending unit that bound a fresh code, and an implementer that joined it. */
    private record Unit(String code, String recommender, String implementer) {
    }

    private Unit unitWithImplementer(String unitName) throws Exception {
        String code = issueCode(unitName);
        String recommender = account("RECOMMENDER");
        answer(201, Call.to("POST /codes/{code}/bind", code).as(recommender).body(UNIT_DETAILS.formatted(unitName)));
        String implementer = account("IMPLEMENTER");
        answer(201, Call.to("POST /codes/{code}/join", code).as(implementer).body("{\"organization\":\"某市科技馆\"}"));
        return new Unit(code, recommender, implementer);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    /** The newest six-digit code GreenMail received for the address. */
    private String mailed(String email) {
        return system.mailedCode(email);
    }

    private static String body(Object... pairs) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return new ObjectMapper().writeValueAsString(fields);
    }

    @Test
    @Order(0)
    void accountAnswersKeepTheContract() throws Exception {
        answer(200, Call.to("GET /.well-known/openid-configuration"));
        answer(200, Call.to("GET /.well-known/jwks.json"));
        String email = "contract-" + key().substring(0, 8) + "@test.example.cn";
        String password = "契约测试用的密码-2026";
        String registration = body("email", email, "password", password, "accountType", "RECOMMENDER",
                "contactName", "王老师", "mobile", "13912345678");
        answer(400, Call.to("POST /accounts/register").body(body("email", "nope", "password", "123", "accountType", "ADMIN")));
        answer(202, Call.to("POST /accounts/register").body(registration));
        assertEquals("TOO_MANY_CODES", errorCode(429, Call.to("POST /accounts/verify/resend").body(body("email", email))));
        String code = mailed(email);
        assertEquals("VERIFICATION_CODE_INVALID", errorCode(400, Call.to("POST /accounts/verify")
                .body(body("email", email, "code", code.equals("000000") ? "111111" : "000000", "password", password))));
        assertEquals("VERIFICATION_CODE_EXPIRED", errorCode(410, Call.to("POST /accounts/verify")
                .body(body("email", "never-" + email, "code", "123456", "password", password))));
        JsonNode session = answer(201, Call.to("POST /accounts/verify").body(body("email", email, "code", code,
                "password", password)));
        String token = session.path("accessToken").asText();
        assertEquals("INVALID_CREDENTIALS", errorCode(401, Call.to("POST /auth/sign-in")
                .body(body("email", email, "password", "wrong-password-2026"))));
        JsonNode signedIn = answer(200, Call.to("POST /auth/sign-in").body(body("email", email, "password", password)));
        JsonNode refreshed = answer(200, Call.to("POST /auth/refresh")
                .body(body("refreshToken", signedIn.path("refreshToken").asText())));
        assertEquals("REFRESH_TOKEN_REUSED", errorCode(401, Call.to("POST /auth/refresh")
                .body(body("refreshToken", signedIn.path("refreshToken").asText()))));
        answer(204, Call.to("POST /auth/sign-out").body(body("refreshToken", refreshed.path("refreshToken").asText())));

        answer(200, Call.to("GET /accounts/me").as(token));
        answer(401, Call.to("GET /accounts/me"));
        answer(200, Call.to("GET /accounts/me/members").as(token));
        String colleague = "colleague-" + key().substring(0, 8) + "@test.example.cn";
        answer(202, Call.to("POST /accounts/me/members").as(token).body(body("email", colleague, "name", "李同事")));
        JsonNode accepted = answer(201, Call.to("POST /invitations/accept").body(body("email", colleague,
                "code", mailed(colleague), "password", "同事自己的密码-2026", "name", "李同事", "mobile", "13700000000")));
        String colleagueId = accepted.path("session").path("account").path("person").path("personId").asText();
        String colleagueToken = accepted.path("session").path("accessToken").asText();
        assertEquals("PERSON_NOT_FOUND", errorCode(404, Call.to("POST /accounts/me/contact").as(token)
                .body(body("personId", "P00000000-0000-0000-0000-000000000000"))));
        answer(200, Call.to("POST /accounts/me/contact").as(colleagueToken).body(body("personId", colleagueId)));
        String firstPerson = session.path("account").path("person").path("personId").asText();
        assertEquals("CONTACT_PERSON", errorCode(409, Call.to("DELETE /accounts/me/members/{personId}", colleagueId).as(token)));
        answer(400, Call.to("POST /accounts/me/password").as(colleagueToken)
                .body(body("currentPassword", "not-it-at-all", "newPassword", "1234567890")));
        answer(200, Call.to("POST /accounts/me/password").as(colleagueToken)
                .body(body("currentPassword", "同事自己的密码-2026", "newPassword", "同事换的新密码-2026")));
        answer(200, Call.to("DELETE /accounts/me/members/{personId}", firstPerson).as(colleagueToken));
        answer(204, Call.to("POST /auth/sign-out-everywhere").as(colleagueToken));

        answer(202, Call.to("POST /auth/password/forgot").body(body("email", colleague)));
        answer(204, Call.to("POST /auth/password/reset").body(body("email", colleague, "code", mailed(colleague),
                "newPassword", "重置以后的密码-2026")));

        String accountId = session.path("account").path("accountId").asText();
        assertEquals("ADMIN_ONLY", errorCode(403, Call.to("POST /admin/admins").as(colleagueToken)
                .body(body("email", "x@test.example.cn", "name", "冒充者"))));
        answer(202, Call.to("POST /admin/admins").as(admin)
                .body(body("email", "admin-" + key().substring(0, 8) + "@test.example.cn", "name", "新管理员")));
        answer(200, Call.to("POST /admin/accounts/lookup").as(admin).body(body("email", colleague)));
        answer(404, Call.to("POST /admin/accounts/lookup").as(admin).body(body("email", "nobody@test.example.cn")));
        answer(202, Call.to("POST /admin/accounts/{accountId}/members", accountId).as(admin)
                .body(body("email", "successor-" + key().substring(0, 8) + "@test.example.cn", "name", "接任者")));
    }

    /**
     * Accounts end to end through the running system, every code read from the mail GreenMail received: a
     * unit registers, verifies, signs in with its password and binds a code; it invites a colleague, who
     * accepts and then reviews a case of the unit under the same account with a person of their own.
     */
    @Test
    @Order(10)
    void aUnitRegistersBindsInvitesAColleagueAndTheColleagueReviewsACase() throws Exception {
        String email = "journey-" + key().substring(0, 8) + "@test.example.cn";
        String password = "推荐单位自己的密码-2026";
        answer(202, Call.to("POST /accounts/register").body(body("email", email, "password", password,
                "accountType", "RECOMMENDER", "contactName", "王老师", "mobile", "13912345678")));
        answer(201, Call.to("POST /accounts/verify").body(body("email", email, "code", mailed(email), "password", password)));
        JsonNode signedIn = answer(200, Call.to("POST /auth/sign-in").body(body("email", email, "password", password)));
        String recommender = signedIn.path("accessToken").asText();
        String code = issueCode("某市科学技术协会");
        answer(201, Call.to("POST /codes/{code}/bind", code).as(recommender).body(UNIT_DETAILS.formatted("某市科学技术协会")));
        String implementer = account("IMPLEMENTER");
        answer(201, Call.to("POST /codes/{code}/join", code).as(implementer).body("{\"organization\":\"某市科技馆\"}"));
        String caseId = submittedCase(new Unit(code, recommender, implementer), "家门口的科学课");

        String colleague = "journey-colleague-" + key().substring(0, 8) + "@test.example.cn";
        answer(202, Call.to("POST /accounts/me/members").as(recommender).body(body("email", colleague, "name", "李同事")));
        JsonNode accepted = answer(201, Call.to("POST /invitations/accept").body(body("email", colleague,
                "code", mailed(colleague), "password", "同事自己的密码-2026", "name", "李同事", "mobile", "13700000000")));
        String colleagueToken = accepted.path("session").path("accessToken").asText();
        assertEquals(signedIn.path("account").path("accountId").asText(),
                accepted.path("session").path("account").path("accountId").asText(), "the colleague acts for the same account");

        answer(200, Call.to("POST /cases/{id}/approve", caseId).as(colleagueToken));
        JsonNode review = answer(200, Call.to("GET /cases/{id}/review", caseId).as(recommender));
        assertEquals("APPROVED", review.path("status").asText());
        java.util.List<String> by = new java.util.ArrayList<>();
        review.path("history").forEach(entry -> by.add(entry.path("action").asText() + ":" + entry.path("by").asText()));
        assertTrue(by.contains("CASE_CREATED:实施单位") && by.contains("CASE_APPROVED:推荐单位"), by.toString());
        assertEquals("某市科学技术协会", answer(200, Call.to("GET /me").as(colleagueToken)).path("unit")
                .path("unitName").asText(), "the colleague sees the unit the account bound");
    }

    @Test
    @Order(1)
    void campaignAnswersKeepTheContract() throws Exception {
        String etag = "\"" + answer(200, Call.to("GET /campaign")).path("version").asText() + "\"";

        answer(200, Call.to("PUT /campaign").as(admin).header("If-Match", etag).body(settings()));
        JsonNode invalid = answer(400, Call.to("PUT /campaign").as(admin)
                .body("{\"name\":\"\",\"registrationOpensAt\":\"2026-06-17\",\"quotas\":{\"activityService\":0}}"));
        assertTrue(invalid.path("error").path("fields").size() >= 5, invalid.toString());
        assertEquals("INVALID_JSON", errorCode(400, Call.to("PUT /campaign").as(admin).body("{\"name\":")));
        answer(401, Call.to("PUT /campaign").body(settings()));
        assertEquals("ADMIN_ONLY", errorCode(403, Call.to("PUT /campaign").as(account("RECOMMENDER")).body(settings())));
        JsonNode stale = answer(409, Call.to("PUT /campaign").as(admin).header("If-Match", "\"99\"").body(settings()));
        assertTrue(stale.path("error").path("details").path("currentVersion").asInt() >= 2, stale.toString());
        assertEquals("PAYLOAD_TOO_LARGE", errorCode(413, Call.to("PUT /campaign").as(admin)
                .body("x".repeat(Gateway.MAX_BODY_BYTES + 1))));
    }

    @Test
    @Order(2)
    void codeAnswersKeepTheContract() throws Exception {
        String code = issueCode("某全国学会");
        answer(400, Call.to("POST /admin/codes").as(admin).body("{\"units\":[{\"name\":\"\",\"unitType\":\"NOPE\"}]}"));
        JsonNode firstPage = answer(200, Call.to("GET /admin/codes").as(admin).query("limit=1"));
        answer(200, Call.to("GET /admin/codes").as(admin).query("limit=1&cursor=" + firstPage.path("nextCursor").asText()));
        answer(400, Call.to("GET /admin/codes").as(admin).query("status=LOST&limit=1000"));
        answer(200, Call.to("GET /admin/codes/export").as(admin));
        assertEquals("ADMIN_ONLY", errorCode(403, Call.to("GET /admin/codes/export").as(account("IMPLEMENTER"))));

        JsonNode replacement = answer(201, Call.to("POST /admin/codes/{code}/reissue", code).as(admin));
        assertEquals(code, replacement.path("replaces").asText());
        assertEquals("CODE_ALREADY_REPLACED", errorCode(409, Call.to("POST /admin/codes/{code}/reissue", code).as(admin)));
        answer(200, Call.to("POST /admin/codes/{code}/revoke", replacement.path("code").asText()).as(admin));
        assertEquals("CODE_MALFORMED", errorCode(400, Call.to("POST /admin/codes/{code}/revoke", "ABC").as(admin)));
    }

    @Test
    @Order(3)
    void unitAnswersKeepTheContract() throws Exception {
        Unit unit = unitWithImplementer("某省科学技术协会");
        String typo = unit.code().substring(0, 16) + (unit.code().endsWith("A") ? "B" : "A");

        assertEquals("CODE_ALREADY_BOUND", errorCode(409, Call.to("POST /codes/{code}/bind", unit.code())
                .as(account("RECOMMENDER")).body(UNIT_DETAILS.formatted("另一单位"))));
        assertEquals("CODE_CHECK_FAILED", errorCode(400, Call.to("POST /codes/{code}/bind", typo)
                .as(account("RECOMMENDER")).body(UNIT_DETAILS.formatted("另一单位"))));
        assertEquals("WRONG_ACCOUNT_TYPE", errorCode(403, Call.to("POST /codes/{code}/bind", issueCode("某高校科协"))
                .as(account("IMPLEMENTER")).body(UNIT_DETAILS.formatted("某高校科协"))));
        JsonNode details = answer(400, Call.to("POST /codes/{code}/bind", issueCode("某园区科协"))
                .as(account("RECOMMENDER")).body("{\"unitName\":\"\",\"phone\":\"12345\",\"email\":\"not-an-email\"}"));
        assertTrue(details.path("error").path("fields").size() >= 4, details.toString());
        assertEquals("VALIDATION_FAILED", errorCode(400, Call.to("POST /codes/{code}/join", unit.code())
                .as(account("IMPLEMENTER")).body("{}")));

        answer(200, Call.to("GET /me").as(unit.recommender()));
        answer(200, Call.to("GET /me").as(unit.implementer()));
        answer(200, Call.to("GET /me").as(admin));
        answer(401, Call.to("GET /me").as("eyJhbGciOiJub25lIn0.e30."));
        String memberId = answer(200, Call.to("GET /units/me/implementers").as(unit.recommender()))
                .path("items").path(0).path("memberId").asText();
        assertEquals("UNIT_NOT_BOUND", errorCode(404, Call.to("GET /units/me/implementers").as(account("RECOMMENDER"))));
        answer(200, Call.to("POST /units/me/implementers/{memberId}/detach", memberId).as(unit.recommender()));
        assertEquals("MEMBER_NOT_FOUND", errorCode(404, Call.to("POST /units/me/implementers/{memberId}/detach", "nobody")
                .as(unit.recommender())));

        JsonNode bound = answer(200, Call.to("GET /admin/codes").as(admin).query("status=BOUND"));
        assertTrue(bound.path("items").findValuesAsText("code").contains(unit.code()), bound.toString());
        JsonNode moved = answer(201, Call.to("POST /admin/codes/{code}/reissue", unit.code()).as(admin));
        assertEquals("BOUND", moved.path("status").asText());
        assertEquals("CODE_REVOKED", errorCode(409, Call.to("POST /codes/{code}/join", unit.code())
                .as(account("IMPLEMENTER")).body("{\"organization\":\"某市科技馆\"}")));
    }

    /** A real image of a size, as a camera or phone would store it. */
    private static byte[] image(String format, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    /** The three steps of an upload: sign, send the bytes straight to S3 as signed, complete. */
    private JsonNode uploadFile(String token, String caseId, String kind, Integer awardIndex, String fileName,
                                String contentType, byte[] bytes, int expectedStatus) throws Exception {
        String ask = json.writeValueAsString(awardIndex == null
                ? Map.of("kind", kind, "fileName", fileName, "size", bytes.length, "contentType", contentType)
                : Map.of("kind", kind, "fileName", fileName, "size", bytes.length, "contentType", contentType,
                        "awardIndex", awardIndex));
        JsonNode signed = answer(201, Call.to("POST /cases/{id}/uploads", caseId).as(token).body(ask));
        HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(signed.path("url").asText()))
                .header("Content-Type", signed.path("headers").path("Content-Type").asText())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, sent.statusCode(), sent.body());
        return answer(expectedStatus, Call.to("POST /uploads/{id}/complete", signed.path("uploadId").asText()).as(token));
    }

    /** What a submission needs besides the form: both photos and a proof for the form's one award. */
    private void attachPhotosAndProof(String token, String caseId) throws Exception {
        uploadFile(token, caseId, "LANDSCAPE_PHOTO", null, "横版.jpg", "image/jpeg", image("jpg", 400, 300), 200);
        uploadFile(token, caseId, "PORTRAIT_PHOTO", null, "竖版.png", "image/png", image("png", 300, 400), 200);
        uploadFile(token, caseId, "AWARD_PROOF", 0, "获奖证书.png", "image/png", image("png", 200, 200), 200);
    }

    @Test
    @Order(4)
    void caseAnswersKeepTheContract() throws Exception {
        Unit unit = unitWithImplementer("某市科学技术协会");
        String form = CASE_FORM.formatted("青少年科学实验季", "某市科技馆");
        answer(200, Call.to("GET /case-form").as(unit.implementer()));

        String key = key();
        JsonNode created = answer(201, Call.to("POST /cases").as(unit.implementer()).header("Idempotency-Key", key)
                .body("{\"name\":\"青少年科学实验季\"}"));
        String id = created.path("id").asText();
        answer(200, Call.to("POST /cases").as(unit.implementer()).header("Idempotency-Key", key)
                .body("{\"name\":\"青少年科学实验季\"}"));
        answer(422, Call.to("POST /cases").as(unit.implementer()).header("Idempotency-Key", key).body(form));
        answer(400, Call.to("POST /cases").as(unit.implementer()).body(form));
        JsonNode invalid = answer(400, Call.to("POST /cases").as(unit.implementer()).header("Idempotency-Key", key())
                .body("{\"name\":\"这个案例名称已经超过了二十个字的限制了啊！\",\"mediaReports\":[{\"title\":\"a\",\"url\":\"javascript:alert(1)\"}]}"));
        assertEquals(2, invalid.path("error").path("fields").size(), invalid.toString());

        assertEquals("CASE_INCOMPLETE", errorCode(400, Call.to("POST /cases/{id}/submit", id).as(unit.implementer())));
        assertEquals("PRECONDITION_REQUIRED", errorCode(428, Call.to("PUT /cases/{id}", id).as(unit.implementer()).body(form)));
        JsonNode stale = answer(409, Call.to("PUT /cases/{id}", id).as(unit.implementer()).header("If-Match", "\"7\"").body(form));
        assertEquals("青少年科学实验季", stale.path("error").path("details").path("current").path("name").asText());
        answer(200, Call.to("PUT /cases/{id}", id).as(unit.implementer()).header("If-Match", "\"1\"").body(form));
        answer(200, Call.to("GET /cases/{id}", id).as(unit.implementer()));
        answer(200, Call.to("GET /cases/{id}", id).as(unit.recommender()));
        answer(404, Call.to("GET /cases/{id}", id).as(unitWithImplementer("另一市科学技术协会").recommender()));
        answer(200, Call.to("GET /cases").as(unit.implementer()));
        answer(200, Call.to("GET /cases").as(unit.recommender()));
        attachPhotosAndProof(unit.implementer(), id);
        // version 2 after the edit; each attached file moves the case to a new version
        answer(200, Call.to("POST /cases/{id}/submit", id).as(unit.implementer()).header("If-Match", "\"5\""));
        assertEquals("CASE_NOT_DRAFT", errorCode(409, Call.to("DELETE /cases/{id}", id).as(unit.implementer())));
        assertEquals("CASE_READ_ONLY", errorCode(403, Call.to("PUT /cases/{id}", id).as(unit.recommender())
                .header("If-Match", "\"3\"").body(form)));

        String draft = answer(201, Call.to("POST /cases").as(unit.implementer()).header("Idempotency-Key", key())
                .body("{}")).path("id").asText();
        answer(204, Call.to("DELETE /cases/{id}", draft).as(unit.implementer()).header("If-Match", "\"1\""));
    }

    @Test
    @Order(5)
    void a2025SelectionAnswersKeepTheContract() throws Exception {
        Unit unit = unitWithImplementer("某自治区科学技术协会");
        answer(200, Call.to("POST /admin/selected-2025").as(admin).header("Content-Type", "text/csv; charset=utf-8")
                .body("案例名称,实施单位\n科普大篷车进乡村,某县科学技术协会\n"));
        answer(400, Call.to("POST /admin/selected-2025").as(admin).header("Content-Type", "text/csv; charset=utf-8")
                .body("案例名称,实施单位\n只有名称\n"));
        String id = answer(201, Call.to("POST /cases").as(unit.implementer()).header("Idempotency-Key", key())
                .body(CASE_FORM.formatted("科普大篷车进乡村", "某县科学技术协会"))).path("id").asText();

        attachPhotosAndProof(unit.implementer(), id);
        JsonNode refused = answer(409, Call.to("POST /cases/{id}/submit", id).as(unit.implementer()));
        assertEquals("SELECTED_IN_2025", refused.path("error").path("code").asText());
        assertFalse(refused.path("error").path("details").path("selected2025").isMissingNode(), refused.toString());
        answer(200, Call.to("POST /admin/cases/{id}/clear-2025-match", id).as(admin));
        answer(200, Call.to("POST /cases/{id}/submit", id).as(unit.implementer()));
    }

    @Test
    @Order(6)
    void fileAnswersKeepTheContract() throws Exception {
        Unit unit = unitWithImplementer("某州科学技术协会");
        String id = answer(201, Call.to("POST /cases").as(unit.implementer()).header("Idempotency-Key", key())
                .body(CASE_FORM.formatted("科学之夜", "某州科技馆"))).path("id").asText();
        JsonNode tooLarge = answer(400, Call.to("POST /cases/{id}/uploads", id).as(unit.implementer())
                .body("{\"kind\":\"LANDSCAPE_PHOTO\",\"fileName\":\"大.jpg\",\"size\":1048577,\"contentType\":\"image/jpeg\"}"));
        assertEquals("TOO_LARGE", tooLarge.path("error").path("fields").path(0).path("code").asText());
        answer(404, Call.to("POST /cases/{id}/uploads", id).as(account("IMPLEMENTER"))
                .body("{\"kind\":\"PICTURE\",\"fileName\":\"图.png\",\"size\":10,\"contentType\":\"image/png\"}"));

        JsonNode rejected = uploadFile(unit.implementer(), id, "LANDSCAPE_PHOTO", null, "竖的.png", "image/png",
                image("png", 300, 400), 422);
        assertEquals("WRONG_ORIENTATION", rejected.path("error").path("details").path("reason").asText());
        JsonNode picture = uploadFile(unit.implementer(), id, "PICTURE", null, "活动现场.jpg", "image/jpeg",
                image("jpg", 640, 480), 200);
        String fileId = picture.path("id").asText();
        assertEquals("UPLOAD_ALREADY_COMPLETED", errorCode(409, Call.to("POST /uploads/{id}/complete", fileId)
                .as(unit.implementer())));
        String unsent = answer(201, Call.to("POST /cases/{id}/uploads", id).as(unit.implementer())
                .body("{\"kind\":\"PICTURE\",\"fileName\":\"图.png\",\"size\":10,\"contentType\":\"image/png\"}"))
                .path("uploadId").asText();
        assertEquals("UPLOAD_NOT_RECEIVED", errorCode(409, Call.to("POST /uploads/{id}/complete", unsent)
                .as(unit.implementer())));
        assertEquals("PUT", answer(200, Call.to("POST /uploads/{id}/renew", unsent).as(unit.implementer()))
                .path("method").asText());
        assertEquals("UPLOAD_ALREADY_COMPLETED", errorCode(409, Call.to("POST /uploads/{id}/renew", fileId)
                .as(unit.implementer())));
        JsonNode video = answer(201, Call.to("POST /cases/{id}/uploads", id).as(unit.implementer()).body(
                "{\"kind\":\"VIDEO\",\"fileName\":\"宣传片.mp4\",\"size\":524288000,\"contentType\":\"video/mp4\"}"));
        assertEquals(63, video.path("parts").size());
        answer(204, Call.to("DELETE /uploads/{id}", video.path("uploadId").asText()).as(unit.implementer()));
        assertEquals("CANCELLED", answer(422, Call.to("POST /uploads/{id}/renew", video.path("uploadId").asText())
                .as(unit.implementer())).path("error").path("details").path("reason").asText());
        assertEquals(640, answer(200, Call.to("GET /cases/{id}", id).as(unit.implementer())).path("files").path(0)
                .path("width").asInt());

        answer(200, Call.to("GET /uploads/{id}", fileId).as(unit.recommender()));
        answer(404, Call.to("GET /uploads/{id}", fileId).as(unitWithImplementer("别州科学技术协会").recommender()));
        assertEquals("CASE_READ_ONLY", errorCode(403, Call.to("DELETE /uploads/{id}", fileId).as(unit.recommender())));
        answer(204, Call.to("DELETE /uploads/{id}", fileId).as(unit.implementer()));
        answer(404, Call.to("GET /uploads/{id}", fileId).as(unit.implementer()));
    }

    /** A complete case with its files, submitted to the unit. */
    private String submittedCase(Unit unit, String name) throws Exception {
        String id = answer(201, Call.to("POST /cases").as(unit.implementer()).header("Idempotency-Key", key())
                .body(CASE_FORM.formatted(name, "某市科技馆"))).path("id").asText();
        attachPhotosAndProof(unit.implementer(), id);
        answer(200, Call.to("POST /cases/{id}/submit", id).as(unit.implementer()));
        return id;
    }

    @Test
    @Order(7)
    void reviewAndQuotaAnswersKeepTheContract() throws Exception {
        Unit unit = unitWithImplementer("某地区科学技术协会");
        String first = submittedCase(unit, "科学实验季");
        String draft = answer(201, Call.to("POST /cases").as(unit.implementer()).header("Idempotency-Key", key())
                .body("{\"name\":\"草稿\"}")).path("id").asText();

        assertEquals("CASE_NOT_SUBMITTED", errorCode(409, Call.to("POST /cases/{id}/approve", draft).as(unit.recommender())));
        assertEquals("WRONG_ACCOUNT_TYPE", errorCode(403, Call.to("POST /cases/{id}/approve", first).as(unit.implementer())));
        answer(404, Call.to("POST /cases/{id}/approve", first).as(unitWithImplementer("别地区科学技术协会").recommender()));
        assertEquals("VALIDATION_FAILED", errorCode(400, Call.to("POST /cases/{id}/return", first).as(unit.recommender())
                .body("{\"reason\":\"\",\"comments\":[{\"field\":\"nope\",\"comment\":\"x\"}]}")));
        answer(200, Call.to("POST /cases/{id}/return", first).as(unit.recommender())
                .body("{\"reason\":\"成效部分缺少数据\",\"comments\":[{\"field\":\"summary\",\"comment\":\"请补充人次\"}]}"));
        String edited = CASE_FORM.formatted("科学实验季", "某市科技馆").replace("覆盖青少年3万人次", "覆盖青少年3.5万人次");
        long version = answer(200, Call.to("GET /cases/{id}", first).as(unit.implementer())).path("version").asLong();
        answer(200, Call.to("PUT /cases/{id}", first).as(unit.implementer()).header("If-Match", "\"" + version + "\"")
                .body(edited));
        answer(200, Call.to("POST /cases/{id}/submit", first).as(unit.implementer()));
        JsonNode review = answer(200, Call.to("GET /cases/{id}/review", first).as(unit.recommender()));
        assertEquals("summary", review.path("changesSinceReturn").path(0).path("field").asText(), review.toString());
        answer(200, Call.to("GET /cases/{id}/review", first).as(unit.implementer()));
        answer(200, Call.to("POST /cases/{id}/approve", first).as(unit.recommender()));

        assertEquals("CASE_NOT_APPROVED", errorCode(409, Call.to("POST /cases/{id}/recommend", draft).as(unit.recommender())));
        answer(200, Call.to("POST /cases/{id}/recommend", first).as(unit.recommender()));
        assertEquals("CASE_ALREADY_RECOMMENDED", errorCode(409, Call.to("POST /cases/{id}/recommend", first)
                .as(unit.recommender())));
        assertEquals("CASE_RECOMMENDED", errorCode(409, Call.to("POST /cases/{id}/reject", first).as(unit.recommender())
                .body("{\"reason\":\"重复\"}")));
        String second = submittedCase(unit, "科普讲座进社区");
        answer(200, Call.to("POST /cases/{id}/approve", second).as(unit.recommender()));
        answer(400, Call.to("POST /cases/{id}/recommend", second).as(unit.recommender())
                .body("{\"replaces\":\"" + second + "\"}"));
        JsonNode swapped = answer(200, Call.to("POST /cases/{id}/recommend", second).as(unit.recommender())
                .body("{\"replaces\":\"" + first + "\"}"));
        assertEquals(second, swapped.path("categories").path(0).path("cases").path(0).path("id").asText(), swapped.toString());
        answer(200, Call.to("POST /cases/{id}/recommend", first).as(unit.recommender()));
        // Two recommended in one category: the admin cannot lower that category's quota to 1.
        JsonNode below = answer(409, Call.to("PUT /campaign").as(admin).body(settings().replace("\"activityService\":3",
                "\"activityService\":1")));
        assertEquals("QUOTA_BELOW_RECOMMENDED", below.path("error").path("code").asText());
        String third = submittedCase(unit, "科学之夜");
        answer(200, Call.to("POST /cases/{id}/approve", third).as(unit.recommender()));
        answer(200, Call.to("POST /cases/{id}/recommend", third).as(unit.recommender()));
        String fourth = submittedCase(unit, "科普市集");
        answer(200, Call.to("POST /cases/{id}/approve", fourth).as(unit.recommender()));
        JsonNode full = answer(409, Call.to("POST /cases/{id}/recommend", fourth).as(unit.recommender()));
        assertEquals("科普活动服务类已推荐3个，已达上限；两类合计还可推荐3个", full.path("error").path("message").asText());

        answer(200, Call.to("DELETE /cases/{id}/recommend", first).as(unit.recommender()));
        assertEquals("CASE_NOT_RECOMMENDED", errorCode(409, Call.to("DELETE /cases/{id}/recommend", first)
                .as(unit.recommender())));
        answer(200, Call.to("POST /cases/{id}/reject", first).as(unit.recommender()).body("{\"reason\":\"与第二个重复\"}"));
        JsonNode quota = answer(200, Call.to("GET /units/me/quota").as(unit.recommender()));
        assertEquals(2, quota.path("total").path("used").asInt(), quota.toString());
        JsonNode page = answer(200, Call.to("GET /units/me/cases").as(unit.recommender()).query("status=RECOMMENDED&limit=1"));
        assertEquals(2, page.path("matching").asInt(), page.toString());
        answer(200, Call.to("GET /units/me/cases").as(unit.recommender()).query("cursor=" + page.path("nextCursor").asText()
                + "&limit=1&status=RECOMMENDED"));
        answer(400, Call.to("GET /units/me/cases").as(unit.recommender()).query("status=DRAFT&limit=0"));
        answer(404, Call.to("GET /units/me/quota").as(account("RECOMMENDER")));
        recommending = unit;
        recommendedCase = second;
    }

    /** A file the unit sends back: its name, type and bytes. */
    private record Scan(String fileName, String contentType, byte[] bytes) {
    }

    /**
     * The sheet as a unit sends it back, printed and scanned at 150 dpi: one page as a JPEG, more
     * pages as one PDF of the page images (as the contract asks of a sheet of several pages).
     */
    private static Scan scanned(byte[] pdf) throws IOException {
        try (PDDocument sheet = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(sheet);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (sheet.getNumberOfPages() == 1) {
                ImageIO.write(renderer.renderImageWithDPI(0, 150, ImageType.RGB), "jpg", out);
                return new Scan("推荐汇总表（盖章）.jpg", "image/jpeg", out.toByteArray());
            }
            try (PDDocument scan = new PDDocument()) {
                for (int i = 0; i < sheet.getNumberOfPages(); i++) {
                    PDRectangle size = sheet.getPage(i).getMediaBox();
                    PDPage page = new PDPage(size);
                    scan.addPage(page);
                    try (PDPageContentStream content = new PDPageContentStream(scan, page)) {
                        content.drawImage(JPEGFactory.createFromImage(scan, renderer.renderImageWithDPI(i, 150, ImageType.RGB)),
                                0, 0, size.getWidth(), size.getHeight());
                    }
                }
                scan.save(out);
            }
            return new Scan("推荐汇总表（盖章）.pdf", "application/pdf", out.toByteArray());
        }
    }

    private byte[] download(JsonNode link) throws Exception {
        HttpResponse<byte[]> got = http.send(HttpRequest.newBuilder(URI.create(link.path("url").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, got.statusCode(), link.toString());
        return got.body();
    }

    private static String scanAsk(String fileName, long size, String contentType) {
        return "{\"kind\":\"STAMPED_SUMMARY\",\"fileName\":\"" + fileName + "\",\"size\":" + size
                + ",\"contentType\":\"" + contentType + "\"}";
    }

    private static String scanId(String id) {
        return "{\"scanId\":\"" + id + "\"}";
    }

    @Test
    @Order(8)
    void summaryAnswersKeepTheContract() throws Exception {
        Unit unit = recommending;
        Unit other = unitWithImplementer("某计划单列市科学技术协会");
        // First what needs no sheet rendered: refusals, and the ladder before any sheet.
        assertEquals("NOTHING_RECOMMENDED", errorCode(409, Call.to("POST /units/me/summary").as(other.recommender())));
        assertEquals("NO_CASES", answer(200, Call.to("GET /units/me/summary").as(other.recommender()))
                .path("status").asText());
        assertEquals("WRONG_ACCOUNT_TYPE", errorCode(403, Call.to("POST /units/me/summary").as(unit.implementer())));
        assertEquals("SUMMARY_NOT_GENERATED", errorCode(409, Call.to("POST /units/me/summary/scan").as(unit.recommender())
                .body(scanAsk("汇总表.pdf", 1000, "application/pdf"))));
        JsonNode tooLarge = answer(400, Call.to("POST /units/me/summary/scan").as(unit.recommender())
                .body(scanAsk("汇总表.pdf", 20_971_521, "application/pdf")));
        assertEquals("TOO_LARGE", tooLarge.path("error").path("fields").path(0).path("code").asText(), tooLarge.toString());
        assertEquals("NOT_FOUND", errorCode(404, Call.to("POST /units/me/summary/stamped").as(unit.recommender())
                .body(scanId("K" + "0".repeat(32)))));
        JsonNode before = answer(200, Call.to("GET /units/me/summary").as(unit.recommender()));
        assertEquals("RECOMMENDED", before.path("status").asText(), before.toString());
        assertEquals(2, before.path("recommended").asInt(), before.toString());
        String unitId = before.path("unitId").asText();
        assertEquals("ADMIN_ONLY", errorCode(403, Call.to("GET /admin/units/{id}/summary", unitId).as(unit.recommender())));
        assertEquals("NOT_FOUND", errorCode(404, Call.to("GET /admin/units/{id}/summary", "no-such-unit").as(admin)));
        answer(200, Call.to("GET /admin/units/{id}/summary", unitId).as(admin));
        answer(404, Call.to("GET /cases/{id}/sheet", recommendedCase).as(other.recommender()));
        answer(404, Call.to("GET /cases/{id}/sheet", recommendedCase).as(other.implementer()));

        // From here the sheets are rendered.
        JsonNode caseSheet = answer(200, Call.to("GET /cases/{id}/sheet", recommendedCase).as(unit.implementer()));
        assertEquals(recommendedCase, caseSheet.path("caseId").asText(), caseSheet.toString());
        answer(200, Call.to("GET /cases/{id}/sheet", recommendedCase).as(unit.recommender()));
        JsonNode generated = answer(200, Call.to("POST /units/me/summary").as(unit.recommender()));
        assertEquals("AWAITING_STAMP", generated.path("status").asText(), generated.toString());
        JsonNode sheet = generated.path("sheet");
        String code = sheet.path("verificationCode").asText();
        assertEquals(code, answer(200, Call.to("POST /units/me/summary").as(unit.recommender()))
                .path("sheet").path("verificationCode").asText(), "nothing changed: the same sheet");
        assertTrue(answer(200, Call.to("GET /units/me/summary").as(unit.recommender())).path("sheet").path("current")
                .asBoolean());

        JsonNode unsent = answer(201, Call.to("POST /units/me/summary/scan").as(unit.recommender())
                .body(scanAsk("汇总表.pdf", 1000, "application/pdf")));
        assertEquals(code, unsent.path("verificationCode").asText(), unsent.toString());
        assertEquals("UPLOAD_NOT_RECEIVED", errorCode(409, Call.to("POST /units/me/summary/stamped").as(unit.recommender())
                .body(scanId(unsent.path("scanId").asText()))));

        // The stamp: the sheet's PDF printed and scanned, sent straight to S3 as signed, then confirmed.
        Scan scan = scanned(download(sheet.path("pdf")));
        JsonNode signed = answer(201, Call.to("POST /units/me/summary/scan").as(unit.recommender())
                .body(scanAsk(scan.fileName(), scan.bytes().length, scan.contentType())));
        HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(signed.path("url").asText()))
                .header("Content-Type", signed.path("headers").path("Content-Type").asText())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(scan.bytes())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, sent.statusCode(), sent.body());
        JsonNode complete = answer(200, Call.to("POST /units/me/summary/stamped").as(unit.recommender())
                .body(scanId(signed.path("scanId").asText())));
        assertEquals("COMPLETE", complete.path("status").asText(), complete.toString());
        assertTrue(complete.path("scan").path("codeRead").asBoolean(), complete.toString());
        assertEquals(code, complete.path("receipt").path("verificationCode").asText(), complete.toString());
        assertEquals("COMPLETE", answer(200, Call.to("GET /admin/units/{id}/summary", unitId).as(admin))
                .path("status").asText());
    }

    @Test
    @Order(99)
    void everyOperationOfTheContractWasAnsweredAndChecked() {
        assertEquals(contract.routes().keySet(), answered);
    }
}

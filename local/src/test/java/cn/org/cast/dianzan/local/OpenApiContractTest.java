package cn.org.cast.dianzan.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.ProjectHome;
import java.net.http.HttpHeaders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The contract check that OpenApiResponsesIT relies on refuses what openapi.yaml does not allow. */
class OpenApiContractTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.load(ProjectHome.locate().resolve("openapi.yaml"));
    private static final String CAMPAIGN = """
            {"id":"2026","name":"2026年度征集","registrationOpensAt":"2026-06-16T16:00:00Z",
             "registrationOpensAtChina":"2026-06-17T00:00:00+08:00","submissionClosesAt":"2026-06-30T16:00:00Z",
             "submissionClosesAtChina":"2026-07-01T00:00:00+08:00","lastSubmissionDay":"2026-06-30","phase":"OPEN",
             "secondsLeft":0,"quotas":{"activityService":3,"venueBuilding":3,"total":6},"version":1,
             "serverTime":"2026-06-30T15:59:59.5Z"}""";
    private static final Map<String, String> JSON_WITH_ETAG =
            Map.of("Content-Type", "application/json; charset=utf-8", "ETag", "\"1\"");

    private static OpenApiContract.Answer answer(int status, Map<String, String> headers, String body) {
        Map<String, List<String>> multi = new HashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new OpenApiContract.Answer(status, HttpHeaders.of(multi, (name, value) -> true), body);
    }

    private static List<String> campaignViolations(Map<String, String> headers, String body) {
        return CONTRACT.violations("GET /campaign", answer(200, headers, body));
    }

    @Test
    void anAnswerAsDeclaredHasNoViolation() {
        assertEquals(List.of(), campaignViolations(JSON_WITH_ETAG, CAMPAIGN));
    }

    @ParameterizedTest(name = "caught: {0}")
    @CsvSource(delimiter = '|', value = {
        "a required property missing  | \"phase\":\"OPEN\",            |                                  | phase",
        "a property not declared      | \"version\":1,                 | \"version\":1,\"extra\":true,    | extra",
        "a value outside the enum     | \"phase\":\"OPEN\"             | \"phase\":\"PAUSED\"             | enumeration",
        "a wrong type                 | \"version\":1                  | \"version\":\"1\"                | integer",
        "a date-time that is not one  | 2026-06-30T15:59:59.5Z         | 30/06/2026                       | date-time",
        "a nested object wrong        | \"total\":6                    | \"total\":6,\"extra\":1          | extra",
    })
    void aBodyTheSchemaRefusesIsAViolation(String what, String from, String to, String expected) {
        assertTrue(CAMPAIGN.contains(from), what);
        List<String> violations = campaignViolations(JSON_WITH_ETAG, CAMPAIGN.replace(from, to == null ? "" : to));
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)), what + ": " + violations);
    }

    @Test
    void aMissingRequiredHeaderIsAViolation() {
        List<String> violations = campaignViolations(Map.of("Content-Type", "application/json"), CAMPAIGN);
        assertEquals(List.of("GET /campaign 200: required header ETag is missing"), violations);
    }

    @Test
    void aHeaderItsSchemaRefusesIsAViolation() {
        List<String> violations = campaignViolations(Map.of("Content-Type", "application/json", "ETag", "W/1"), CAMPAIGN);
        assertTrue(violations.size() == 1 && violations.get(0).contains("header ETag"), violations.toString());
    }

    @Test
    void anUndeclaredContentTypeIsAViolation() {
        List<String> violations = campaignViolations(Map.of("Content-Type", "text/html", "ETag", "\"1\""), CAMPAIGN);
        assertTrue(violations.size() == 1 && violations.get(0).contains("text/html"), violations.toString());
    }

    @Test
    void anUndeclaredStatusIsAViolation() {
        List<String> violations = CONTRACT.violations("GET /campaign", answer(418, Map.of(), ""));
        assertTrue(violations.size() == 1 && violations.get(0).contains("does not declare"), violations.toString());
    }

    @Test
    void anErrorCodeOfAnotherStatusIsAViolation() {
        String notFound = "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"请求的内容不存在\",\"requestId\":\"r-1\"}}";
        Map<String, String> json = Map.of("Content-Type", "application/json; charset=utf-8");

        assertEquals(List.of(), CONTRACT.violations("GET /cases/{id}", answer(404, json, notFound)));
        assertTrue(CONTRACT.violations("PUT /cases/{id}", answer(409, json, notFound)).stream()
                .anyMatch(v -> v.contains("enumeration")));
    }

    @Test
    void bothShapesOfA401AreDeclaredAndNothingElse() {
        Map<String, String> json = Map.of("Content-Type", "application/json");
        String unauthenticated = "{\"error\":{\"code\":\"UNAUTHENTICATED\",\"message\":\"请先登录\",\"requestId\":\"r-2\"}}";

        assertEquals(List.of(), CONTRACT.violations("GET /me", answer(401, json, "{\"message\":\"Unauthorized\"}")));
        assertEquals(List.of(), CONTRACT.violations("GET /me", answer(401, json, unauthenticated)));
        assertFalse(CONTRACT.violations("GET /me", answer(401, json, "{\"message\":\"Unauthorized\",\"x\":1}")).isEmpty());
    }

    @Test
    void aRouteTheContractDoesNotNameIsAViolation() {
        assertEquals(List.of("GET /campaigns is not in the contract"),
                CONTRACT.violations("GET /campaigns", answer(200, JSON_WITH_ETAG, CAMPAIGN)));
    }

    @Test
    void aDocumentSwaggerParserFindsFaultWithIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> OpenApiContract.parse("openapi: 3.1.0\ninfo: {}\npaths: 7\n"));
    }
}

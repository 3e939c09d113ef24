package cn.org.cast.dianzan.notify;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

class AwsJsonEndpointTest {

    private final AwsStandIn aws = new AwsStandIn();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static JsonNode tree(byte[] body) throws IOException {
        return Signing.JSON.readValue(body, io.micronaut.core.type.Argument.of(JsonNode.class));
    }

    @Test
    void aRestJsonCallIsSentAsMethodPathAndJsonSignedForTheServiceAndRegion() throws IOException {
        // GIVEN an endpoint standing in for SES v2 in eu-central-1
        aws.answer(AwsStandIn.Answer.json(200, "{\"MessageId\":\"m-1\"}"));
        AwsJsonEndpoint ses = Signing.endpoint(aws.endpoint(), "ses", "eu-central-1");

        // WHEN an operation is called
        JsonNode answer = ses.restJson(SdkHttpMethod.POST, "/v2/email/outbound-emails", Map.of("Subject", "主题"), JsonNode.class);

        // THEN it arrived as REST-JSON, signed with SigV4 under ses/eu-central-1 at the clock's time
        AwsStandIn.Received request = aws.only();
        SigV4.Authorization auth = SigV4.Authorization.parse(request.header("Authorization"));
        assertAll(
                () -> assertEquals("m-1", answer.get("MessageId").getStringValue()),
                () -> assertEquals("POST", request.method()),
                () -> assertEquals("/v2/email/outbound-emails", request.path()),
                () -> assertEquals("application/json", request.header("Content-Type")),
                () -> assertNull(request.header("X-Amz-Target")),
                () -> assertEquals("主题", tree(request.body()).get("Subject").getStringValue()),
                () -> assertEquals("20261129T050607Z", request.header("X-Amz-Date")),
                () -> assertEquals(Signing.ACCESS_KEY_ID, auth.accessKeyId()),
                () -> assertEquals("20261129", auth.date()),
                () -> assertEquals("eu-central-1", auth.region()),
                () -> assertEquals("ses", auth.service()),
                () -> assertTrue(Arrays.asList(auth.signedHeaders()).containsAll(List.of("content-type", "host", "x-amz-date")),
                        String.join(";", auth.signedHeaders())),
                () -> assertTrue(SigV4.verifies(request, Signing.SECRET_ACCESS_KEY), "signature does not verify"));
    }

    @Test
    void aJson11CallPostsToTheRootWithItsTargetSignedAmongTheHeaders() throws IOException {
        aws.answer(AwsStandIn.Answer.json(200, "{\"KeyId\":\"k-1\"}"));
        AwsJsonEndpoint kms = Signing.endpoint(aws.endpoint(), "kms", "cn-north-1");

        kms.json11("TrentService.GetPublicKey", Map.of("KeyId", "alias/dianzan"), JsonNode.class);

        AwsStandIn.Received request = aws.only();
        SigV4.Authorization auth = SigV4.Authorization.parse(request.header("Authorization"));
        assertAll(
                () -> assertEquals("POST", request.method()),
                () -> assertEquals("/", request.path()),
                () -> assertEquals("application/x-amz-json-1.1", request.header("Content-Type")),
                () -> assertEquals("TrentService.GetPublicKey", request.header("X-Amz-Target")),
                () -> assertTrue(Arrays.asList(auth.signedHeaders()).contains("x-amz-target")),
                () -> assertEquals("kms", auth.service()),
                () -> assertEquals("cn-north-1", auth.region()),
                () -> assertEquals("alias/dianzan", tree(request.body()).get("KeyId").getStringValue()),
                () -> assertTrue(SigV4.verifies(request, Signing.SECRET_ACCESS_KEY), "signature does not verify"));
    }

    @Test
    void theVerifierRejectsAChangedBodyOrAnotherSecret() {
        Signing.endpoint(aws.endpoint(), "kms", "cn-north-1").json11("TrentService.Sign", Map.of("KeyId", "k"), Void.class);
        AwsStandIn.Received request = aws.only();

        assertTrue(SigV4.verifies(request, Signing.SECRET_ACCESS_KEY));
        assertFalse(SigV4.verifies(SigV4.tampered(request), Signing.SECRET_ACCESS_KEY));
        assertFalse(SigV4.verifies(request, "another-secret"));
    }

    @Test
    void lambdaSessionCredentialsSendTheirTokenSigned() {
        AwsJsonEndpoint kms = Signing.endpoint(aws.endpoint(), "kms", "cn-northwest-1",
                StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIATEST", "session-secret", "token-123")));

        kms.json11("TrentService.Sign", Map.of(), Void.class);

        AwsStandIn.Received request = aws.only();
        assertEquals("token-123", request.header("X-Amz-Security-Token"));
        assertTrue(Arrays.asList(SigV4.Authorization.parse(request.header("Authorization")).signedHeaders())
                .contains("x-amz-security-token"));
        assertTrue(SigV4.verifies(request, "session-secret"));
    }

    @Test
    void aJson11ErrorCarriesTheTypeWithoutItsNamespace() {
        aws.answer(AwsStandIn.Answer.json(400,
                "{\"__type\":\"com.amazonaws.kms#NotFoundException\",\"message\":\"Key 'alias/x' does not exist\"}"));

        AwsCallException e = assertThrows(AwsCallException.class, () ->
                Signing.endpoint(aws.endpoint(), "kms", "cn-north-1").json11("TrentService.Sign", Map.of(), Void.class));

        assertEquals("NotFoundException", e.errorType());
        assertEquals(400, e.statusCode());
        assertEquals("kms TrentService.Sign", e.service());
        assertTrue(e.getMessage().contains("Key 'alias/x' does not exist"), e.getMessage());
    }

    @Test
    void aRestJsonErrorTakesTheTypeFromItsHeaderAndMasksTheAddressesInTheMessage() {
        aws.answer(new AwsStandIn.Answer(400, Map.of("x-amzn-ErrorType",
                "MessageRejected:http://internal.amazon.com/coral/com.amazonaws.sesv2/", "Content-Type", "application/json"),
                "{\"message\":\"Email address is not verified. The following identities failed the check in region "
                        + "EU-CENTRAL-1: zhang.san@example.cn\"}"));

        AwsCallException e = assertThrows(AwsCallException.class, () -> Signing.endpoint(aws.endpoint(), "ses", "eu-central-1")
                .restJson(SdkHttpMethod.POST, "/v2/email/outbound-emails", Map.of(), Void.class));

        assertEquals("MessageRejected", e.errorType());
        assertFalse(e.getMessage().contains("zhang.san@example.cn"), e.getMessage());
        assertTrue(e.getMessage().contains("z***@example.cn"), e.getMessage());
    }

    @Test
    void anErrorPageThatIsNotJsonStillFailsWithItsStatus() {
        aws.answer(new AwsStandIn.Answer(502, Map.of("Content-Type", "text/html"), "<html>Bad Gateway</html>"));

        AwsCallException e = assertThrows(AwsCallException.class, () ->
                Signing.endpoint(aws.endpoint(), "kms", "cn-north-1").json11("TrentService.Sign", Map.of(), Void.class));

        assertEquals(502, e.statusCode());
        assertEquals("ServiceUnavailable", e.errorType());
    }

    @Test
    void anEndpointThatDoesNotAnswerFailsWithNoStatus() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        AwsCallException e = assertThrows(AwsCallException.class, () -> Signing.endpoint(
                URI.create("http://127.0.0.1:" + closedPort), "kms", "cn-north-1").json11("TrentService.Sign", Map.of(), Void.class));

        assertEquals(0, e.statusCode());
    }

    @Test
    void theSdksMetadataGivesChinaEndpointsUnderAmazonawsComCn() {
        assertEquals(URI.create("https://secretsmanager.cn-north-1.amazonaws.com.cn"),
                AwsJsonEndpoint.endpointFor("secretsmanager", Region.CN_NORTH_1));
        assertEquals(URI.create("https://kms.cn-northwest-1.amazonaws.com.cn"),
                AwsJsonEndpoint.endpointFor("kms", Region.CN_NORTHWEST_1));
        assertEquals(URI.create("https://email.eu-central-1.amazonaws.com"),
                AwsJsonEndpoint.endpointFor(SesMailer.ENDPOINT_PREFIX, Region.EU_CENTRAL_1));
    }

    @Test
    void namespacedErrorTypesAreReducedToTheirName() {
        assertEquals("ThrottlingException", AwsJsonEndpoint.bareErrorType("com.amazonaws.kms#ThrottlingException"));
        assertEquals("MessageRejected", AwsJsonEndpoint.bareErrorType("MessageRejected:http://internal.amazon.com/coral/x/"));
        assertEquals("ResourceNotFoundException", AwsJsonEndpoint.bareErrorType("ResourceNotFoundException"));
    }
}

package cn.org.cast.dianzan.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens signed by a KMS key, against a stand-in for KMS on loopback that speaks its JSON 1.1 protocol
 * (GetPublicKey, Sign with RSASSA_PKCS1_V1_5_SHA_256 over the raw message) with a key it holds: the
 * private key never reaches our code, and the token verifies with the public key KMS gave.
 */
class KmsKeysTest {

    private static final String ARN = "arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer kms;
    private KeyPair pair;
    private String keySpec = "RSA_2048";
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private ApplicationContext context;

    @BeforeEach
    void standIn() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        pair = generator.generateKeyPair();
        kms = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        kms.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request);
            byte[] answer;
            try {
                answer = switch (target) {
                    case "TrentService.GetPublicKey" -> JSON.writeValueAsBytes(Map.of("KeyId", ARN, "KeySpec", keySpec,
                            "KeyUsage", "SIGN_VERIFY", "PublicKey", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())));
                    case "TrentService.Sign" -> {
                        Signature rsa = Signature.getInstance("SHA256withRSA");
                        rsa.initSign(pair.getPrivate());
                        rsa.update(Base64.getDecoder().decode(request.path("Message").asText()));
                        yield JSON.writeValueAsBytes(Map.of("KeyId", ARN, "SigningAlgorithm", "RSASSA_PKCS1_V1_5_SHA_256",
                                "Signature", Base64.getEncoder().encodeToString(rsa.sign())));
                    }
                    default -> throw new IllegalStateException(target);
                };
            } catch (Exception e) {
                answer = e.toString().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(500, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        kms.start();
        context = ApplicationContext.builder().properties(Map.of("dianzan.aws.region", "cn-north-1",
                "dianzan.aws.kms-endpoint", "http://127.0.0.1:" + kms.getAddress().getPort(),
                "dianzan.aws.access-key-id", "AKIDEXAMPLE", "dianzan.aws.secret-access-key", "secret",
                "dianzan.tables.main", "t", "dianzan.tables.audit", "a", "dianzan.buckets.media", "m")).start();
    }

    @AfterEach
    void stop() {
        context.close();
        kms.stop(0);
    }

    @Test
    void anAccessTokenSignedInKmsVerifiesWithThePublicKeyKmsGives() throws Exception {
        SigningKey key = context.getBean(KmsKeys.class).key("alias/dianzan/token-signing");
        AccessTokens tokens = new AccessTokens("https://api.dzkpzg.example.cn", "dianzan", key, List.of(), Clock.systemUTC());
        Instant now = Instant.now();
        String token = tokens.issue(new Account("A1", AccountType.RECOMMENDER, "P1", now, 1),
                new Person("P1", "A1", "a@b.cn", "王", "13900000000", "$argon2id$", Person.Status.ACTIVE, now, Instant.EPOCH,
                        null, -1));

        SignedJWT jwt = SignedJWT.parse(token);
        assertTrue(jwt.verify(new RSASSAVerifier((java.security.interfaces.RSAPublicKey) pair.getPublic())));
        assertEquals(SigningKey.keyIdOf((java.security.interfaces.RSAPublicKey) pair.getPublic()), jwt.getHeader().getKeyID());
        JsonNode sign = requests.get(1);
        assertEquals(ARN, sign.path("KeyId").asText(), "signs with the key's ARN as KMS named it");
        assertEquals("RAW", sign.path("MessageType").asText());
        assertEquals("RSASSA_PKCS1_V1_5_SHA_256", sign.path("SigningAlgorithm").asText());
        assertTrue(authorizations.stream().allMatch(a -> a.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                && a.contains("/cn-north-1/kms/aws4_request")), authorizations.toString());
    }

    @Test
    void aKeyThatCannotMakeRs256IsRefusedAtStart() {
        keySpec = "ECC_NIST_P256";
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> context.getBean(KmsKeys.class).key("alias/wrong"));
        assertTrue(e.getMessage().contains("RSA_2048"), e.getMessage());
    }
}

package cn.org.cast.dianzan.functions.accounts;

import static cn.org.cast.dianzan.testing.Answers.body;
import static cn.org.cast.dianzan.testing.HttpEvents.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.junit.AwsEnginesExtension;
import cn.org.cast.dianzan.engines.junit.AwsResources;
import cn.org.cast.dianzan.testing.Answers;
import cn.org.cast.dianzan.testing.FakeLambdaContext;
import cn.org.cast.dianzan.testing.SampleEvents;
import cn.org.cast.dianzan.testing.SampleEventsContract;
import cn.org.cast.dianzan.testing.TestContexts;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every sample of events/accounts gets the answer its name promises. */
@ExtendWith(AwsEnginesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsEventsIT implements SampleEventsContract {

    private final AwsResources aws;
    private AccountsHandler handler;

    AccountsEventsIT(AwsResources aws) {
        this.aws = aws;
    }

    /** The sign-in sample's unit, whose password the sample carries (bench/runner's Seeds stores the same account). */
    private static final String SIGNED_UP = "unit-a@sample.dianzan.local";
    private static final String SIGNED_UP_PASSWORD = "推荐单位的密码-2026年";

    @BeforeAll
    void start() {
        handler = new AccountsHandler(TestContexts.against(aws, TestContexts.fixedAt("2026-06-20T10:00:00+08:00")));
        // The sign-in sample's account, registered and verified as a unit would, the code read from its mail.
        assertEquals(202, handler.handleRequest(request("POST", "/accounts/register").body(Answers.json(Map.of(
                "email", SIGNED_UP, "password", SIGNED_UP_PASSWORD, "accountType", "RECOMMENDER",
                "contactName", "王老师", "mobile", "13912345678"))).build(), new FakeLambdaContext()).getStatusCode());
        Matcher code = Pattern.compile("(\\d{6})").matcher(aws.engines().greenMail()
                .awaitMessages(SIGNED_UP, 1, Duration.ofSeconds(10)).get(0).subject());
        assertTrue(code.find(), "a code in the subject");
        assertEquals(201, handler.handleRequest(request("POST", "/accounts/verify").body(Answers.json(Map.of(
                "email", SIGNED_UP, "code", code.group(1), "password", SIGNED_UP_PASSWORD))).build(),
                new FakeLambdaContext()).getStatusCode());
    }

    @AfterAll
    void stop() {
        handler.close();
    }

    @Override
    public SampleEvents samples() {
        return SampleEvents.in("accounts")
                .answers("get-openid-configuration", 200, "the issuer and its JWKS", this::theIssuerAndItsJwks)
                .answers("get-jwks", 200, "one RS256 public key", this::oneRsaPublicKey)
                .answers("register", 202, "a code mailed to the address", this::aCodeMailed)
                .fails("register-weak-password", 400, "VALIDATION_FAILED")
                .fails("verify-code-never-sent", 410, "VERIFICATION_CODE_EXPIRED")
                .answers("sign-in", 200, "tokens for the registered unit", this::tokensForTheUnit)
                .fails("sign-in-unknown-address", 401, "INVALID_CREDENTIALS")
                .fails("refresh-forged", 401, "REFRESH_TOKEN_INVALID")
                .fails("invite-admin-by-unit", 403, "ADMIN_ONLY");
    }

    @Override
    public AccountsHandler handler() {
        return handler;
    }

    private void theIssuerAndItsJwks(APIGatewayV2HTTPResponse response) {
        assertEquals(TestContexts.TEST_ISSUER, body(response).get("issuer"));
        assertEquals(TestContexts.TEST_ISSUER + "/.well-known/jwks.json", body(response).get("jwks_uri"));
    }

    @SuppressWarnings("unchecked")
    private void oneRsaPublicKey(APIGatewayV2HTTPResponse response) {
        List<Map<String, Object>> keys = (List<Map<String, Object>>) body(response).get("keys");
        assertEquals(1, keys.size());
        assertEquals("RSA", keys.get(0).get("kty"));
        assertEquals("RS256", keys.get(0).get("alg"));
        assertTrue(!keys.get(0).containsKey("d"), "no private part");
    }

    @SuppressWarnings("unchecked")
    private void tokensForTheUnit(APIGatewayV2HTTPResponse response) {
        assertEquals("Bearer", body(response).get("tokenType"));
        assertTrue(((String) body(response).get("refreshToken")).startsWith("rt1."));
        Map<String, Object> person = (Map<String, Object>) ((Map<String, Object>) body(response).get("account")).get("person");
        assertEquals(SIGNED_UP, person.get("email"));
    }

    private void aCodeMailed(APIGatewayV2HTTPResponse response) {
        assertEquals("k***@sample.dianzan.local", body(response).get("sentTo"));
        assertTrue(aws.engines().greenMail().awaitMessages("kepu@sample.dianzan.local", 1, Duration.ofSeconds(10))
                .get(0).subject().contains("邮箱验证码"));
    }
}

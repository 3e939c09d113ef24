package cn.org.cast.dianzan.functions.accounts;

import static cn.org.cast.dianzan.testing.Answers.body;
import static cn.org.cast.dianzan.testing.Answers.errorCode;
import static cn.org.cast.dianzan.testing.HttpEvents.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.accounts.AdminAccounts;
import cn.org.cast.dianzan.accounts.EmailCodes;
import cn.org.cast.dianzan.accounts.SignInGuard;
import cn.org.cast.dianzan.accounts.Totp;
import cn.org.cast.dianzan.core.audit.AuditLog;
import cn.org.cast.dianzan.engines.GreenMailServer;
import cn.org.cast.dianzan.engines.junit.AwsEnginesExtension;
import cn.org.cast.dianzan.engines.junit.AwsResources;
import cn.org.cast.dianzan.testing.FakeLambdaContext;
import cn.org.cast.dianzan.testing.HttpEvents;
import cn.org.cast.dianzan.testing.TestContexts;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Accounts through the accounts function, on dynalite and GreenMail: every code is read from the mail
 * that was actually sent. The clock is one the test moves, for expiry and lockout windows.
 */
@ExtendWith(AwsEnginesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsIT {

    private static final String PASSWORD = "推荐单位的密码-2026年";
    private static final Pattern CODE = Pattern.compile("(\\d{6})");
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final AwsResources aws;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-06-20T02:00:00Z"));
    private ApplicationContext context;
    private AccountsHandler handler;
    private GreenMailServer mail;
    private String adminEmail;
    private cn.org.cast.dianzan.accounts.AccountViews.AdminEnrolment admin;

    AccountsIT(AwsResources aws) {
        this.aws = aws;
    }

    @BeforeAll
    void start() {
        // Argon2id at its lightest here: the cost itself is measured by bin/bench-accounts, not by this test.
        context = TestContexts.against(aws, clock, Map.of("dianzan.accounts.argon2.memory-kib", 1024,
                "dianzan.accounts.argon2.iterations", 1));
        handler = new AccountsHandler(context);
        mail = aws.engines().greenMail();
        adminEmail = address("admin");
        admin = context.getBean(AdminAccounts.class).bootstrap(adminEmail, "王管理员", "13800000000", PASSWORD);
    }

    @AfterAll
    void stop() {
        handler.close();
    }

    // ---- registration ------------------------------------------------------------------------------------

    @Test
    void aUnitRegistersVerifiesWithTheMailedCodeAndIsSignedIn() throws Exception {
        String email = address("unit");
        APIGatewayV2HTTPResponse registered = register(email, "RECOMMENDER");
        assertEquals(202, registered.getStatusCode(), registered.getBody());
        assertEquals(email.charAt(0) + "***@test.dianzan.local", body(registered).get("sentTo"));

        GreenMailServer.ReceivedMail sent = lastMail(email);
        assertTrue(sent.subject().contains("邮箱验证码"), sent.subject());
        assertTrue(sent.text().contains(code(email)) && sent.html().contains(code(email)), "text and HTML both carry the code");

        APIGatewayV2HTTPResponse verified = verify(email, code(email));
        assertEquals(201, verified.getStatusCode(), verified.getBody());
        Map<String, String> claims = claims(token(verified));
        assertEquals("RECOMMENDER", claims.get("account_type"));
        assertEquals(nested(verified, "account", "accountId"), claims.get("sub"));
        assertEquals(nested(verified, "account", "person", "personId"), claims.get("person"));
        assertEquals("200", String.valueOf(call(request("GET", "/accounts/me").as(claims)).getStatusCode()));
        // the code was used once: it does not work again
        assertEquals("VERIFICATION_CODE_EXPIRED", errorCode(verify(email, code(email))));
    }

    @Test
    void registeringAKnownAddressAnswersTheSameAndMailsANoticeInsteadOfACode() {
        String email = registeredUnit("IMPLEMENTER").email();
        APIGatewayV2HTTPResponse again = register(email, "RECOMMENDER");
        assertEquals(202, again.getStatusCode());
        assertTrue(lastMail(email).subject().contains("该邮箱已注册"), lastMail(email).subject());
        // the notice carries no code, so the registration cannot be completed by anyone
        assertFalse(CODE.matcher(lastMail(email).subject()).find());
    }

    @Test
    void badRegistrationsAreRefusedFieldByFieldAndCreateNothing() {
        String email = address("bad");
        APIGatewayV2HTTPResponse response = call(request("POST", "/accounts/register").body(json(Map.of(
                "email", "not-an-address", "password", "1234567890", "accountType", "ADMIN", "contactName", "王",
                "mobile", "010-1234"))));
        assertEquals(400, response.getStatusCode());
        java.util.Set<String> fields = cn.org.cast.dianzan.testing.Answers.fieldCodes(response);
        assertTrue(fields.containsAll(List.of("email:INVALID_EMAIL", "accountType:UNKNOWN_VALUE")), fields.toString());
        assertTrue(fields.stream().anyMatch(f -> f.startsWith("mobile:")), fields.toString());
        APIGatewayV2HTTPResponse weak = register(email, "RECOMMENDER", "password123");
        assertEquals(400, weak.getStatusCode());
        assertEquals(java.util.Set.of("password:WEAK_PASSWORD"), cn.org.cast.dianzan.testing.Answers.fieldCodes(weak));
        assertTrue(mail.messages(email).isEmpty(), "nothing was mailed");
    }

    @Test
    void aWrongCodeCountsDownItsTriesThenTheCodeIsGoneAndAnExpiredOneIsRefused() {
        String email = address("tries");
        register(email, "IMPLEMENTER");
        String right = code(email);
        String wrong = right.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 1; left--) {
            APIGatewayV2HTTPResponse response = verify(email, wrong);
            assertEquals(400, response.getStatusCode());
            assertEquals("VERIFICATION_CODE_INVALID", errorCode(response));
            assertEquals(left, ((Number) detail(response, "triesLeft")).intValue());
        }
        assertEquals("VERIFICATION_CODE_EXPIRED", errorCode(verify(email, wrong)));
        assertEquals(410, verify(email, right).getStatusCode(), "the fifth wrong try used the code up");

        String late = address("late");
        register(late, "IMPLEMENTER");
        clock.advance(Duration.ofMinutes(16));
        assertEquals("VERIFICATION_CODE_EXPIRED", errorCode(verify(late, code(late))));
    }

    @Test
    void codesCannotBeRequestedFasterThanOneAMinuteOrFiveAnHour() {
        String email = address("often");
        register(email, "IMPLEMENTER");
        APIGatewayV2HTTPResponse tooSoon = call(request("POST", "/accounts/verify/resend").body(json(Map.of("email", email))));
        assertEquals(429, tooSoon.getStatusCode());
        assertEquals("TOO_MANY_CODES", errorCode(tooSoon));
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(61));
            assertEquals(202, call(request("POST", "/accounts/verify/resend").body(json(Map.of("email", email)))).getStatusCode());
        }
        clock.advance(Duration.ofSeconds(61));
        assertEquals(429, call(request("POST", "/accounts/verify/resend").body(json(Map.of("email", email)))).getStatusCode());
        assertEquals(5, mail.messages(email).size());
        // the newest code works
        assertEquals(201, verify(email, code(email)).getStatusCode());
    }

    @Test
    void theCodeAloneDoesNotVerifyWhoeverRegisteredTheAddressLastMustAlsoGiveTheirPassword() {
        String email = address("victim");
        register(email, "RECOMMENDER");
        clock.advance(Duration.ofSeconds(61));
        // someone else registers the same address with a password of their own; the newest code goes to the owner
        register(email, "RECOMMENDER", "别人设的密码-足够长-2026");
        APIGatewayV2HTTPResponse refused = verify(email, code(email));
        assertEquals(400, refused.getStatusCode());
        assertEquals(java.util.Set.of("password:WRONG_PASSWORD"), cn.org.cast.dianzan.testing.Answers.fieldCodes(refused));
        // the owner registers again with their own password and verifies
        clock.advance(Duration.ofSeconds(61));
        register(email, "RECOMMENDER");
        assertEquals(201, verify(email, code(email)).getStatusCode());
        assertEquals(200, signIn(email, PASSWORD, null).getStatusCode());
    }

    @Test
    void newCodesBringNoNewGuessesTenWrongCodesADayAndTheAddressWaitsForTomorrow() {
        Registered unit = registeredUnit("IMPLEMENTER");
        int wrong = 0;
        while (wrong < EmailCodes.WRONG_PER_DAY) {
            clock.advance(Duration.ofMinutes(13));
            assertEquals(202, call(request("POST", "/auth/password/forgot").body(json(Map.of("email", unit.email()))))
                    .getStatusCode());
            String right = code(unit.email());
            for (int i = 0; i < 4 && wrong < EmailCodes.WRONG_PER_DAY; i++, wrong++) {
                APIGatewayV2HTTPResponse guess = call(request("POST", "/auth/password/reset").body(json(Map.of("email",
                        unit.email(), "code", right.equals("000000") ? "111111" : "000000", "newPassword", "猜中就能改的密码-2026"))));
                assertEquals(400, guess.getStatusCode(), guess.getBody());
            }
        }
        clock.advance(Duration.ofMinutes(13));
        call(request("POST", "/auth/password/forgot").body(json(Map.of("email", unit.email()))));
        APIGatewayV2HTTPResponse rightButTooLate = call(request("POST", "/auth/password/reset").body(json(Map.of(
                "email", unit.email(), "code", code(unit.email()), "newPassword", "猜中就能改的密码-2026"))));
        assertEquals(429, rightButTooLate.getStatusCode());
        assertEquals("TOO_MANY_CODES", errorCode(rightButTooLate));
    }

    @Test
    void parallelWrongPasswordsGetNoMoreThanTheFiveChecksOfTheLockout() throws Exception {
        Registered unit = registeredUnit("RECOMMENDER");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            List<java.util.concurrent.Future<APIGatewayV2HTTPResponse>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> signIn(unit.email(), "wrong-password-123", null)));
            }
            int refusedAsWrong = 0;
            for (var answer : answers) {
                int status = answer.get().getStatusCode();
                assertTrue(status == 401 || status == 423, "status " + status);
                refusedAsWrong += status == 401 ? 1 : 0;
            }
            assertTrue(refusedAsWrong <= SignInGuard.MAX_FAILURES - 1, "checked " + refusedAsWrong + " passwords");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(423, signIn(unit.email(), PASSWORD, null).getStatusCode());
    }

    @Test
    void anInvitationLapsesWithTheColleagueWhoSentIt() {
        Registered unit = registeredUnit("RECOMMENDER");
        String colleague = address("leaving");
        call(request("POST", "/accounts/me/members").as(unit.claims()).body(json(Map.of("email", colleague, "name", "将离开的同事"))));
        Map<String, String> leaving = claims((String) ((Map<?, ?>) body(call(request("POST", "/invitations/accept").body(json(Map.of(
                "email", colleague, "code", code(colleague), "password", "同事自己的密码-2026", "name", "将离开的同事",
                "mobile", "13700000000"))))).get("session")).get("accessToken"));
        String friend = address("friend");
        assertEquals(202, call(request("POST", "/accounts/me/members").as(leaving)
                .body(json(Map.of("email", friend, "name", "朋友")))).getStatusCode());
        assertEquals(200, call(request("DELETE", "/accounts/me/members/{personId}").path("personId", leaving.get("person"))
                .as(unit.claims())).getStatusCode());
        APIGatewayV2HTTPResponse lapsed = call(request("POST", "/invitations/accept").body(json(Map.of(
                "email", friend, "code", code(friend), "password", "朋友自己的密码-2026", "name", "朋友", "mobile", "13600000000"))));
        assertEquals(410, lapsed.getStatusCode(), lapsed.getBody());
    }

    // ---- sign-in, lockout, refresh, reset ---------------------------------------------------------------

    @Test
    void fiveFailuresLockAnAddressForFifteenMinutesKnownOrNotAndTheAnswerSaysUntilWhen() {
        Registered unit = registeredUnit("RECOMMENDER");
        String unknown = address("nobody");
        for (String email : List.of(unit.email(), unknown)) {
            for (int i = 0; i < 4; i++) {
                APIGatewayV2HTTPResponse wrong = signIn(email, "wrong-password-123", null);
                assertEquals(401, wrong.getStatusCode());
                assertEquals("INVALID_CREDENTIALS", errorCode(wrong));
            }
            APIGatewayV2HTTPResponse fifth = signIn(email, "wrong-password-123", null);
            assertEquals(423, fifth.getStatusCode());
            assertEquals("ACCOUNT_LOCKED", errorCode(fifth));
            String unlocksAt = (String) detail(fifth, "unlocksAt");
            assertEquals(clock.instant().plus(Duration.ofMinutes(15)),
                    java.time.OffsetDateTime.parse(unlocksAt).toInstant());
        }
        assertEquals(423, signIn(unit.email(), PASSWORD, null).getStatusCode(), "locked even with the right password");
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertEquals(200, signIn(unit.email(), PASSWORD, null).getStatusCode());
    }

    @Test
    void aRefreshTokenWorksOnceAndItsReuseEndsTheWholeSession() {
        Registered unit = registeredUnit("RECOMMENDER");
        String first = unit.refreshToken();
        APIGatewayV2HTTPResponse rotated = refresh(first);
        assertEquals(200, rotated.getStatusCode(), rotated.getBody());
        String second = (String) body(rotated).get("refreshToken");
        assertNotEquals(first, second);

        APIGatewayV2HTTPResponse replay = refresh(first);
        assertEquals(401, replay.getStatusCode());
        assertEquals("REFRESH_TOKEN_REUSED", errorCode(replay));
        assertEquals("REFRESH_TOKEN_INVALID", errorCode(refresh(second)), "the family was revoked: the newer token is dead too");

        // another sign-in is a session of its own, and signing out ends it
        String other = (String) body(signIn(unit.email(), PASSWORD, null)).get("refreshToken");
        assertEquals(204, call(request("POST", "/auth/sign-out").body(json(Map.of("refreshToken", other)))).getStatusCode());
        assertEquals("REFRESH_TOKEN_INVALID", errorCode(refresh(other)));
        assertEquals("REFRESH_TOKEN_INVALID", errorCode(refresh("rt1.forged")));
    }

    @Test
    void aResetByTheMailedCodeEndsEverySessionAndTheOldPassword() {
        Registered unit = registeredUnit("IMPLEMENTER");
        String session = (String) body(signIn(unit.email(), PASSWORD, null)).get("refreshToken");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(202, call(request("POST", "/auth/password/forgot").body(json(Map.of("email", unit.email())))).getStatusCode());
        String resetCode = code(unit.email());
        assertTrue(lastMail(unit.email()).subject().contains("重置密码"));
        String newPassword = "新的密码也要足够长-2026";
        APIGatewayV2HTTPResponse reset = call(request("POST", "/auth/password/reset").body(json(Map.of(
                "email", unit.email(), "code", resetCode, "newPassword", newPassword))));
        assertEquals(204, reset.getStatusCode(), reset.getBody());
        clock.advance(Duration.ofSeconds(1));

        assertEquals("REFRESH_TOKEN_INVALID", errorCode(refresh(session)));
        assertEquals("REFRESH_TOKEN_INVALID", errorCode(refresh(unit.refreshToken())));
        assertEquals("INVALID_CREDENTIALS", errorCode(signIn(unit.email(), PASSWORD, null)));
        assertEquals(200, signIn(unit.email(), newPassword, null).getStatusCode());
        assertTrue(lastMail(unit.email()).subject().contains("密码已修改"));
        // an address without an account gets the same answer and no mail
        String unknown = address("ghost");
        assertEquals(202, call(request("POST", "/auth/password/forgot").body(json(Map.of("email", unknown)))).getStatusCode());
        assertTrue(mail.messages(unknown).isEmpty());
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfThePerson() {
        Registered unit = registeredUnit("RECOMMENDER");
        String laptop = (String) body(signIn(unit.email(), PASSWORD, null)).get("refreshToken");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(204, call(request("POST", "/auth/sign-out-everywhere").as(unit.claims())).getStatusCode());
        clock.advance(Duration.ofSeconds(1));
        assertEquals("REFRESH_TOKEN_INVALID", errorCode(refresh(laptop)));
        assertEquals("REFRESH_TOKEN_INVALID", errorCode(refresh(unit.refreshToken())));
        assertEquals(200, refresh((String) body(signIn(unit.email(), PASSWORD, null)).get("refreshToken")).getStatusCode());
    }

    // ---- admins ------------------------------------------------------------------------------------------

    @Test
    void anAdminNeedsItsAuthenticatorCodeEachCodeWorksOnceAndEverySignInIsAudited() {
        String email = adminEmail;
        var enrolment = admin;
        clock.advance(Duration.ofSeconds(Totp.PERIOD_SECONDS));
        APIGatewayV2HTTPResponse withoutCode = signIn(email, PASSWORD, null);
        assertEquals(401, withoutCode.getStatusCode());
        assertEquals("TOTP_REQUIRED", errorCode(withoutCode));
        assertEquals("TOTP_INVALID", errorCode(signIn(email, PASSWORD, "123456".equals(now(enrolment)) ? "654321" : "123456")));

        APIGatewayV2HTTPResponse signedIn = signIn(email, PASSWORD, now(enrolment));
        assertEquals(200, signedIn.getStatusCode(), signedIn.getBody());
        Map<String, String> claims = claims(token(signedIn));
        assertEquals("[admin]", claims.get("groups"));
        assertEquals("TOTP_INVALID", errorCode(signIn(email, PASSWORD, now(enrolment))), "a code is used once");

        List<String> actions = context.getBean(AuditLog.class).forEntity("ACCOUNT#" + claims.get("sub")).stream()
                .map(AuditLog.Entry::action).toList();
        assertTrue(actions.containsAll(List.of("ADMIN_CREATED", "ADMIN_SIGN_IN_REFUSED", "ADMIN_SIGNED_IN")), actions.toString());
    }

    @Test
    void theBootstrapIsOneTime() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> context.getBean(AdminAccounts.class)
                .bootstrap(address("second"), "第二个", "13800000001", PASSWORD));
    }

    @Test
    void unitsCannotBeAdminsAndNonAdminsGet403OnAdminRoutes() {
        Registered unit = registeredUnit("RECOMMENDER");
        APIGatewayV2HTTPResponse response = call(request("POST", "/admin/admins").as(unit.claims())
                .body(json(Map.of("email", address("x"), "name", "冒充者"))));
        assertEquals(403, response.getStatusCode());
        assertEquals("ADMIN_ONLY", errorCode(response));
    }

    // ---- colleagues and handover -------------------------------------------------------------------------

    @Test
    void aColleagueInvitedByMailActsForTheSameAccountUnderTheirOwnNameAndTakesOverAsContact() throws Exception {
        Registered unit = registeredUnit("RECOMMENDER");
        String colleague = address("colleague");
        APIGatewayV2HTTPResponse invited = call(request("POST", "/accounts/me/members").as(unit.claims())
                .body(json(Map.of("email", colleague, "name", "李同事"))));
        assertEquals(202, invited.getStatusCode(), invited.getBody());
        assertTrue(lastMail(colleague).subject().contains("邀请您加入"), lastMail(colleague).subject());

        APIGatewayV2HTTPResponse accepted = call(request("POST", "/invitations/accept").body(json(Map.of(
                "email", colleague, "code", code(colleague), "password", "同事自己的密码-2026", "name", "李同事",
                "mobile", "13700000000"))));
        assertEquals(201, accepted.getStatusCode(), accepted.getBody());
        @SuppressWarnings("unchecked")
        Map<String, String> colleagueClaims = claims((String) ((Map<String, Object>) body(accepted).get("session")).get("accessToken"));
        assertEquals(unit.claims().get("sub"), colleagueClaims.get("sub"), "the same account");
        assertNotEquals(unit.claims().get("person"), colleagueClaims.get("person"), "a person of their own");

        // the colleague becomes the contact; the first person can then be removed and signs in no more
        APIGatewayV2HTTPResponse handedOver = call(request("POST", "/accounts/me/contact").as(colleagueClaims)
                .body(json(Map.of("personId", colleagueClaims.get("person")))));
        assertEquals(200, handedOver.getStatusCode(), handedOver.getBody());
        assertEquals(colleagueClaims.get("person"), body(handedOver).get("contactPersonId"));
        APIGatewayV2HTTPResponse contactRemoval = call(request("DELETE", "/accounts/me/members/{personId}")
                .path("personId", colleagueClaims.get("person")).as(unit.claims()));
        assertEquals("CONTACT_PERSON", errorCode(contactRemoval));
        APIGatewayV2HTTPResponse removed = call(request("DELETE", "/accounts/me/members/{personId}")
                .path("personId", unit.claims().get("person")).as(colleagueClaims));
        assertEquals(200, removed.getStatusCode(), removed.getBody());
        assertEquals("INVALID_CREDENTIALS", errorCode(signIn(unit.email(), PASSWORD, null)));
        assertEquals("REFRESH_TOKEN_INVALID", errorCode(refresh(unit.refreshToken())));

        List<AuditLog.Entry> trail = context.getBean(AuditLog.class).forEntity("ACCOUNT#" + unit.claims().get("sub"));
        assertTrue(trail.stream().anyMatch(e -> e.action().equals("CONTACT_HANDED_OVER")
                && e.actor().equals(colleagueClaims.get("person"))), "the handover is the colleague's own act");
    }

    @Test
    void anAdminRecoversAnAccountWhosePeopleLostTheirMailboxByInvitingANewPerson() {
        Registered unit = registeredUnit("IMPLEMENTER");
        clock.advance(Duration.ofSeconds(Totp.PERIOD_SECONDS));
        Map<String, String> admin = claims(token(signIn(adminEmail, PASSWORD, now(this.admin))));

        APIGatewayV2HTTPResponse found = call(request("POST", "/admin/accounts/lookup").as(admin)
                .body(json(Map.of("email", unit.email()))));
        assertEquals(unit.claims().get("sub"), body(found).get("accountId"));
        String successor = address("successor");
        assertEquals(202, call(request("POST", "/admin/accounts/{accountId}/members").path("accountId", unit.claims().get("sub"))
                .as(admin).body(json(Map.of("email", successor, "name", "新联系人")))).getStatusCode());
        APIGatewayV2HTTPResponse accepted = call(request("POST", "/invitations/accept").body(json(Map.of(
                "email", successor, "code", code(successor), "password", "接任者的密码-足够长", "name", "新联系人",
                "mobile", "13600000000"))));
        assertEquals(201, accepted.getStatusCode(), accepted.getBody());
    }

    // ---- the JWKS and discovery the gateway reads ----------------------------------------------------------

    @Test
    void discoveryNamesTheIssuerAndItsJwksAndTheJwksVerifiesIssuedTokens() throws Exception {
        APIGatewayV2HTTPResponse discovery = call(request("GET", "/.well-known/openid-configuration"));
        assertEquals(200, discovery.getStatusCode());
        assertEquals(TestContexts.TEST_ISSUER, body(discovery).get("issuer"));
        assertEquals(TestContexts.TEST_ISSUER + "/.well-known/jwks.json", body(discovery).get("jwks_uri"));
        assertEquals("public, max-age=300", discovery.getHeaders().get("Cache-Control"));
        Registered unit = registeredUnit("IMPLEMENTER");
        assertEquals(TestContexts.TEST_ISSUER, unit.claims().get("iss"));
        assertEquals("[dianzan]", unit.claims().get("aud"));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private record Registered(String email, String refreshToken, Map<String, String> claims) {
    }

    private Registered registeredUnit(String type) {
        String email = address(type.toLowerCase());
        register(email, type);
        APIGatewayV2HTTPResponse verified = verify(email, code(email));
        assertEquals(201, verified.getStatusCode(), verified.getBody());
        return new Registered(email, (String) body(verified).get("refreshToken"), claims(token(verified)));
    }

    private String now(cn.org.cast.dianzan.accounts.AccountViews.AdminEnrolment enrolment) {
        return Totp.codeAt(enrolment.totpSecret(), clock.instant());
    }

    private static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.dianzan.local";
    }

    private APIGatewayV2HTTPResponse register(String email, String type) {
        return register(email, type, PASSWORD);
    }

    private APIGatewayV2HTTPResponse register(String email, String type, String password) {
        return call(request("POST", "/accounts/register").body(json(Map.of("email", email, "password", password,
                "accountType", type, "contactName", "王老师", "mobile", "13912345678"))));
    }

    private APIGatewayV2HTTPResponse verify(String email, String code) {
        return call(request("POST", "/accounts/verify").body(json(Map.of("email", email, "code", code, "password", PASSWORD))));
    }

    private APIGatewayV2HTTPResponse signIn(String email, String password, String totp) {
        Map<String, String> body = new LinkedHashMap<>(Map.of("email", email, "password", password));
        if (totp != null) {
            body.put("totp", totp);
        }
        return call(request("POST", "/auth/sign-in").body(json(body)));
    }

    private APIGatewayV2HTTPResponse refresh(String token) {
        return call(request("POST", "/auth/refresh").body(json(Map.of("refreshToken", token))));
    }

    private GreenMailServer.ReceivedMail lastMail(String email) {
        List<GreenMailServer.ReceivedMail> received = mail.awaitMessages(email, 1, Duration.ofSeconds(10));
        return received.get(received.size() - 1);
    }

    private String code(String email) {
        Matcher matcher = CODE.matcher(lastMail(email).subject());
        assertTrue(matcher.find(), "a code in the subject");
        return matcher.group(1);
    }

    private static String token(APIGatewayV2HTTPResponse signedIn) {
        return (String) body(signedIn).get("accessToken");
    }

    /** The claims as API Gateway would pass them, after verifying the token with the function's own JWKS. */
    private Map<String, String> claims(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWKSet keys = JWKSet.parse(call(request("GET", "/.well-known/jwks.json")).getBody());
            assertTrue(jwt.verify(new RSASSAVerifier((RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID()))));
            Map<String, String> flat = new LinkedHashMap<>();
            jwt.getJWTClaimsSet().getClaims().forEach((name, value) -> flat.put(name, value instanceof List<?> list
                    ? "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]"
                    : value instanceof java.util.Date date ? Long.toString(date.toInstant().getEpochSecond()) : String.valueOf(value)));
            return flat;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object detail(APIGatewayV2HTTPResponse response, String name) {
        return ((Map<String, Object>) cn.org.cast.dianzan.testing.Answers.error(response).get("details")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Object nested(APIGatewayV2HTTPResponse response, String... path) {
        Object node = body(response);
        for (String name : path) {
            node = ((Map<String, Object>) node).get(name);
        }
        return node;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private APIGatewayV2HTTPResponse call(HttpEvents event) {
        return handler.handleRequest(event.build(), new FakeLambdaContext());
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package cn.org.cast.dianzan.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * POST /auth/sign-in without a framework: AccountService.signIn's work for a unit's person with the right
 * password. At init, as the function's beans: the signing key read from the local key file
 * (DIANZAN_TOKENS_KEY_FILE, the JWK file LocalKeyFile keeps; RSA 2048) and its key id (SHA-256 of the DER
 * public key, base64url, 22 characters), and PasswordHasher's dummy hash (Argon2id at its defaults), which
 * the function makes so that an unknown address costs a sign-in the same time. Per call: the address's
 * sign-in guard (a consistent GetItem: not locked), its claim and the person it points at (consistent
 * GetItems), the Argon2id verify against the stored PHC hash (password4j, as PasswordHasher), the account
 * (a consistent GetItem); the guard cleared (DeleteItem); a rehash only if the stored parameters are not
 * today's (never with the bench's seed); a refresh session opened (a PutItem with attribute_not_exists(pk):
 * 32 random bytes, their SHA-256 stored); the RS256 access token with the same header and claims, signed
 * with the JDK's SHA256withRSA; the account's people (a consistent Query on its partition) for the account
 * view; the same body. What it leaves out, as the sample never takes those paths: failure counting and
 * lockout writes, admins' second factor and audit. Other routes: 501.
 */
public class AccountsBaseline extends BaselineHandler {

    /** PasswordHasher's defaults (dianzan.accounts.argon2.*): 19 MiB, 2 passes, 1 lane, 32-byte output. */
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19456, 2, 1, 32, Argon2.ID);
    private static final Duration ACCESS_LIFETIME = Duration.ofMinutes(15);
    private static final Duration REFRESH_LIFETIME = Duration.ofDays(30);
    private static final DateTimeFormatter CHINA = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final Map<String, String> LABELS = Map.of("RECOMMENDER", "推荐单位", "IMPLEMENTER", "案例实施单位",
            "ADMIN", "管理员");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final String issuer;
    private final String audience;
    private final PrivateKey signingKey;
    private final String keyId;
    private final String dummy;

    public AccountsBaseline() {
        String configured = System.getenv("DIANZAN_TOKENS_ISSUER");
        issuer = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        String audienceVariable = System.getenv("DIANZAN_TOKENS_AUDIENCE");
        audience = audienceVariable == null || audienceVariable.isBlank() ? "dianzan" : audienceVariable;
        try {
            JsonNode jwk = JacksonSerializer.MAPPER.readTree(Files.readString(Path.of(System.getenv("DIANZAN_TOKENS_KEY_FILE")),
                    StandardCharsets.UTF_8));
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            signingKey = rsa.generatePrivate(new RSAPrivateCrtKeySpec(big(jwk, "n"), big(jwk, "e"), big(jwk, "d"),
                    big(jwk, "p"), big(jwk, "q"), big(jwk, "dp"), big(jwk, "dq"), big(jwk, "qi")));
            PublicKey publicKey = rsa.generatePublic(new RSAPublicKeySpec(big(jwk, "n"), big(jwk, "e")));
            keyId = BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()))
                    .substring(0, 22);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key file", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        dummy = ARGON2.hash("not-a-password-of-anyone").getResult();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        if (!"POST /auth/sign-in".equals(event.get("routeKey"))) {
            return error(501, "NOT_MEASURED");
        }
        JsonNode body;
        try {
            body = JacksonSerializer.MAPPER.readTree(String.valueOf(event.get("body")));
        } catch (IOException e) {
            return error(400, "VALIDATION_FAILED");
        }
        String email = body.path("email").asText("").strip().toLowerCase(Locale.ROOT);
        String password = body.path("password").asText("");
        if (email.isEmpty() || !email.contains("@") || password.isEmpty()) {
            return error(400, "VALIDATION_FAILED");
        }
        String emailKey = emailKey(email);
        Instant now = Instant.now();

        // SignInGuard.requireUnlocked
        Map<String, AttributeValue> guard = item("SIGN-IN#" + emailKey, "GUARD");
        if (guard != null && guard.containsKey("lockedUntil") && Instant.parse(guard.get("lockedUntil").s()).isAfter(now)) {
            return error(423, "ACCOUNT_LOCKED");
        }
        // AccountRepository.byEmail: the claim, then the person it names
        Map<String, AttributeValue> claim = item("EMAIL#" + emailKey, "EMAIL");
        Map<String, AttributeValue> person = claim == null ? null
                : item("ACCOUNT#" + claim.get("accountId").s(), "PERSON#" + claim.get("personId").s());
        if (person == null || !email.equals(person.get("email").s()) || !"ACTIVE".equals(person.get("status").s())) {
            ARGON2.check(password, dummy);
            return error(401, "INVALID_CREDENTIALS");
        }
        String stored = person.get("passwordHash").s();
        if (!stored.startsWith("$argon2id$") || !Argon2Function.getInstanceFromHash(stored).check(password, stored)) {
            return error(401, "INVALID_CREDENTIALS");
        }
        String accountId = person.get("accountId").s();
        String personId = person.get("personId").s();
        Map<String, AttributeValue> account = item("ACCOUNT#" + accountId, "ACCOUNT");
        if (account == null) {
            return error(401, "INVALID_CREDENTIALS");
        }
        String accountType = account.get("accountType").s();
        if ("ADMIN".equals(accountType)) {
            return error(501, "NOT_MEASURED");
        }
        // SignInGuard.clear
        dynamo.deleteItem(b -> b.tableName(mainTable).key(Map.of("pk", s("SIGN-IN#" + emailKey), "sk", s("GUARD"))));
        // PasswordHasher.outdated, then AccountRepository.rehash
        if (!Argon2Function.getInstanceFromHash(stored).equals(ARGON2)) {
            String again = ARGON2.hash(password).getResult();
            dynamo.updateItem(b -> b.tableName(mainTable).key(Map.of("pk", s("ACCOUNT#" + accountId),
                            "sk", s("PERSON#" + personId))).updateExpression("SET passwordHash = :hash")
                    .conditionExpression("passwordHash = :old")
                    .expressionAttributeValues(Map.of(":hash", s(again), ":old", s(stored))));
        }
        String refreshToken = openSession(accountId, personId, now);
        String accessToken = accessToken(accountId, personId, person.get("name").s(), accountType, now);

        // AccountService.view: the account's people, oldest first
        List<Map<String, AttributeValue>> people = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(mainTable).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :person)")
                        .expressionAttributeValues(Map.of(":pk", s("ACCOUNT#" + accountId), ":person", s("PERSON#"))))
                .items().forEach(people::add);
        people.sort(Comparator.comparing(p -> Instant.parse(p.get("createdAt").s())));
        String contact = account.get("contactPersonId").s();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("accountId", accountId);
        view.put("accountType", accountType);
        view.put("accountTypeLabel", LABELS.get(accountType));
        view.put("person", personView(person, contact));
        view.put("contactPersonId", contact);
        view.put("members", people.stream().map(p -> personView(p, contact)).toList());

        Map<String, Object> tokens = new LinkedHashMap<>();
        tokens.put("accessToken", accessToken);
        tokens.put("tokenType", "Bearer");
        tokens.put("expiresIn", ACCESS_LIFETIME.toSeconds());
        tokens.put("refreshToken", refreshToken);
        tokens.put("refreshExpiresIn", REFRESH_LIFETIME.toSeconds());
        tokens.put("account", view);
        return response(200, tokens, Map.of());
    }

    /** Sessions.open: a family of its own, generation 0, the hash of its first token's secret. */
    private String openSession(String accountId, String personId, Instant now) {
        String familyId = UUID.randomUUID().toString();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = BASE64URL.encodeToString(bytes);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("ACCOUNT#" + accountId));
        item.put("sk", s("SESSION#" + personId + "#" + familyId));
        item.put("type", s("Session"));
        item.put("startedAt", s(now.toString()));
        item.put("expiresAt", s(now.plus(REFRESH_LIFETIME).toString()));
        item.put("generation", AttributeValue.fromN("0"));
        item.put("secretHash", s(HexFormat.of().formatHex(sha256(secret.getBytes(StandardCharsets.UTF_8)))));
        try {
            dynamo.putItem(b -> b.tableName(mainTable).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException impossible) {
            throw new IllegalStateException("a new session's key was taken", impossible);
        }
        return "rt1." + accountId + "." + personId + "." + familyId + ".0." + secret;
    }

    /** AccessTokens.issue: an RS256 JWT with the same header and claims. */
    private String accessToken(String accountId, String personId, String name, String accountType, Instant now) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("kid", keyId);
        header.put("typ", "JWT");
        header.put("alg", "RS256");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("sub", accountId);
        claims.put("person", personId);
        claims.put("username", name);
        claims.put("account_type", accountType);
        claims.put("groups", List.of());
        claims.put("token_use", "access");
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.plus(ACCESS_LIFETIME).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        String signingInput = BASE64URL.encodeToString(json(header).getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(json(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(signingKey);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
    }

    /** AccountViews.PersonView. */
    private static Map<String, Object> personView(Map<String, AttributeValue> person, String contact) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("personId", person.get("personId").s());
        view.put("name", person.get("name").s());
        view.put("email", person.get("email").s());
        view.put("mobile", person.containsKey("mobile") ? person.get("mobile").s() : null);
        view.put("contact", person.get("personId").s().equals(contact));
        view.put("status", person.get("status").s());
        view.put("joinedAt", CHINA.format(Instant.parse(person.get("createdAt").s())));
        return view;
    }

    /** Emails.key: the hex SHA-256 of the normalized address, prefixed. */
    private static String emailKey(String normalized) {
        return HexFormat.of().formatHex(sha256(("dianzan-email:" + normalized).getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger big(JsonNode jwk, String name) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path(name).asText()));
    }
}

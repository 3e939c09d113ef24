package cn.org.cast.dianzan.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Local-only sign-in, never deployed: named users kept in the data directory, tokens signed with
 * a key kept there too (so tokens survive a restart), verified here and handed to the functions as
 * claims in the shape the API Gateway JWT authorizer gives them from Cognito.
 */
final class LocalIdentity {

    static final String ISSUER = "dianzan-local";
    private static final Duration LIFETIME = Duration.ofHours(12);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
    private static final List<String> SELF_SERVICE_TYPES = List.of("RECOMMENDER", "IMPLEMENTER");

    record User(String username, String subject, String accountType, List<String> groups) {
    }

    /** A refused sign-in: status, stable code and Chinese message, as the API answers errors. */
    static final class SignInRefused extends Exception {
        final int status;
        final String code;

        SignInRefused(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    private final Path file;
    private final ObjectMapper json;
    private final Clock clock;
    private final byte[] key;
    private final Map<String, User> users = new LinkedHashMap<>();

    private LocalIdentity(Path file, ObjectMapper json, Clock clock, byte[] key) {
        this.file = file;
        this.json = json;
        this.clock = clock;
        this.key = key;
    }

    /** Opens the identity store of a data directory, creating it with one admin ("admin") if new. */
    static LocalIdentity open(Path file, ObjectMapper json, Clock clock) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                LocalIdentity identity = new LocalIdentity(file, json, clock, key);
                identity.users.put("admin", new User("admin", UUID.randomUUID().toString(), "ADMIN", List.of("admin")));
                identity.save();
                return identity;
            }
            ObjectNode root = (ObjectNode) json.readTree(file.toFile());
            LocalIdentity identity = new LocalIdentity(file, json, clock,
                    Base64.getDecoder().decode(root.required("signingKey").asText()));
            for (var node : root.required("users")) {
                User user = json.treeToValue(node, User.class);
                identity.users.put(user.username(), user);
            }
            return identity;
        } catch (IOException | RuntimeException e) {
            throw new LocalSystemException("本地账号文件已损坏 / the local identity file is damaged: " + file
                    + " (" + e.getMessage() + "). Move it away to start with a fresh admin.", e);
        }
    }

    /** Signs in a known user, or registers a new recommender or implementer account. */
    synchronized Map<String, Object> signIn(String username, String accountType) throws SignInRefused {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new SignInRefused(400, "INVALID_USERNAME", "用户名须为3到64位字母、数字或 . _ @ -");
        }
        User user = users.get(username);
        if (user == null) {
            if (accountType == null || !SELF_SERVICE_TYPES.contains(accountType)) {
                throw new SignInRefused(400, "ACCOUNT_TYPE_REQUIRED",
                        "新账号须选择账号类型：RECOMMENDER（推荐单位）或 IMPLEMENTER（案例实施单位）");
            }
            user = new User(username, UUID.randomUUID().toString(), accountType, List.of());
            users.put(username, user);
            save();
        } else if (accountType != null && !accountType.equals(user.accountType())) {
            throw new SignInRefused(409, "ACCOUNT_TYPE_MISMATCH", "该用户名已注册为其他类型的账号");
        }
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(user.subject())
                .claim("cognito:username", user.username())
                .claim("cognito:groups", user.groups())
                .claim("custom:account_type", user.accountType())
                .claim("token_use", "id")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key));
            return Map.of("token", jwt.serialize(), "username", user.username(), "accountType", user.accountType(),
                    "expiresAt", now.plus(LIFETIME).toString());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The claims of a valid bearer token, as HTTP API passes them on: every value a string, lists
     * flattened to {@code [a b]}. Empty for a missing, forged or expired token.
     */
    Optional<Map<String, String>> verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(authorization.substring(7).trim());
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))
                    || !ISSUER.equals(claims.getIssuer()) || claims.getExpirationTime() == null
                    || !claims.getExpirationTime().toInstant().isAfter(clock.instant())) {
                return Optional.empty();
            }
            Map<String, String> flat = new LinkedHashMap<>();
            claims.getClaims().forEach((name, value) -> flat.put(name, flatten(value)));
            return Optional.of(flat);
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    private static String flatten(Object value) {
        if (value instanceof List<?> list) {
            return "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]";
        }
        if (value instanceof Date date) {
            return Long.toString(date.toInstant().getEpochSecond());
        }
        return String.valueOf(value);
    }

    private void save() {
        ObjectNode root = json.createObjectNode();
        root.put("signingKey", Base64.getEncoder().encodeToString(key));
        root.set("users", json.valueToTree(users.values()));
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), root);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LocalSystemException("无法保存本地账号 / cannot save " + file, e);
        }
    }
}

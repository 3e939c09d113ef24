package cn.org.cast.dianzan.accounts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Access tokens: RS256 JWTs living {@link #LIFETIME}, signed by the current key, with the claims the
 * functions read ({@code sub} the account, {@code person}, {@code username}, {@code account_type},
 * {@code groups}). Publishes the JWKS (current and, during a rotation, previous key) and the OIDC
 * discovery document that API Gateway's JWT authorizer reads from {@code <issuer>/.well-known/...}.
 */
public final class AccessTokens {

    public static final Duration LIFETIME = Duration.ofMinutes(15);

    private final String issuer;
    private final String audience;
    private final SigningKey current;
    private final List<SigningKey> published;
    private final Clock clock;

    public AccessTokens(String issuer, String audience, SigningKey current, List<SigningKey> previous, Clock clock) {
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.audience = audience;
        this.current = current;
        this.published = new ArrayList<>();
        this.published.add(current);
        previous.stream().filter(k -> !k.keyId().equals(current.keyId())).forEach(published::add);
        this.clock = clock;
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    /** A signed access token for the person acting for the account. */
    public String issue(Account account, Person person) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(account.accountId())
                .claim("person", person.personId())
                .claim("username", person.name())
                .claim("account_type", account.type().name())
                .claim("groups", account.type().groups())
                .claim("token_use", "access")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(current.keyId())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new KeySigner(current));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /** The public keys, as {@code /.well-known/jwks.json} serves them. */
    public Map<String, Object> jwks() {
        List<com.nimbusds.jose.jwk.JWK> keys = new ArrayList<>();
        for (SigningKey key : published) {
            keys.add(new RSAKey.Builder(key.publicKey()).keyID(key.keyId()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).build());
        }
        return new JWKSet(keys).toJSONObject(true);
    }

    /** The OIDC discovery document ({@code /.well-known/openid-configuration}). */
    public Map<String, Object> discovery() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("jwks_uri", issuer + "/.well-known/jwks.json");
        document.put("token_endpoint", issuer + "/auth/sign-in");
        document.put("response_types_supported", List.of("token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("claims_supported", List.of("iss", "aud", "sub", "exp", "iat", "nbf", "jti", "person", "username",
                "account_type", "groups", "token_use"));
        return document;
    }

    /** Signs through a {@link SigningKey}, which may be a KMS key whose private half never leaves KMS. */
    private static final class KeySigner implements JWSSigner {
        private final SigningKey key;
        private final JCAContext context = new JCAContext();

        KeySigner(SigningKey key) {
            this.key = key;
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) {
            return Base64URL.encode(key.sign(signingInput));
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.RS256);
        }

        @Override
        public JCAContext getJCAContext() {
            return context;
        }
    }
}

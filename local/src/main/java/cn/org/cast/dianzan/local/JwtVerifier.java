package cn.org.cast.dianzan.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What API Gateway's HTTP API JWT authorizer does, done locally with the same inputs: the issuer and
 * audience of template.yaml's authorizer, and the keys from the issuer's JWKS (fetched from the
 * accounts function, as API Gateway fetches {@code jwks_uri}). A token passes only if it is a JWS with
 * an RSA algorithm (RS256) and a {@code kid} of the JWKS, its signature verifies, {@code iss} is the
 * issuer, {@code aud} holds the audience, it is inside {@code nbf}..{@code exp} and not issued in the future. Everything else
 * (no token, {@code alg: none}, HS256 with the public key as secret, another key, expired, another
 * audience) is refused before any function runs.
 */
final class JwtVerifier {

    /** An unknown {@code kid} refetches the JWKS (a key rotated in), at most this often. */
    private static final Duration REFETCH = Duration.ofSeconds(10);

    private final String issuer;
    private final String audience;
    private final Supplier<String> jwksSource;
    private final Clock clock;
    private volatile JWKSet keys = new JWKSet();
    private volatile Instant fetchedAt = Instant.EPOCH;

    JwtVerifier(String issuer, String audience, Supplier<String> jwksSource, Clock clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.jwksSource = jwksSource;
        this.clock = clock;
    }

    String issuer() {
        return issuer;
    }

    /**
     * The claims of a valid bearer token, as HTTP API passes them on: every value a string, lists
     * flattened to {@code [a b]}. Empty for anything API Gateway would answer 401.
     */
    Optional<Map<String, String>> verify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        // API Gateway takes the token with or without the Bearer scheme
        String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7) : authorization;
        try {
            SignedJWT jwt = SignedJWT.parse(token.trim());
            if (!JWSAlgorithm.Family.RSA.contains(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
                return Optional.empty();
            }
            JWK key = key(jwt.getHeader().getKeyID());
            if (!(key instanceof RSAKey rsa) || !jwt.verify(new RSASSAVerifier(rsa))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (!issuer.equals(claims.getIssuer()) || claims.getAudience() == null || !claims.getAudience().contains(audience)
                    || claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)
                    || (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().isAfter(now))
                    || (claims.getIssueTime() != null && claims.getIssueTime().toInstant().isAfter(now))) {
                return Optional.empty();
            }
            Map<String, String> flat = new LinkedHashMap<>();
            claims.getClaims().forEach((name, value) -> flat.put(name, flatten(value)));
            return Optional.of(flat);
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private JWK key(String keyId) throws ParseException {
        JWK key = keys.getKeyByKeyId(keyId);
        if (key == null && fetchedAt.plus(REFETCH).isBefore(clock.instant())) {
            keys = JWKSet.parse(jwksSource.get());
            fetchedAt = clock.instant();
            key = keys.getKeyByKeyId(keyId);
        }
        return key;
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
}

package cn.org.cast.dianzan.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local gateway refuses what API Gateway's JWT authorizer refuses: every token of the forged list
 * below is a 401 before any function runs; only a token signed by a key of the issuer's JWKS, for this
 * issuer and audience, inside its lifetime, passes.
 */
class JwtVerifierTest {

    private static final String ISSUER = "http://127.0.0.1:8080";
    private static final Instant NOW = Instant.parse("2026-06-20T02:00:00Z");
    private static RSAKey key;
    private static RSAKey stranger;
    private static final AtomicInteger FETCHES = new AtomicInteger();

    @BeforeAll
    static void keys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("current").generate();
        stranger = new RSAKeyGenerator(2048).keyID("current").generate();
    }

    private static JwtVerifier verifier() {
        return new JwtVerifier(ISSUER, "dianzan", () -> {
            FETCHES.incrementAndGet();
            return new JWKSet(key.toPublicJWK()).toString();
        }, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience("dianzan").subject("A1").claim("person", "P1")
                .claim("account_type", "RECOMMENDER").claim("groups", List.of())
                .issueTime(Date.from(NOW.minusSeconds(60))).notBeforeTime(Date.from(NOW.minusSeconds(60)))
                .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(14))));
    }

    private static String signed(RSAKey with, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(with));
        return jwt.serialize();
    }

    private static Optional<Map<String, String>> verify(String token) {
        return verifier().verify("Bearer " + token);
    }

    @Test
    void aTokenOfTheIssuersKeyForThisAudienceInItsLifetimePassesWithItsClaimsAsHttpApiGivesThem() throws Exception {
        Map<String, String> claims = verify(signed(key, claims().build())).orElseThrow();
        assertEquals("A1", claims.get("sub"));
        assertEquals("P1", claims.get("person"));
        assertEquals("[]", claims.get("groups"));
    }

    @Test
    void theForgedListIsRefused() throws Exception {
        String good = signed(key, claims().build());
        String[] parts = good.split("\\.");
        byte[] publicKeyBytes = key.toRSAPublicKey().getEncoded();
        SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("current").build(), claims().build());
        hs256.sign(new MACSigner(Arrays.copyOf(publicKeyBytes, Math.max(32, publicKeyBytes.length))));
        Map<String, String> forged = Map.ofEntries(
                Map.entry("alg none", new PlainJWT(claims().build()).serialize()),
                Map.entry("alg none, signature kept", Base64URL.encode("{\"alg\":\"none\",\"kid\":\"current\"}") + "." + parts[1] + "." + parts[2]),
                Map.entry("HS256 keyed with the public key", hs256.serialize()),
                Map.entry("another key under the same kid", signed(stranger, claims().build())),
                Map.entry("a kid not in the JWKS", signed(new RSAKeyGenerator(2048).keyID("other").generate(), claims().build())),
                Map.entry("claims changed after signing", parts[0] + "." + Base64URL.encode(claims().subject("A2").build().toString()) + "." + parts[2]),
                Map.entry("expired", signed(key, claims().expirationTime(Date.from(NOW.minusSeconds(1))).build())),
                Map.entry("not yet valid", signed(key, claims().notBeforeTime(Date.from(NOW.plusSeconds(60))).build())),
                Map.entry("no expiry", signed(key, claims().expirationTime(null).build())),
                Map.entry("another audience", signed(key, claims().audience("another-api").build())),
                Map.entry("no audience", signed(key, claims().audience((String) null).build())),
                Map.entry("another issuer", signed(key, claims().issuer("https://evil.example").build())),
                Map.entry("issued in the future", signed(key, claims().issueTime(Date.from(NOW.plusSeconds(300))).build())),
                Map.entry("garbage", "not.a.jwt"),
                Map.entry("empty", ""));
        forged.forEach((what, token) -> assertTrue(verify(token).isEmpty(), what + " must be refused"));
        assertTrue(verifier().verify(good).isPresent(), "API Gateway takes the token without the Bearer scheme too");
        assertTrue(verifier().verify(null).isEmpty(), "no header");
    }

    @Test
    void anUnknownKidRefetchesTheJwksAtMostOnceInTenSeconds() throws Exception {
        JwtVerifier verifier = verifier();
        int before = FETCHES.get();
        String unknown = signed(new RSAKeyGenerator(2048).keyID("rotated-in").generate(), claims().build());
        verifier.verify("Bearer " + unknown);
        verifier.verify("Bearer " + unknown);
        verifier.verify("Bearer " + unknown);
        assertEquals(before + 1, FETCHES.get());
    }
}

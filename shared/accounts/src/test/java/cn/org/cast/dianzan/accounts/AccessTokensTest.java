package cn.org.cast.dianzan.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTokensTest {

    private static final Instant NOW = Instant.parse("2026-06-20T02:00:00Z");

    @TempDir
    Path dir;

    private AccessTokens tokens(LocalKeyFile current, List<SigningKey> previous) {
        return new AccessTokens("https://api.dzkpzg.example.cn/", "dianzan", current, previous,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void anAccessTokenIsRs256WithTheClaimsTheFunctionsRead() throws Exception {
        LocalKeyFile key = LocalKeyFile.open(dir.resolve("key.json"));
        Account account = new Account("A1", AccountType.ADMIN, "P1", NOW, 1);
        Person person = new Person("P1", "A1", "a@cast.org.cn", "王管理", "13800000000", "$argon2id$x", Person.Status.ACTIVE,
                NOW, Instant.EPOCH, "S", -1);

        SignedJWT jwt = SignedJWT.parse(tokens(key, List.of()).issue(account, person));

        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertEquals(key.keyId(), jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(key.publicKey())));
        var claims = jwt.getJWTClaimsSet();
        assertEquals("https://api.dzkpzg.example.cn", claims.getIssuer());
        assertEquals(List.of("dianzan"), claims.getAudience());
        assertEquals("A1", claims.getSubject());
        assertEquals("P1", claims.getStringClaim("person"));
        assertEquals("ADMIN", claims.getStringClaim("account_type"));
        assertEquals(List.of("admin"), claims.getStringListClaim("groups"));
        assertEquals(NOW.plusSeconds(900), claims.getExpirationTime().toInstant());
    }

    @Test
    void theKeyFileIsMadeOnceAndKeptPrivate() throws Exception {
        Path file = dir.resolve("keys/signing.json");
        LocalKeyFile first = LocalKeyFile.open(file);
        LocalKeyFile again = LocalKeyFile.open(file);
        assertEquals(first.keyId(), again.keyId());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void theJwksPublishesTheCurrentAndThePreviousKeyAndNoPrivatePart() throws Exception {
        LocalKeyFile current = LocalKeyFile.open(dir.resolve("new.json"));
        LocalKeyFile previous = LocalKeyFile.open(dir.resolve("old.json"));
        Map<String, Object> jwks = tokens(current, List.of(previous)).jwks();

        JWKSet set = JWKSet.parse(jwks);
        assertEquals(List.of(current.keyId(), previous.keyId()), set.getKeys().stream().map(k -> k.getKeyID()).toList());
        set.getKeys().forEach(k -> assertFalse(k.isPrivate()));
        assertEquals(current.publicKey(), ((RSAKey) set.getKeyByKeyId(current.keyId())).toRSAPublicKey());
    }

    @Test
    void discoveryPointsAtTheJwksUnderTheIssuer() {
        Map<String, Object> document = tokens(LocalKeyFile.open(dir.resolve("k.json")), List.of()).discovery();
        assertEquals("https://api.dzkpzg.example.cn", document.get("issuer"));
        assertEquals("https://api.dzkpzg.example.cn/.well-known/jwks.json", document.get("jwks_uri"));
        assertEquals(List.of("RS256"), document.get("id_token_signing_alg_values_supported"));
    }
}

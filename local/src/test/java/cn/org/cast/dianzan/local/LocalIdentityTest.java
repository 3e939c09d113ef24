package cn.org.cast.dianzan.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalIdentityTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final Clock now = Clock.fixed(Instant.parse("2026-06-20T02:00:00Z"), ZoneOffset.UTC);

    @Test
    void theSeededAdminGetsClaimsShapedAsHttpApiPassesThem() throws Exception {
        LocalIdentity identity = LocalIdentity.open(dir.resolve("id.json"), json, now);
        String token = (String) identity.signIn("admin", null).get("token");

        Map<String, String> claims = identity.verify("Bearer " + token).orElseThrow();
        assertEquals("[admin]", claims.get("cognito:groups"));
        assertEquals("admin", claims.get("cognito:username"));
    }

    @Test
    void aTokenIsRefusedOnceExpiredOrSignedWithAnotherKey() throws Exception {
        LocalIdentity identity = LocalIdentity.open(dir.resolve("id.json"), json, now);
        String token = (String) identity.signIn("admin", null).get("token");

        LocalIdentity later = LocalIdentity.open(dir.resolve("id.json"), json, Clock.offset(now, Duration.ofHours(13)));
        assertTrue(later.verify("Bearer " + token).isEmpty());
        LocalIdentity other = LocalIdentity.open(dir.resolve("other.json"), json, now);
        assertTrue(other.verify("Bearer " + token).isEmpty());
    }

    @Test
    void nobodyRegistersAsAdminThroughSignIn() {
        LocalIdentity identity = LocalIdentity.open(dir.resolve("id.json"), json, now);
        LocalIdentity.SignInRefused refused = assertThrows(LocalIdentity.SignInRefused.class,
                () -> identity.signIn("mallory", "ADMIN"));
        assertEquals("ACCOUNT_TYPE_REQUIRED", refused.code);
    }

    @Test
    void registeredUsersAndTheKeySurviveReopening() throws Exception {
        LocalIdentity identity = LocalIdentity.open(dir.resolve("id.json"), json, now);
        String token = (String) identity.signIn("impl-1", "IMPLEMENTER").get("token");

        LocalIdentity reopened = LocalIdentity.open(dir.resolve("id.json"), json, now);
        assertEquals("IMPLEMENTER", reopened.verify("Bearer " + token).orElseThrow().get("custom:account_type"));
    }
}

package cn.org.cast.dianzan.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B, SHA-1: the secret "12345678901234567890" (base32 below) at T = 59 s gives 287082. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void matchesTheRfcTestVector() {
        assertEquals("287082", Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(59)));
        assertEquals("081804", Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109)));
    }

    @Test
    void acceptsOneStepOfDriftEitherSideAndNoMore() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = now.getEpochSecond() / 30;
        assertEquals(step - 1, Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now).getAsLong());
        assertEquals(step + 1, Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now).getAsLong());
        assertTrue(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now).isEmpty());
        assertTrue(Totp.matchingStep(RFC_SECRET, "12345", now).isEmpty());
        assertTrue(Totp.matchingStep(RFC_SECRET, null, now).isEmpty());
    }

    @Test
    void theEnrolmentUriNamesTheSystemAndTheAccount() {
        String uri = Totp.uri("ABCDEF", "admin@cast.org.cn");
        assertTrue(uri.startsWith("otpauth://totp/"), uri);
        assertTrue(uri.contains("secret=ABCDEF") && uri.contains("period=30") && uri.contains("digits=6"), uri);
    }
}

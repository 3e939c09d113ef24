package cn.org.cast.dianzan.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1);

    @Test
    void storesAnArgon2idPhcStringWithASixteenByteRandomSaltAndItsParameters() {
        String hash = hasher.hash("科普案例-征集2026");
        String[] parts = hash.split("\\$");
        assertEquals("argon2id", parts[1]);
        assertEquals("m=1024,t=1,p=1", parts[3]);
        assertEquals(16, Base64.getDecoder().decode(pad(parts[4])).length, hash);
        assertNotEquals(hash, hasher.hash("科普案例-征集2026"), "a new salt each time");
    }

    @Test
    void checksThePasswordAndKnowsWhenTheParametersChanged() {
        String hash = hasher.hash("科普案例-征集2026");
        assertTrue(hasher.matches("科普案例-征集2026", hash));
        assertFalse(hasher.matches("科普案例-征集2027", hash));
        assertFalse(hasher.matches("科普案例-征集2026", "plain-text"));
        assertFalse(hasher.outdated(hash));
        assertTrue(new PasswordHasher(2048, 1, 1).outdated(hash));
    }

    private static String pad(String base64) {
        return base64 + "=".repeat((4 - base64.length() % 4) % 4);
    }
}

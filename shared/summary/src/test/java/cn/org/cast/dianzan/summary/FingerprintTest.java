package cn.org.cast.dianzan.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.summary.print.SheetMark;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static final Map<String, Long> TWO = Map.of("Caaa", 5L, "Cbbb", 7L);

    @Test
    void theSameCasesAtTheSameVersionsGiveTheSameHashAndCodeInAnyOrder() {
        Map<String, Long> reversed = new LinkedHashMap<>();
        reversed.put("Cbbb", 7L);
        reversed.put("Caaa", 5L);
        assertEquals(Fingerprint.of("2026", "U1", TWO), Fingerprint.of("2026", "U1", reversed));
    }

    @Test
    void anotherVersionAnotherCaseAnotherUnitOrCampaignChangesTheCode() {
        Fingerprint printed = Fingerprint.of("2026", "U1", TWO);
        assertNotEquals(printed.hash(), Fingerprint.of("2026", "U1", Map.of("Caaa", 6L, "Cbbb", 7L)).hash());
        assertNotEquals(printed.hash(), Fingerprint.of("2026", "U1", Map.of("Caaa", 5L)).hash());
        assertEquals(printed.hash(), Fingerprint.of("2026", "U2", TWO).hash());
        assertNotEquals(printed.code(), Fingerprint.of("2026", "U2", TWO).code());
        assertNotEquals(printed.code(), Fingerprint.of("2027", "U1", TWO).code());
    }

    @Test
    void theCodeIsEightCharactersOfCrockfordBase32AndTheMarkRoundTrips() {
        Fingerprint printed = Fingerprint.of("2026", "U1", TWO);
        assertTrue(printed.code().matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"), printed.code());
        assertTrue(printed.hash().matches("[0-9a-f]{16}"), printed.hash());
        SheetMark mark = new SheetMark("2026", "U1", printed.hash(), printed.code(), 2, 3);
        assertEquals(mark, SheetMark.parse(mark.payload()).orElseThrow());
        assertTrue(SheetMark.parse("https://example.cn/not-ours").isEmpty());
        assertTrue(SheetMark.parse(mark.payload().replace("DZKP1", "DZKP2")).isEmpty());
    }
}

package cn.org.cast.dianzan.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecommendationCodeTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void generatedCodesAreFifteenUnambiguousCharactersThatPassTheirCheck() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            RecommendationCode code = RecommendationCode.generate(random);
            assertEquals(15, code.value().length());
            assertTrue(code.value().chars().noneMatch(c -> "01OIL".indexOf(c) >= 0), code.value());
            assertEquals(code, RecommendationCode.parse(code.display()));
            seen.add(code.value());
        }
        assertEquals(2000, seen.size());
    }

    @Test
    void fourteenRandomCharactersCarryAtLeastSixtyBits() {
        assertTrue((RecommendationCode.LENGTH - 1) * Math.log(RecommendationCode.N) / Math.log(2) >= 60);
    }

    @Test
    void everySingleCharacterATypistGetsWrongIsCaughtByTheCheckCharacter() {
        for (int sample = 0; sample < 50; sample++) {
            String code = RecommendationCode.generate(random).value();
            for (int position = 0; position < code.length(); position++) {
                for (char replacement : RecommendationCode.ALPHABET.toCharArray()) {
                    if (replacement == code.charAt(position)) {
                        continue;
                    }
                    String typo = code.substring(0, position) + replacement + code.substring(position + 1);
                    DomainException e = assertThrows(DomainException.class, () -> RecommendationCode.parse(typo));
                    assertEquals(Failure.CODE_CHECK_FAILED, e.code());
                }
            }
        }
    }

    @Test
    void readsCodesTypedInLowerCaseWithSpacesOrDashes() {
        RecommendationCode code = RecommendationCode.generate(random);
        String typed = " " + code.display().toLowerCase().replace("-", " - ") + " ";
        assertEquals(code, RecommendationCode.parse(typed));
    }

    @Test
    void lettersAndDigitsThatLookAlikeAreNotPartOfAnyCodeAndAreRefusedAsMalformed() {
        for (String typed : new String[] {"0AAAA-AAAAA-AAAAA", "OAAAA-AAAAA-AAAAA", "1AAAA-AAAAA-AAAAA",
                "IAAAA-AAAAA-AAAAA", "LAAAA-AAAAA-AAAAA", "AAAA-AAAAA", "", "推荐码推荐码推荐码推荐码推荐码"}) {
            assertEquals(Failure.CODE_MALFORMED, assertThrows(DomainException.class,
                    () -> RecommendationCode.parse(typed)).code(), typed);
        }
        assertEquals(Failure.CODE_MALFORMED, assertThrows(DomainException.class, () -> RecommendationCode.parse(null)).code());
    }

    @Test
    void everySwapOfNeighbouringCharactersIsCaughtToo() {
        int swaps = 0;
        int caught = 0;
        for (int sample = 0; sample < 200; sample++) {
            String code = RecommendationCode.generate(random).value();
            for (int i = 0; i + 1 < code.length(); i++) {
                if (code.charAt(i) == code.charAt(i + 1)) {
                    continue;
                }
                String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
                swaps++;
                caught += RecommendationCode.checks(swapped) ? 0 : 1;
            }
        }
        assertEquals(swaps, caught);
        assertFalse(RecommendationCode.checks("22222222222222A"));
    }
}

package cn.org.cast.dianzan.codes;

import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * A recommendation code (推荐码): 14 random characters (about 69 bits from a secure RNG) and a weighted
 * mod 31 check character, from an alphabet without 0/O, 1/I/L. Shown in three groups of five
 * ({@code 7KQ2M-X9D4R-HT3WC}); typed with or without the dashes, in either case. A typist's single
 * wrong character is caught by the check character before any lookup.
 */
public record RecommendationCode(String value) {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int N = ALPHABET.length();
    public static final int LENGTH = 15;

    public RecommendationCode {
        if (value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) || !checks(value)) {
            throw new IllegalArgumentException("not a recommendation code");
        }
    }

    public static RecommendationCode generate(SecureRandom random) {
        StringBuilder payload = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH - 1; i++) {
            payload.append(ALPHABET.charAt(random.nextInt(N)));
        }
        return new RecommendationCode(payload.append(checkCharacter(payload)).toString());
    }

    /** Reads what a person typed; a malformed code or a wrong check character is a 400 without a lookup. */
    public static RecommendationCode parse(String typed) {
        String normalized = typed == null ? "" : typed.replaceAll("[\\s\\-－—_]", "").toUpperCase(Locale.ROOT);
        if (normalized.length() != LENGTH || !normalized.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new DomainException(Failure.CODE_MALFORMED);
        }
        if (!checks(normalized)) {
            throw new DomainException(Failure.CODE_CHECK_FAILED);
        }
        return new RecommendationCode(normalized);
    }

    public String display() {
        return value.substring(0, 5) + "-" + value.substring(5, 10) + "-" + value.substring(10);
    }

    @Override
    public String toString() {
        return display();
    }

    /** Weighted sum mod 31 (a prime): weights 1..15 catch every single substitution and every swap of neighbours. */
    static char checkCharacter(CharSequence payload) {
        int sum = 0;
        for (int i = 0; i < payload.length(); i++) {
            sum += (i + 1) * ALPHABET.indexOf(payload.charAt(i));
        }
        // the check character has weight 15; 29 is the inverse of 15 modulo 31
        return ALPHABET.charAt(Math.floorMod(-sum * 29, N));
    }

    static boolean checks(String code) {
        int sum = 0;
        for (int i = 0; i < code.length(); i++) {
            sum += (i + 1) * ALPHABET.indexOf(code.charAt(i));
        }
        return sum % N == 0;
    }
}

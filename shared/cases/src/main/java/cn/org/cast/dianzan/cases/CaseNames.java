package cn.org.cast.dianzan.cases;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Names compared as people mean them: full-width and half-width folded (NFKC), traditional
 * characters read as simplified where opencc4j is on the classpath, case, punctuation, symbols and
 * white space ignored.
 */
public final class CaseNames {

    private static final boolean OPENCC = present("com.github.houbb.opencc4j.util.ZhConverterUtil");

    private CaseNames() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        if (OPENCC) {
            folded = com.github.houbb.opencc4j.util.ZhConverterUtil.toSimple(folded);
        }
        return folded.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}\\p{Z}\\s]", "");
    }

    /** 1 for the same normalized text, falling towards 0 with the edit distance. */
    public static double similarity(String a, String b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return 1.0 - (double) previous[b.length()] / Math.max(a.length(), b.length());
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, CaseNames.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}

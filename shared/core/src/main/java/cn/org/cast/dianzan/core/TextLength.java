package cn.org.cast.dianzan.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lengths as a reader counts them: one per user-perceived character (extended grapheme cluster). */
public final class TextLength {

    private TextLength() {
    }

    // The regex \X follows the extended grapheme rules (emoji ZWJ sequences, flags) on Java 17;
    // java.text.BreakIterator there still splits a ZWJ emoji into three.
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    public static int of(String text) {
        Matcher matcher = GRAPHEME.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** True where the text holds a control character other than line breaks and tabs. */
    public static boolean hasControlCharacters(String text, boolean multiline) {
        return text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
    }
}

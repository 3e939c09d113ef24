package cn.org.cast.dianzan.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextLengthTest {

    @Test
    void countsWhatAReaderSeesNotBytesOrUtf16Units() {
        assertEquals(4, TextLength.of("科普中国"));
        assertEquals(2, TextLength.of("科\uD83D\uDD2C"));
        assertEquals(1, TextLength.of("e\u0301"));
        assertEquals(1, TextLength.of("\uD83D\uDC69\u200D\uD83D\uDD2C"));
        assertEquals(1, TextLength.of("\uD83C\uDDE8\uD83C\uDDF3"));
    }

    @Test
    void findsControlCharactersButAllowsLineBreaksInLongText() {
        assertTrue(TextLength.hasControlCharacters("a\u0007b", true));
        assertTrue(TextLength.hasControlCharacters("a\nb", false));
        assertFalse(TextLength.hasControlCharacters("a\nb", true));
    }
}

package cn.org.cast.dianzan.summary.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypefaceTest {

    @ParameterizedTest
    @ValueSource(strings = {"“", "”", "·", "□", "■", "○", "●", "〓", "（", "）", "：", "，", "。", "、", "—", "典", "赞"})
    void fontHasTheGlyphsTheSheetsPrint(String character) {
        assertTrue(Typeface.hasGlyph(character.codePointAt(0)), character);
    }

    @ParameterizedTest
    @ValueSource(strings = {"☑", "☐", "◉", "𠮷", "😀"})
    void fontLacksTheseSoTheSheetsDoNotUseThem(String character) {
        // ☑/☐/◉ would have been the natural marks: the sheets print ■/□ and ●/○ instead
        assertFalse(Typeface.hasGlyph(character.codePointAt(0)), character);
    }

    @Test
    void charactersTheFontLacksBecomeGetaMarksAndAreCollected() {
        // GIVEN a name with a CJK Extension B character and an emoji (a surrogate pair each)
        Set<String> unprintable = new LinkedHashSet<>();
        // WHEN
        String printable = Typeface.printable("𠮷野家科普讲座😀", unprintable);
        // THEN
        assertEquals("〓野家科普讲座〓", printable);
        assertEquals(List.of("𠮷", "😀"), List.copyOf(unprintable));
    }

    @Test
    void lineBreaksAreKeptTabsBecomeSpacesAndOtherControlsAreDropped() {
        Set<String> unprintable = new LinkedHashSet<>();
        assertEquals("一\n二\n三 四五", Typeface.printable("一\r\n二\r三\t四\u0007五", unprintable));
        assertTrue(unprintable.isEmpty());
    }

    @Test
    void invisibleJoinersAndVariationSelectorsOfAnEmojiAreDroppedNotMarked() {
        // GIVEN ❤️ (a heart and the emoji presentation selector) and a ZWJ sequence
        Set<String> unprintable = new LinkedHashSet<>();
        // WHEN
        String printable = Typeface.printable("爱心❤\uFE0F家庭👨\u200D👩", unprintable);
        // THEN the selector and the joiner vanish; what the font lacks is still marked, once a character
        String heart = Typeface.hasGlyph(0x2764) ? "❤" : "〓";
        assertEquals("爱心" + heart + "家庭〓〓", printable);
        assertTrue(unprintable.containsAll(List.of("👨", "👩")));
    }
}

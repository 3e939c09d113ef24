package cn.org.cast.dianzan.summary.print;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The one font of the printed sheets, WenQuanYi Micro Hei, read from the classpath (Lambda has no
 * system fonts) and parsed once per JVM: every document embeds a subset of the same parsed font,
 * which stays open for the JVM's life. It lacks some characters (CJK Extension B such as 𠮷, emoji):
 * {@link #printable} replaces those with 〓 before anything is drawn, so drawing never fails.
 */
public final class Typeface {

    /** Printed in place of a character the font cannot draw (the geta mark, as Chinese typesetting does). */
    public static final String MISSING = "〓";

    /**
     * The boxes and circles of the form's choices. This font draws them less than half as tall as a
     * Chinese character, so they are drawn {@link #MARK_SCALE} times larger and lowered to sit level
     * with the text.
     */
    private static final String MARKS = "□■○●";
    private static final float MARK_SCALE = 1.5f;
    /** Heights of the middle of a mark's box and of a Chinese character's, in ems above the baseline. */
    private static final float MARK_MIDDLE = 0.375f;
    private static final float TEXT_MIDDLE = 0.36f;

    private static final String RESOURCE = "/fonts/wqy-microhei.ttc";
    private static final String FACE = "WenQuanYiMicroHei";

    private Typeface() {
    }

    /**
     * The parsed font, made when first asked for (class initialisation makes that thread-safe). FontBox
     * reads every table when it parses a face and guards its lazy glyph reads, so documents on several
     * threads may share it.
     */
    private static final class Font {
        /** Never closed: the face reads its glyphs from it while documents are saved. */
        static final TrueTypeCollection COLLECTION;
        static final TrueTypeFont TTF;
        static final CmapLookup CMAP;
        static final float UNITS_PER_EM;

        static {
            try (InputStream in = Typeface.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("font missing from the classpath: " + RESOURCE);
                }
                COLLECTION = new TrueTypeCollection(in);
                TTF = COLLECTION.getFontByName(FACE);
                if (TTF == null) {
                    throw new IllegalStateException("no face " + FACE + " in " + RESOURCE);
                }
                CMAP = TTF.getUnicodeCmapLookup();
                UNITS_PER_EM = TTF.getUnitsPerEm();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /** The font for one document, embedded as a subset when the document is saved. */
    public static PDType0Font load(PDDocument document) {
        try {
            return PDType0Font.load(document, Font.TTF, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the font has a glyph for the code point. */
    public static boolean hasGlyph(int codePoint) {
        return Font.CMAP.getGlyphId(codePoint) != 0;
    }

    /**
     * The text as it can be drawn: line breaks made "\n" (the layout breaks the line there), tabs made
     * spaces, other control and format characters and variation selectors dropped, and every character
     * the font lacks replaced by {@link #MISSING} and added to {@code unprintable} (the character
     * itself, e.g. "𠮷").
     */
    public static String printable(String text, Set<String> unprintable) {
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(lines.length());
        lines.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (cp == '\t') {
                out.append(' ');
            } else if (ignorable(cp)) {
                return;
            } else if (hasGlyph(cp)) {
                out.appendCodePoint(cp);
            } else {
                unprintable.add(Character.toString(cp));
                out.append(MISSING);
            }
        });
        return out.toString();
    }

    /**
     * Controls, the invisible format characters (zero-width joiner, byte order mark, soft hyphen) and
     * the variation selectors (the emoji presentation selector after ❤): nothing to draw.
     */
    private static boolean ignorable(int cp) {
        int type = Character.getType(cp);
        boolean variationSelector = (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
        return type == Character.CONTROL || type == Character.FORMAT || variationSelector;
    }

    /**
     * The advance of the text as drawn (marks enlarged), in points at the given size; only for text
     * {@link #printable} returned.
     */
    static float width(CharSequence text, float size) {
        float units = 0;
        try {
            for (int i = 0; i < text.length(); ) {
                int cp = Character.codePointAt(text, i);
                units += Font.TTF.getAdvanceWidth(Font.CMAP.getGlyphId(cp)) * scale(cp);
                i += Character.charCount(cp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return units / Font.UNITS_PER_EM * size;
    }

    /** How much larger than the text around it the character is drawn: {@link #MARK_SCALE} for the marks. */
    static float scale(int codePoint) {
        return MARKS.indexOf(codePoint) >= 0 ? MARK_SCALE : 1;
    }

    /** How far below the baseline a character drawn at {@link #scale} sits, at the given text size. */
    static float drop(int codePoint, float size) {
        float scale = scale(codePoint);
        return scale == 1 ? 0 : (MARK_MIDDLE * scale - TEXT_MIDDLE) * size;
    }
}

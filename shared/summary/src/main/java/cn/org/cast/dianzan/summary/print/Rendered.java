package cn.org.cast.dianzan.summary.print;

import java.util.List;

/**
 * A generated document: its bytes, its page count, and the characters of its text the font could
 * not draw (printed as 〓 instead; empty when every character has a glyph).
 */
public record Rendered(byte[] bytes, int pages, List<String> unprintable) {

    public Rendered {
        unprintable = List.copyOf(unprintable);
    }
}

package cn.org.cast.dianzan.summary.print;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks printable text into lines no wider than a width, measured with the {@link Typeface}: at
 * each "\n", between any two Chinese characters, and between Latin words, which stay whole when they
 * fit a line and are broken anywhere when they do not (a long link). A line does not start with a
 * closing mark (，。）” …) nor end with an opening one (（“ …) or with a ○/□ box cut from its label.
 * A list of short items (the form's options) may instead be broken at its spaces only.
 */
final class LineBreaker {

    private static final String NO_START = "，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}";
    private static final String NO_END = "（《「『【〔〈“‘([{○●□■";

    private LineBreaker() {
    }

    /** The lines of {@code text} (already {@link Typeface#printable}); an empty paragraph gives an empty line. */
    static List<String> lines(String text, float size, float width) {
        return lines(text, size, width, false);
    }

    /** The lines, broken only at spaces if {@code atSpacesOnly} (and within an item wider than a line). */
    static List<String> lines(String text, float size, float width, boolean atSpacesOnly) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            new Paragraph(size, width, lines).fill(atSpacesOnly ? items(paragraph) : tokens(paragraph));
        }
        return lines;
    }

    /** Runs of spaces and what lies between them. */
    static List<String> items(String paragraph) {
        List<String> items = new ArrayList<>();
        int i = 0;
        while (i < paragraph.length()) {
            boolean space = paragraph.charAt(i) == ' ';
            int end = i + 1;
            while (end < paragraph.length() && (paragraph.charAt(end) == ' ') == space) {
                end++;
            }
            items.add(paragraph.substring(i, end));
            i = end;
        }
        return items;
    }

    /** Words (runs of Latin letters, digits and ASCII marks), runs of spaces, and single other characters. */
    static List<String> tokens(String paragraph) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < paragraph.length()) {
            int cp = paragraph.codePointAt(i);
            int end = i + Character.charCount(cp);
            if (cp == ' ') {
                while (end < paragraph.length() && paragraph.charAt(end) == ' ') {
                    end++;
                }
            } else if (isWordChar(cp)) {
                while (end < paragraph.length() && isWordChar(paragraph.codePointAt(end))) {
                    end += Character.charCount(paragraph.codePointAt(end));
                }
            }
            tokens.add(paragraph.substring(i, end));
            i = end;
        }
        return tokens;
    }

    /** Below the general punctuation block: Latin, Greek, Cyrillic; CJK text and its symbols lie above. */
    private static boolean isWordChar(int cp) {
        return cp != ' ' && cp != '·' && cp < 0x2000;
    }

    /** One paragraph filled greedily, token by token, into lines. */
    private static final class Paragraph {
        private final float size;
        private final float width;
        private final List<String> out;
        private final List<String> line = new ArrayList<>();
        private float lineWidth;
        private boolean wrapped; // the line under way began where the one before it broke

        Paragraph(float size, float width, List<String> out) {
            this.size = size;
            this.width = width;
            this.out = out;
        }

        void fill(List<String> tokens) {
            for (String token : tokens) {
                float tokenWidth = Typeface.width(token, size);
                if (isSpace(token) && line.isEmpty() && wrapped) {
                    continue; // a wrapped line does not start with the space it broke at
                }
                if (lineWidth + tokenWidth <= width) {
                    add(token, tokenWidth);
                } else if (isSpace(token)) {
                    breakLine(List.of());
                } else if (tokenWidth > width) {
                    breakWord(token);
                } else {
                    breakLine(carriedOver(token));
                    add(token, tokenWidth);
                }
            }
            flush();
        }

        /** A word wider than a whole line fills the rest of this line and goes on over the next. */
        private void breakWord(String word) {
            for (int i = 0; i < word.length(); ) {
                String ch = word.substring(i, i + Character.charCount(word.codePointAt(i)));
                float w = Typeface.width(ch, size);
                if (lineWidth + w > width && !line.isEmpty()) {
                    breakLine(List.of());
                }
                add(ch, w);
                i += ch.length();
            }
        }

        /** The tokens that must leave this line with the next one: an opening mark, or the character a closing mark follows. */
        private List<String> carriedOver(String next) {
            List<String> carried = new ArrayList<>();
            if (NO_START.indexOf(next.codePointAt(0)) >= 0 && line.size() > 1 && !isSpace(last())) {
                carried.add(0, line.remove(line.size() - 1));
            }
            while (line.size() > 1 && NO_END.indexOf(last().codePointAt(last().length() - 1)) >= 0) {
                carried.add(0, line.remove(line.size() - 1));
            }
            return carried;
        }

        private String last() {
            return line.get(line.size() - 1);
        }

        private static boolean isSpace(String token) {
            return token.charAt(0) == ' ';
        }

        private void add(String token, float tokenWidth) {
            line.add(token);
            lineWidth += tokenWidth;
        }

        private void breakLine(List<String> carried) {
            flush();
            wrapped = true;
            for (String token : carried) {
                add(token, Typeface.width(token, size));
            }
        }

        private void flush() {
            out.add(String.join("", line).stripTrailing());
            line.clear();
            lineWidth = 0;
        }
    }
}

package cn.org.cast.dianzan.summary.print;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * A4 portrait pages for the printed sheets: wrapped text and bordered table rows that flow onto new
 * pages (a row too tall for what is left of a page is split between its lines), every string made
 * {@link Typeface#printable} first. Headers and footers that need the page count are drawn by
 * {@link #finish} once every page exists. One instance makes one document, on one thread.
 */
final class Layout implements Closeable {

    static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
    static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    static final float MARGIN = mm(20);
    static final float LEFT = MARGIN;
    static final float RIGHT = PAGE_WIDTH - MARGIN;
    static final float WIDTH = RIGHT - LEFT;
    static final float TOP = PAGE_HEIGHT - MARGIN;
    static final float BOTTOM = MARGIN;
    static final float PADDING = 4;
    private static final float BORDER = 0.6f;
    private static final float SHADE = 0.92f;
    /** A row is split over two pages only if at least this many lines of it fit on the first. */
    private static final int MIN_LINES_BEFORE_SPLIT = 3;

    /** Where a line of text sits: left of, centred on, or right of its x. */
    enum Align { LEFT, CENTER, RIGHT }

    /** A text size and weight; bold is drawn by stroking the outline too (the font has one weight). */
    record Style(float size, boolean bold, float leading) {
        static final Style TITLE = new Style(16, true, 24);
        static final Style HEADING = new Style(12, true, 18);
        static final Style BODY = new Style(10.5f, false, 15);
        static final Style LABEL = new Style(10.5f, true, 15);
        static final Style SMALL = new Style(9, false, 13);
        static final Style FOOTER = new Style(8, false, 10);
    }

    /** A paragraph of a cell; a list of options is broken at its spaces only. */
    record Para(String text, Style style, Align align, boolean atSpacesOnly) {

        Para(String text, Style style, Align align) {
            this(text, style, align, false);
        }
    }

    /** Draws inside a cell that holds no text (the photos). */
    @FunctionalInterface
    interface Figure {
        void draw(Layout layout, float x, float top, float width, float height) throws IOException;
    }

    /** Run on each new page before anything flows onto it; it sets where the flow starts. */
    @FunctionalInterface
    interface PageStart {
        PageStart MARGIN_TOP = (layout, page) -> layout.moveTo(TOP);

        void start(Layout layout, int page) throws IOException;
    }

    /** Drawn on every page once the page count is known (footers, codes). */
    @FunctionalInterface
    interface Decoration {
        void draw(Layout layout, int page, int pages) throws IOException;
    }

    /**
     * A table cell of a given width: paragraphs, or a figure of fixed height. A cell merged with the one
     * below it (as 案例材料 spans its four parts) leaves its bottom border open, and that one its top.
     */
    record Cell(float width, List<Para> paras, Figure figure, float figureHeight, boolean middle, boolean shaded,
                boolean openTop, boolean openBottom) {

        static Cell text(float width, Para... paras) {
            return new Cell(width, List.of(paras), null, 0, false, false, false, false);
        }

        static Cell text(float width, String text) {
            return text(width, new Para(text, Style.BODY, Align.LEFT));
        }

        /** A label, centred both ways. */
        static Cell label(float width, String text) {
            List<Para> label = List.of(new Para(text, Style.LABEL, Align.CENTER));
            return new Cell(width, label, null, 0, true, false, false, false);
        }

        static Cell figure(float width, float height, Figure figure) {
            return new Cell(width, List.of(), figure, height, false, false, false, false);
        }

        Cell centered() {
            List<Para> centred = paras.stream()
                    .map(p -> new Para(p.text(), p.style(), Align.CENTER, p.atSpacesOnly())).toList();
            return new Cell(width, centred, figure, figureHeight, true, shaded, openTop, openBottom);
        }

        Cell shade() {
            return new Cell(width, paras, figure, figureHeight, middle, true, openTop, openBottom);
        }

        Cell mergedWith(boolean above, boolean below) {
            return new Cell(width, paras, figure, figureHeight, middle, shaded, above, below);
        }
    }

    private record Line(String text, Style style, Align align) {
    }

    private final PDDocument document = new PDDocument();
    private final PDType0Font font = Typeface.load(document);
    private final Set<String> unprintable = new LinkedHashSet<>();
    private final PageStart pageStart;
    private PDPageContentStream out;
    private float y;
    private float flowTop;
    private List<Cell> repeatedRow = List.of();
    /** Bottom borders (x, width, y) the last row left open for a merged cell below it. */
    private final List<float[]> openBottoms = new ArrayList<>();

    private Layout(PageStart pageStart) {
        this.pageStart = pageStart;
    }

    /** A document with its first page begun. */
    static Layout open(String title, PageStart pageStart) throws IOException {
        Layout layout = new Layout(pageStart);
        layout.document.getDocumentInformation().setTitle(title);
        layout.document.getDocumentCatalog().setLanguage("zh-CN");
        layout.newPage();
        return layout;
    }

    static float mm(float millimetres) {
        return millimetres * 72 / 25.4f;
    }

    PDDocument document() {
        return document;
    }

    PDPageContentStream out() {
        return out;
    }

    float y() {
        return y;
    }

    void moveTo(float newY) {
        y = newY;
    }

    void newPage() throws IOException {
        if (out != null) {
            closeOpenBottoms(); // a merged cell that continues on the next page is closed at the end of this one
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        pageStart.start(this, document.getNumberOfPages());
        flowTop = y;
        if (!repeatedRow.isEmpty()) {
            drawRow(repeatedRow);
            flowTop = y;
        }
    }

    /** Starts a new page unless {@code height} still fits on this one. */
    void keep(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    void space(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        } else {
            y -= height;
        }
    }

    /** A paragraph across the width between the margins. */
    void paragraph(String text, Style style, Align align) throws IOException {
        paragraph(text, style, align, LEFT, WIDTH);
    }

    /** A paragraph in a column, flowing onto new pages. */
    void paragraph(String text, Style style, Align align, float x, float width) throws IOException {
        for (String line : LineBreaker.lines(printable(text), style.size(), width)) {
            keep(style.leading());
            show(line, anchor(x, width, align), baseline(y, style), style, align);
            y -= style.leading();
        }
    }

    /** One line at a given place, never wrapped: shrunk to {@code maxWidth} if wider. */
    void text(String text, float x, float baseline, Style style, Align align, float maxWidth) throws IOException {
        String line = printable(text).replace('\n', ' ');
        float width = Typeface.width(line, style.size());
        Style fitted = width <= maxWidth ? style
                : new Style(style.size() * maxWidth / width, style.bold(), style.leading());
        show(line, x, baseline, fitted, align);
    }

    float width(String text, Style style) {
        return Typeface.width(printable(text).replace('\n', ' '), style.size());
    }

    /** Repeats a row (a table's header) at the top of every page the table flows onto; empty to stop. */
    void repeatOnNewPages(List<Cell> row) {
        repeatedRow = List.copyOf(row);
    }

    /** A table row under the last, the cells side by side from the left margin. */
    void row(Cell... cells) throws IOException {
        drawRow(Arrays.asList(cells));
    }

    private void drawRow(List<Cell> cells) throws IOException {
        List<List<Line>> pending = new ArrayList<>();
        for (Cell cell : cells) {
            pending.add(lines(cell));
        }
        boolean continued = false;
        while (true) {
            float needed = 0;
            boolean splittable = true;
            int tallest = 0;
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = cells.get(i);
                needed = Math.max(needed, contentHeight(cell, pending.get(i)) + 2 * PADDING);
                splittable &= cell.figure() == null;
                tallest = Math.max(tallest, pending.get(i).size());
            }
            float available = y - BOTTOM;
            if (needed <= available) {
                drawPiece(cells, pending, needed, continued, true);
                y -= needed;
                return;
            }
            int fitting = linesFitting(pending, available);
            boolean pageTop = y == flowTop;
            if (splittable && fitting > 0 && (pageTop || fitting >= Math.min(MIN_LINES_BEFORE_SPLIT, tallest))) {
                pending = drawPiece(cells, pending, available, continued, false);
                continued = true;
                y = BOTTOM;
                newPage();
            } else if (pageTop) {
                drawPiece(cells, pending, needed, continued, true); // an unsplittable row taller than a page
                y -= needed;
                return;
            } else {
                newPage();
            }
        }
    }

    /** How many lines of the tallest cell fit into {@code height}. */
    private static int linesFitting(List<List<Line>> pending, float height) {
        int most = 0;
        for (List<Line> lines : pending) {
            most = Math.max(most, fitting(lines, height - 2 * PADDING));
        }
        return most;
    }

    private static int fitting(List<Line> lines, float height) {
        float used = 0;
        int n = 0;
        for (Line line : lines) {
            if (used + line.style().leading() > height) {
                break;
            }
            used += line.style().leading();
            n++;
        }
        return n;
    }

    /**
     * Draws the cells' lines that fit into {@code height} at the flow position, with borders, and
     * returns each cell's lines left over. {@code whole} says the row ends here (every line fits).
     */
    private List<List<Line>> drawPiece(List<Cell> cells, List<List<Line>> pending, float height, boolean continued,
                                       boolean whole) throws IOException {
        List<List<Line>> rest = new ArrayList<>();
        float x = LEFT;
        boolean pageTop = y == flowTop;
        openBottoms.clear();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            List<Line> lines = pending.get(i);
            int n = whole ? lines.size() : fitting(lines, height - 2 * PADDING);
            if (cell.shaded()) {
                out.setNonStrokingColor(SHADE);
                out.addRect(x, y - height, cell.width(), height);
                out.fill();
                out.setNonStrokingColor(0f);
            }
            if (cell.figure() != null) {
                cell.figure().draw(this, x + PADDING, y - PADDING, cell.width() - 2 * PADDING, cell.figureHeight());
            }
            float top = y - PADDING;
            float used = contentHeight(cell, lines.subList(0, n));
            if (cell.middle() && !continued && n == lines.size()) {
                top -= (height - 2 * PADDING - used) / 2;
            }
            for (Line line : lines.subList(0, n)) {
                float innerWidth = cell.width() - 2 * PADDING;
                show(line.text(), anchor(x + PADDING, innerWidth, line.align()), baseline(top, line.style()),
                        line.style(), line.align());
                top -= line.style().leading();
            }
            rest.add(lines.subList(n, lines.size()));
            boolean openBottom = cell.openBottom() && whole;
            borders(x, cell.width(), height, cell.openTop() && !pageTop, openBottom);
            if (openBottom) {
                openBottoms.add(new float[] {x, cell.width(), y - height});
            }
            x += cell.width();
        }
        return rest;
    }

    private void closeOpenBottoms() throws IOException {
        for (float[] edge : openBottoms) {
            out.setLineWidth(BORDER);
            out.moveTo(edge[0], edge[2]);
            out.lineTo(edge[0] + edge[1], edge[2]);
            out.stroke();
        }
        openBottoms.clear();
    }

    private void borders(float x, float width, float height, boolean openTop, boolean openBottom) throws IOException {
        out.setLineWidth(BORDER);
        out.moveTo(x, y);
        out.lineTo(x, y - height);
        out.moveTo(x + width, y);
        out.lineTo(x + width, y - height);
        if (!openTop) {
            out.moveTo(x, y);
            out.lineTo(x + width, y);
        }
        if (!openBottom) {
            out.moveTo(x, y - height);
            out.lineTo(x + width, y - height);
        }
        out.stroke();
    }

    private List<Line> lines(Cell cell) {
        List<Line> lines = new ArrayList<>();
        for (Para para : cell.paras()) {
            float innerWidth = cell.width() - 2 * PADDING;
            String text = printable(para.text());
            for (String line : LineBreaker.lines(text, para.style().size(), innerWidth, para.atSpacesOnly())) {
                lines.add(new Line(line, para.style(), para.align()));
            }
        }
        return lines;
    }

    private static float contentHeight(Cell cell, List<Line> lines) {
        float height = cell.figure() == null ? 0 : cell.figureHeight();
        for (Line line : lines) {
            height += line.style().leading();
        }
        return height;
    }

    private String printable(String text) {
        return Typeface.printable(text == null ? "" : text, unprintable);
    }

    private static float anchor(float x, float width, Align align) {
        return switch (align) {
            case LEFT -> x;
            case CENTER -> x + width / 2;
            case RIGHT -> x + width;
        };
    }

    /** The baseline that centres the glyphs (ascending about 0.88 em, descending 0.12) in a line's leading. */
    private static float baseline(float lineTop, Style style) {
        return lineTop - style.leading() / 2 - 0.38f * style.size();
    }

    /**
     * Draws a line that {@link #printable} made, the marks in runs of their own at their size; the only
     * place text reaches the content stream.
     */
    private void show(String line, float x, float baseline, Style style, Align align) throws IOException {
        if (line.isEmpty()) {
            return;
        }
        float width = Typeface.width(line, style.size());
        float left = switch (align) {
            case LEFT -> x;
            case CENTER -> x - width / 2;
            case RIGHT -> x - width;
        };
        out.saveGraphicsState();
        if (style.bold()) {
            out.setRenderingMode(RenderingMode.FILL_STROKE);
            out.setLineWidth(style.size() * 0.035f);
        }
        out.beginText();
        float cursor = left;
        for (int start = 0; start < line.length(); ) {
            int first = line.codePointAt(start);
            int end = start;
            while (end < line.length() && Typeface.scale(line.codePointAt(end)) == Typeface.scale(first)) {
                end += Character.charCount(line.codePointAt(end));
            }
            String run = line.substring(start, end);
            out.setFont(font, style.size() * Typeface.scale(first));
            out.setTextMatrix(Matrix.getTranslateInstance(cursor, baseline - Typeface.drop(first, style.size())));
            out.showText(run);
            cursor += Typeface.width(run, style.size());
            start = end;
        }
        out.endText();
        out.restoreGraphicsState();
    }

    /** The footer of every sheet: a rule, what the page belongs to on the left, the page count on the right. */
    void footer(String left, int page, int pages) throws IOException {
        float rule = BOTTOM - 12;
        out.setStrokingColor(0.6f);
        out.setLineWidth(0.4f);
        out.moveTo(LEFT, rule);
        out.lineTo(RIGHT, rule);
        out.stroke();
        out.setStrokingColor(0f);
        String count = "第 " + page + " 页 / 共 " + pages + " 页";
        float baseline = rule - 12;
        float countWidth = width(count, Style.FOOTER);
        text(count, RIGHT, baseline, Style.FOOTER, Align.RIGHT, countWidth);
        text(left, LEFT, baseline, Style.FOOTER, Align.LEFT, WIDTH - countWidth - 12);
    }

    /** Ends the flow, draws the decoration on every page, and saves. */
    Rendered finish(Decoration decoration) throws IOException {
        closeOpenBottoms();
        out.close();
        out = null;
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream page = new PDPageContentStream(document, document.getPage(i), AppendMode.APPEND,
                    true, true)) {
                out = page;
                decoration.draw(this, i + 1, pages);
            } finally {
                out = null;
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        document.save(bytes);
        return new Rendered(bytes.toByteArray(), pages, List.copyOf(unprintable));
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
        document.close();
    }
}

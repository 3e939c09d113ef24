package cn.org.cast.dianzan.summary.print;

import cn.org.cast.dianzan.campaign.Category;
import cn.org.cast.dianzan.summary.print.Layout.Align;
import cn.org.cast.dianzan.summary.print.Layout.Cell;
import cn.org.cast.dianzan.summary.print.Layout.Para;
import cn.org.cast.dianzan.summary.print.Layout.Style;
import com.google.zxing.common.BitMatrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The recommending unit's summary sheet (推荐汇总表), to be printed, stamped and scanned back: the unit,
 * its cases grouped by category, the totals and the place for the seal. Every page carries, top right,
 * a QR code of the sheet's {@link SheetMark} for that page and, in words, the verification code, so
 * that each page of the scan can be matched to the data it was printed from.
 */
public final class SummarySheetPdf {

    /** The printed width of the QR code, quiet zone included; 80 pt of symbol survives a poor scan. */
    static final float QR_SIZE = 100;
    static final float QR_TOP = Layout.PAGE_HEIGHT - 30;
    static final float QR_LEFT = Layout.RIGHT - QR_SIZE;
    /** Where the flow starts on every page: below the code and its caption. */
    static final float BAND_BOTTOM = QR_TOP - QR_SIZE - 22;
    private static final float BAND_WIDTH = Layout.WIDTH - QR_SIZE - 16;
    private static final float SEAL_HEIGHT = Layout.mm(45);

    private static final Style CELL = new Style(9.5f, false, 14);
    private static final Style CELL_BOLD = new Style(9.5f, true, 14);
    private static final float[] COLUMNS = {28, 140, 74, 118, 50, Layout.WIDTH - 410};
    private static final String[] HEADINGS = {"序号", "案例名称", "类别细项", "实施单位", "联系人", "联系电话"};
    private static final float HEADING_WITH_ROW = 2 * (CELL.leading() + 2 * Layout.PADDING) + CELL.leading();
    private static final float UNIT_LABEL = 78;
    private static final float UNIT_HALF = (Layout.WIDTH - 2 * UNIT_LABEL) / 2;

    private SummarySheetPdf() {
    }

    /** The sheet as a PDF, the code of each page in its top right corner. */
    public static Rendered render(SummarySheet sheet) {
        String code = "验证码 " + sheet.mark().code();
        Layout.PageStart pageStart = (layout, page) -> {
            if (page > 1) {
                layout.moveTo(Layout.TOP);
                layout.paragraph(sheet.title() + "（续）", Style.SMALL, Align.LEFT, Layout.LEFT, BAND_WIDTH);
            }
            layout.moveTo(BAND_BOTTOM);
        };
        try (Layout layout = Layout.open(sheet.title(), pageStart)) {
            layout.moveTo(Layout.TOP);
            layout.paragraph(sheet.title(), Style.TITLE, Align.LEFT, Layout.LEFT, BAND_WIDTH);
            layout.space(6);
            layout.paragraph(code, Style.HEADING, Align.LEFT, Layout.LEFT, BAND_WIDTH);
            layout.paragraph("打印后加盖推荐单位公章，扫描上传；请勿遮挡或涂改每页右上角的二维码。", Style.SMALL, Align.LEFT,
                    Layout.LEFT, BAND_WIDTH);
            layout.moveTo(Math.min(layout.y(), BAND_BOTTOM));
            unit(layout, sheet.unit());
            layout.space(10);
            cases(layout, sheet);
            layout.space(8);
            layout.paragraph(totals(sheet), Style.LABEL, Align.LEFT);
            layout.paragraph("生成时间：" + sheet.generatedAt(), Style.BODY, Align.LEFT);
            seal(layout);
            return layout.finish((l, page, pages) -> {
                qr(l.out(), QrCodes.encode(sheet.mark().onPage(page, pages).payload()));
                l.text(code, QR_LEFT + QR_SIZE / 2, QR_TOP - QR_SIZE - 10, Style.LABEL, Align.CENTER, QR_SIZE + 20);
                l.footer(sheet.title() + " · " + code, page, pages);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void unit(Layout layout, SummarySheet.Unit unit) throws IOException {
        float value = Layout.WIDTH - UNIT_LABEL;
        layout.row(Cell.label(UNIT_LABEL, "推荐单位"), Cell.text(value, unit.name()));
        layout.row(Cell.label(UNIT_LABEL, "单位地址"), Cell.text(value, unit.address()));
        layout.row(Cell.label(UNIT_LABEL, "联系人"), Cell.text(UNIT_HALF, unit.contactName()),
                Cell.label(UNIT_LABEL, "职务/职称"), Cell.text(UNIT_HALF, unit.contactTitle()));
        layout.row(Cell.label(UNIT_LABEL, "联系电话"), Cell.text(UNIT_HALF, unit.phone()),
                Cell.label(UNIT_LABEL, "电子邮箱"), Cell.text(UNIT_HALF, unit.email()));
    }

    /** The cases under a heading row per category, numbered through; the column headings repeat on each page. */
    private static void cases(Layout layout, SummarySheet sheet) throws IOException {
        List<Cell> header = new ArrayList<>();
        for (int i = 0; i < HEADINGS.length; i++) {
            header.add(cell(i, HEADINGS[i], CELL_BOLD).centered().shade());
        }
        layout.row(header.toArray(Cell[]::new));
        layout.repeatOnNewPages(header);
        int number = 0;
        for (Category category : Category.values()) {
            List<SummarySheet.Row> rows = sheet.in(category);
            layout.keep(HEADING_WITH_ROW); // a category's heading does not end a page
            layout.row(Cell.text(Layout.WIDTH, new Para(category.label() + "（" + rows.size() + "个）", CELL_BOLD,
                    Align.LEFT)).shade());
            for (SummarySheet.Row row : rows) {
                number++;
                layout.row(cell(0, String.valueOf(number), CELL).centered(), cell(1, row.name(), CELL),
                        cell(2, row.subtype(), CELL), cell(3, row.implementingUnit(), CELL),
                        cell(4, row.contactName(), CELL), cell(5, row.phone(), CELL));
            }
        }
        layout.repeatOnNewPages(List.of());
    }

    private static Cell cell(int column, String text, Style style) {
        return Cell.text(COLUMNS[column], new Para(text, style, Align.LEFT));
    }

    static String totals(SummarySheet sheet) {
        List<String> counts = new ArrayList<>();
        for (Category category : Category.values()) {
            counts.add(category.label() + " " + sheet.in(category).size() + " 个");
        }
        return "合计推荐 " + sheet.rows().size() + " 个：" + String.join("，", counts);
    }

    /** 推荐单位（盖章）, room for the seal below it, and the date line, kept together on one page. */
    private static void seal(Layout layout) throws IOException {
        float column = 200;
        float left = Layout.RIGHT - column;
        layout.space(12);
        layout.keep(Style.LABEL.leading() + SEAL_HEIGHT + Style.BODY.leading());
        layout.paragraph("推荐单位（盖章）", Style.LABEL, Align.LEFT, left, column);
        layout.moveTo(layout.y() - SEAL_HEIGHT);
        layout.paragraph("年        月        日", Style.BODY, Align.RIGHT, left, column - 10);
    }

    /** The code's dark modules as filled rectangles, one per run along a row, in the top right corner. */
    private static void qr(PDPageContentStream out, BitMatrix matrix) throws IOException {
        float module = QR_SIZE / matrix.getWidth();
        for (int row = 0; row < matrix.getHeight(); row++) {
            int column = 0;
            while (column < matrix.getWidth()) {
                if (!matrix.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < matrix.getWidth() && matrix.get(column, row)) {
                    column++;
                }
                out.addRect(QR_LEFT + start * module, QR_TOP - (row + 1) * module, (column - start) * module, module);
            }
        }
        out.fill();
    }
}

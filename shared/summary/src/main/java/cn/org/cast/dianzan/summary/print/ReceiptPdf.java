package cn.org.cast.dianzan.summary.print;

import cn.org.cast.dianzan.summary.print.Layout.Align;
import cn.org.cast.dianzan.summary.print.Layout.Cell;
import cn.org.cast.dianzan.summary.print.Layout.Para;
import cn.org.cast.dianzan.summary.print.Layout.Style;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The receipt (回执) of a complete submission: that the unit's materials were received and when, the
 * verification code of the sheet it stamped, the scan it uploaded, and the cases it recommended.
 */
public final class ReceiptPdf {

    static final String TITLE = "推荐材料提交回执";
    static final String CODE_NOT_READ = "扫描件中的二维码未能识别，已提交管理员核对";

    private static final float LABEL = 90;
    private static final float VALUE = Layout.WIDTH - LABEL;
    private static final Style CELL = new Style(9.5f, false, 14);
    private static final Style CELL_BOLD = new Style(9.5f, true, 14);
    private static final float[] COLUMNS = {36, 86, 202, Layout.WIDTH - 324};

    private ReceiptPdf() {
    }

    /** The receipt as a PDF. */
    public static Rendered render(Receipt receipt) {
        try (Layout layout = Layout.open(TITLE, Layout.PageStart.MARGIN_TOP)) {
            layout.paragraph(TITLE, Style.TITLE, Align.CENTER);
            layout.paragraph(receipt.campaignTitle(), Style.BODY, Align.CENTER);
            layout.space(12);
            layout.paragraph(receipt.unitName() + "：", Style.BODY, Align.LEFT);
            layout.paragraph("　　贵单位的推荐材料已于 " + receipt.confirmedAt() + "（北京时间）提交成功。", Style.BODY,
                    Align.LEFT);
            layout.space(8);
            layout.row(Cell.label(LABEL, "推荐单位"), Cell.text(VALUE, receipt.unitName()));
            layout.row(Cell.label(LABEL, "提交状态"), Cell.text(VALUE, "提交成功"));
            layout.row(Cell.label(LABEL, "确认时间"), Cell.text(VALUE, receipt.confirmedAt() + "（北京时间）"));
            layout.row(Cell.label(LABEL, "验证码"), Cell.text(VALUE, receipt.verificationCode()));
            layout.row(Cell.label(LABEL, "盖章扫描件"),
                    Cell.text(VALUE, receipt.scanFileName() + "（共 " + receipt.scanPages() + " 页）"));
            if (!receipt.codeRead()) {
                layout.row(Cell.label(LABEL, "核对情况"), Cell.text(VALUE, CODE_NOT_READ));
            }
            layout.space(14);
            layout.paragraph("推荐案例（" + receipt.rows().size() + "个）", Style.HEADING, Align.LEFT);
            layout.space(4);
            cases(layout, receipt.rows());
            layout.space(10);
            layout.paragraph("（本回执由系统生成，请妥善保存）", Style.SMALL, Align.CENTER);
            String footer = TITLE + " · 验证码 " + receipt.verificationCode();
            return layout.finish((l, page, pages) -> l.footer(footer, page, pages));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cases(Layout layout, List<SummarySheet.Row> rows) throws IOException {
        Cell[] header = {
            cell(0, "序号", CELL_BOLD).centered().shade(), cell(1, "所属类别", CELL_BOLD).centered().shade(),
            cell(2, "案例名称", CELL_BOLD).centered().shade(), cell(3, "实施单位", CELL_BOLD).centered().shade()};
        layout.row(header);
        layout.repeatOnNewPages(List.of(header));
        for (int i = 0; i < rows.size(); i++) {
            SummarySheet.Row row = rows.get(i);
            layout.row(cell(0, String.valueOf(i + 1), CELL).centered(), cell(1, row.category().label(), CELL),
                    cell(2, row.name(), CELL), cell(3, row.implementingUnit(), CELL));
        }
        layout.repeatOnNewPages(List.of());
    }

    private static Cell cell(int column, String text, Style style) {
        return Cell.text(COLUMNS[column], new Para(text, style, Align.LEFT));
    }
}

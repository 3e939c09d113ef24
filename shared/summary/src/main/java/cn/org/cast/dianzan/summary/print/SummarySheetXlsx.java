package cn.org.cast.dianzan.summary.print;

import cn.org.cast.dianzan.campaign.Category;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The summary sheet as a spreadsheet, for the unit's own records and the admins' lists: the same
 * content as the PDF, every cell a string. A cell text that a spreadsheet could take for a formula
 * (it begins with = + - @, a tab or a carriage return: a unit may name a case "=HYPERLINK(…)") is
 * stored with a leading apostrophe.
 */
public final class SummarySheetXlsx {

    static final String SHEET = "推荐汇总表";
    private static final String[] HEADINGS = {"序号", "案例名称", "类别细项", "实施单位", "联系人", "联系电话"};
    /** Column widths in characters; a Chinese character counts about two. */
    private static final int[] WIDTHS = {10, 44, 20, 36, 12, 18};
    private static final int LAST_COLUMN = HEADINGS.length - 1;

    private SummarySheetXlsx() {
    }

    /** The sheet as an .xlsx workbook of one worksheet, {@value #SHEET}. */
    public static byte[] render(SummarySheet sheet) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            new Writer(workbook, sheet).write();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text as stored: prefixed with an apostrophe where a spreadsheet could read it as a formula. */
    static String neutralised(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** One workbook's sheet, written row by row. */
    private static final class Writer {
        private final SummarySheet summary;
        private final Sheet sheet;
        private final CellStyle title;
        private final CellStyle plain;
        private final CellStyle bordered;
        private final CellStyle heading;
        private int next;

        Writer(XSSFWorkbook workbook, SummarySheet summary) {
            this.summary = summary;
            this.sheet = workbook.createSheet(SHEET);
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font large = workbook.createFont();
            large.setBold(true);
            large.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(large);
            title.setAlignment(HorizontalAlignment.CENTER);
            plain = workbook.createCellStyle();
            plain.setWrapText(true);
            plain.setVerticalAlignment(VerticalAlignment.CENTER);
            bordered = workbook.createCellStyle();
            bordered.cloneStyleFrom(plain);
            bordered.setBorderTop(BorderStyle.THIN);
            bordered.setBorderBottom(BorderStyle.THIN);
            bordered.setBorderLeft(BorderStyle.THIN);
            bordered.setBorderRight(BorderStyle.THIN);
            heading = workbook.createCellStyle();
            heading.cloneStyleFrom(bordered);
            heading.setFont(bold);
            heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }

        void write() {
            for (int i = 0; i < WIDTHS.length; i++) {
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            merged(title, summary.title());
            next++;
            SummarySheet.Unit unit = summary.unit();
            row(plain, "推荐单位", unit.name());
            row(plain, "单位地址", unit.address());
            row(plain, "联系人", unit.contactName(), "职务/职称", unit.contactTitle());
            row(plain, "联系电话", unit.phone(), "电子邮箱", unit.email());
            next++;
            row(heading, HEADINGS);
            int number = 0;
            for (Category category : Category.values()) {
                List<SummarySheet.Row> rows = summary.in(category);
                merged(heading, category.label() + "（" + rows.size() + "个）");
                for (SummarySheet.Row row : rows) {
                    number++;
                    row(bordered, String.valueOf(number), row.name(), row.subtype(), row.implementingUnit(),
                            row.contactName(), row.phone());
                }
            }
            next++;
            merged(plain, SummarySheetPdf.totals(summary));
            row(plain, "验证码", summary.mark().code());
            row(plain, "生成时间", summary.generatedAt());
        }

        private void row(CellStyle style, String... texts) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < texts.length; i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(neutralised(texts[i]));
                cell.setCellStyle(style);
            }
        }

        /** One text across every column (a title, a category's heading). */
        private void merged(CellStyle style, String text) {
            int at = next;
            Row row = sheet.createRow(next++);
            for (int i = 0; i <= LAST_COLUMN; i++) {
                row.createCell(i).setCellStyle(style);
            }
            row.getCell(0).setCellValue(neutralised(text));
            sheet.addMergedRegion(new CellRangeAddress(at, at, 0, LAST_COLUMN));
        }
    }
}

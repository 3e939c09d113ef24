package cn.org.cast.dianzan.summary.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.campaign.Category;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SummarySheetXlsxTest {

    /** Every cell of the one sheet, checked to be a string, never a formula. */
    private static List<String> cells(byte[] xlsx) throws IOException {
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(1, workbook.getNumberOfSheets());
            Sheet sheet = workbook.getSheet(SummarySheetXlsx.SHEET);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() != CellType.BLANK) {
                        assertEquals(CellType.STRING, cell.getCellType(), cell.getAddress().toString());
                        cells.add(cell.getStringCellValue());
                    }
                }
            }
            for (int column = 0; column < 6; column++) {
                assertTrue(sheet.getColumnWidth(column) > 5 * 256, "width of column " + column);
            }
        }
        return cells;
    }

    @Test
    void theWorkbookHoldsTheUnitEveryCaseTheCountsAndTheCode() throws IOException {
        SummarySheet sheet = SheetSamples.summarySheet();
        List<String> cells = cells(SummarySheetXlsx.render(sheet));
        assertEquals(sheet.title(), cells.get(0));
        for (String expected : List.of(sheet.unit().name(), sheet.unit().address(), sheet.unit().email(),
                "科普活动服务（3个）", "科普阵地建设（3个）", SummarySheetPdf.totals(sheet), sheet.mark().code(),
                sheet.generatedAt())) {
            assertTrue(cells.contains(expected), expected);
        }
        for (SummarySheet.Row row : sheet.rows()) {
            assertTrue(cells.containsAll(List.of(row.name(), row.subtype(), row.implementingUnit(), row.contactName(),
                    row.phone())), row.name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "=HYPERLINK(\"http://x.example\",\"点击\")", "+86 10 1234", "-2", "@SUM(A1)",
        "\tcmd", "\rcmd"})
    void textThatASpreadsheetCouldTakeForAFormulaIsStoredBehindAnApostrophe(String name) throws IOException {
        SummarySheet.Row row = new SummarySheet.Row(Category.ACTIVITY_SERVICE, "c-9", 1, name, "科普讲座", "某单位",
                "张三", "010-1");
        List<String> cells = cells(SummarySheetXlsx.render(SheetSamples.summarySheet(List.of(row))));
        assertTrue(cells.contains("'" + name), cells.toString());
        assertTrue(cells.stream().noneMatch(cell -> cell.equals(name)));
    }

    @Test
    void ordinaryTextIsStoredAsItIs() {
        assertEquals("科普讲座 = 好", SummarySheetXlsx.neutralised("科普讲座 = 好"));
        assertEquals("", SummarySheetXlsx.neutralised(null));
    }
}

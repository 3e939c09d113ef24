package cn.org.cast.dianzan.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CodeServiceTest {

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertEquals("\"中国\"\"科协\"\"\"", CodeService.csvCell("中国\"科协\""));
        assertEquals("\"'=HYPERLINK(1)\"", CodeService.csvCell("=HYPERLINK(1)"));
        assertEquals("\"'@SUM(A1)\"", CodeService.csvCell("@SUM(A1)"));
        assertEquals("", CodeService.csvCell(null));
    }
}

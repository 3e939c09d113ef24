package cn.org.cast.dianzan.summary.print;

import static cn.org.cast.dianzan.summary.print.Pdfs.compact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptPdfTest {

    @Test
    void theReceiptSaysWhatWasSubmittedWhenAndWithWhichCode() {
        Receipt receipt = SheetSamples.receipt(true);
        Rendered rendered = ReceiptPdf.render(receipt);
        String text = compact(Pdfs.text(rendered.bytes()));
        assertEquals(1, rendered.pages());
        for (String expected : List.of(ReceiptPdf.TITLE, receipt.campaignTitle(), receipt.unitName(), "提交成功",
                receipt.confirmedAt() + "（北京时间）", receipt.verificationCode(), receipt.scanFileName() + "（共 2 页）",
                "推荐案例（6个）", "第 1 页 / 共 1 页")) {
            assertTrue(text.contains(compact(expected)), expected);
        }
        for (SummarySheet.Row row : receipt.rows()) {
            assertTrue(text.contains(compact(row.category().label() + row.name() + row.implementingUnit())), row.name());
        }
        assertFalse(text.contains(ReceiptPdf.CODE_NOT_READ));
        assertEquals(List.of(), rendered.unprintable());
        assertFalse(text.contains(Typeface.MISSING));
        Pdfs.fontNames(rendered.bytes()).forEach(name -> assertTrue(name.matches("[A-Z]{6}\\+WenQuanYiMicroHei")));
    }

    @Test
    void aScanWhoseCodeWasNotReadIsSaidToGoToTheAdmins() {
        String text = compact(Pdfs.text(ReceiptPdf.render(SheetSamples.receipt(false)).bytes()));
        assertTrue(text.contains(ReceiptPdf.CODE_NOT_READ));
    }
}

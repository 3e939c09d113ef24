package cn.org.cast.dianzan.summary.print;

import static cn.org.cast.dianzan.summary.print.Pdfs.compact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.campaign.Category;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.rendering.ImageType;
import org.junit.jupiter.api.Test;

class SummarySheetPdfTest {

    private static final SummarySheet SHEET = SheetSamples.summarySheet();
    private static final Rendered RENDERED = SummarySheetPdf.render(SHEET);

    /** Twenty cases with long names and units, which take more than a page. */
    private static SummarySheet longSheet() {
        List<SummarySheet.Row> rows = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            SummarySheet.Row sample = SheetSamples.ROWS.get(i % SheetSamples.ROWS.size());
            rows.add(new SummarySheet.Row(i <= 12 ? Category.ACTIVITY_SERVICE : Category.VENUE_BUILDING, "c-" + i, 1,
                    (sample.name() + "系列科普活动展示").substring(0, 16) + "第" + i + "期", sample.subtype(), sample.implementingUnit(),
                    sample.contactName(), sample.phone()));
        }
        return SheetSamples.summarySheet(rows);
    }

    private static Optional<SheetMark> markOn(BufferedImage page) {
        return QrCodes.read(page).flatMap(SheetMark::parse);
    }

    @Test
    void theUnitItsCasesTheTotalsAndTheSealArePrintedOnOnePage() {
        String text = compact(Pdfs.text(RENDERED.bytes()));
        assertEquals(1, RENDERED.pages());
        SummarySheet.Unit unit = SHEET.unit();
        for (String expected : List.of(SHEET.title(), unit.name(), unit.address(), unit.contactName(),
                unit.contactTitle(), unit.phone(), unit.email(), "验证码 K7QX-3M9P", "科普活动服务（3个）",
                "科普阵地建设（3个）", "合计推荐 6 个：科普活动服务 3 个，科普阵地建设 3 个", "生成时间：" + SHEET.generatedAt(),
                "推荐单位（盖章）", "年 月 日", "第 1 页 / 共 1 页")) {
            assertTrue(text.contains(compact(expected)), expected);
        }
        for (SummarySheet.Row row : SHEET.rows()) {
            for (String cell : List.of(row.name(), row.subtype(), row.implementingUnit(), row.contactName(),
                    row.phone())) {
                assertTrue(text.contains(compact(cell)), cell);
            }
        }
    }

    @Test
    void nothingIsMarkedMissingAndTheFontIsASubset() {
        assertEquals(List.of(), RENDERED.unprintable());
        assertFalse(Pdfs.text(RENDERED.bytes()).contains(Typeface.MISSING));
        Pdfs.fontNames(RENDERED.bytes()).forEach(name -> assertTrue(name.matches("[A-Z]{6}\\+WenQuanYiMicroHei")));
    }

    @Test
    void theCodeOfARenderingAt150DpiReadsAsTheMarkOfPageOneOfOne() {
        BufferedImage page = Pdfs.render(RENDERED.bytes(), 1, Scans.DPI, ImageType.GRAY);
        assertEquals(Optional.of(SHEET.mark().onPage(1, 1)), markOn(page));
    }

    @Test
    void theCodeStillReadsWhenThePageIsTurnedThreeDegreesAndBlurred() {
        BufferedImage page = Pdfs.render(RENDERED.bytes(), 1, Scans.DPI, ImageType.GRAY);
        BufferedImage poor = Scans.blurred(Scans.rotated(page, 3), 5);
        assertEquals(Optional.of(SHEET.mark().onPage(1, 1)), markOn(poor));
    }

    @Test
    void aLongSheetCarriesTheCodeOfItsPageOnEveryPageAndRepeatsTheColumnHeadings() {
        // GIVEN twenty cases
        SummarySheet sheet = longSheet();
        // WHEN
        Rendered rendered = SummarySheetPdf.render(sheet);
        // THEN
        int pages = rendered.pages();
        assertTrue(pages >= 2, "pages: " + pages);
        List<BufferedImage> images = Scans.pages(rendered);
        for (int page = 1; page <= pages; page++) {
            assertEquals(Optional.of(sheet.mark().onPage(page, pages)), markOn(images.get(page - 1)), "page " + page);
            String text = compact(Pdfs.text(rendered.bytes(), page, page));
            assertTrue(text.contains("验证码K7QX-3M9P"), "page " + page);
            assertTrue(text.contains(compact("第 " + page + " 页 / 共 " + pages + " 页")), "page " + page);
            assertTrue(text.contains("序号案例名称类别细项实施单位联系人联系电话"), "page " + page);
        }
        assertTrue(compact(Pdfs.text(rendered.bytes(), 2, 2)).contains(compact(sheet.title() + "（续）")));
        String all = compact(Pdfs.text(rendered.bytes()));
        sheet.rows().forEach(row -> assertTrue(all.contains(row.name()), row.name()));
        assertTrue(all.contains(compact("合计推荐 20 个：科普活动服务 12 个，科普阵地建设 8 个")));
    }

    @Test
    void nothingIsDrawnInTheQuietZoneAroundTheCode() {
        // GIVEN page 2 of a long sheet, where the table runs right up to the band of the code
        Rendered rendered = SummarySheetPdf.render(longSheet());
        float scale = Scans.DPI / 72;
        for (int pageNumber = 1; pageNumber <= rendered.pages(); pageNumber++) {
            BufferedImage page = Pdfs.render(rendered.bytes(), pageNumber, Scans.DPI, ImageType.GRAY);
            float module = SummarySheetPdf.QR_SIZE / QrCodes.encode(SHEET.mark().onPage(pageNumber,
                    rendered.pages()).payload()).getWidth();
            float quiet = QrCodes.QUIET_ZONE * module;
            int left = Math.round(SummarySheetPdf.QR_LEFT * scale);
            int top = Math.round((Layout.PAGE_HEIGHT - SummarySheetPdf.QR_TOP) * scale);
            int size = Math.round(SummarySheetPdf.QR_SIZE * scale);
            int inset = (int) Math.floor(quiet * scale) - 1;
            // WHEN / THEN every pixel of the frame between the box and the symbol is white
            for (int y = top + 1; y < top + size - 1; y++) {
                for (int x = left + 1; x < left + size - 1; x++) {
                    boolean inFrame = x < left + inset || x >= left + size - inset || y < top + inset
                            || y >= top + size - inset;
                    if (inFrame) {
                        assertTrue((page.getRaster().getSample(x, y, 0)) > 240, "page " + pageNumber + " at " + x
                                + "," + y);
                    }
                }
            }
            assertTrue(SummarySheetPdf.BAND_BOTTOM < SummarySheetPdf.QR_TOP - SummarySheetPdf.QR_SIZE);
        }
    }
}

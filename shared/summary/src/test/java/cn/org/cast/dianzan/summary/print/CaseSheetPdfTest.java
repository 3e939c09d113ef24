package cn.org.cast.dianzan.summary.print;

import static cn.org.cast.dianzan.summary.print.Pdfs.compact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.campaign.Category;
import cn.org.cast.dianzan.cases.CaseForm;
import cn.org.cast.dianzan.cases.Subtype;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.rendering.ImageType;
import org.junit.jupiter.api.Test;

class CaseSheetPdfTest {

    private static final CaseSheet SHEET = SheetSamples.caseSheet();
    private static final Rendered RENDERED = CaseSheetPdf.render(SHEET);

    /** Every string of the sample form the sheet prints. */
    private static List<String> formTexts(CaseForm form) {
        List<String> texts = new ArrayList<>(List.of(form.name(), form.implementingUnit(), form.address(),
                form.contactName(), form.contactTitle(), form.phone(), form.email(), form.summary(), form.detail()));
        form.mediaReports().forEach(report -> texts.addAll(List.of(report.title(), report.url())));
        form.awards().forEach(award -> texts.add(award.name()));
        return texts;
    }

    /** The document's text without the footers, which cut into the detail where it runs over a page. */
    private static String body(Rendered rendered, CaseSheet sheet) {
        String text = compact(Pdfs.text(rendered.bytes()));
        text = text.replace(compact("案例编号 " + sheet.caseId() + " · 版本 " + sheet.version() + " · 打印于 "
                + sheet.printedAt()), "");
        for (int page = 1; page <= rendered.pages(); page++) {
            text = text.replace(compact("第 " + page + " 页 / 共 " + rendered.pages() + " 页"), "");
        }
        return text;
    }

    @Test
    void everyFieldIsPrintedAndReadBackAsText() {
        String body = body(RENDERED, SHEET);
        assertTrue(body.startsWith(compact(CaseSheetPdf.TITLE)), body.substring(0, 40));
        for (String text : formTexts(SHEET.form())) {
            assertTrue(body.contains(compact(text)), text);
        }
        assertTrue(body.contains("全国科普讲解大赛优秀组织奖（国家级，2025年）"));
        assertTrue(body.contains("北京市科普工作先进集体（市级，2025年）"));
        assertTrue(body.endsWith(compact(CaseSheetPdf.NOTE)), body.substring(body.length() - 40));
    }

    @Test
    void theDetailOfThreeThousandCharactersFlowsOverFurtherPagesEachWithItsFooter() {
        assertEquals(3000, SHEET.form().detail().length());
        assertTrue(RENDERED.pages() >= 3, "pages: " + RENDERED.pages());
        for (int page = 1; page <= RENDERED.pages(); page++) {
            String text = compact(Pdfs.text(RENDERED.bytes(), page, page));
            assertTrue(text.contains(compact("第 " + page + " 页 / 共 " + RENDERED.pages() + " 页")), "page " + page);
            assertTrue(text.contains(compact("案例编号 c-01 · 版本 7 · 打印于 2026-06-28 15:40")), "page " + page);
        }
    }

    @Test
    void everyCharacterOfTheSampleHasAGlyphSoNothingIsMarkedMissing() {
        formTexts(SHEET.form()).forEach(text -> text.codePoints()
                .filter(cp -> cp != '\n')
                .forEach(cp -> assertTrue(Typeface.hasGlyph(cp), text + ": " + Character.toString(cp))));
        assertEquals(List.of(), RENDERED.unprintable());
        assertFalse(Pdfs.text(RENDERED.bytes()).contains(Typeface.MISSING));
    }

    @Test
    void theFontIsEmbeddedAsASubset() {
        List<String> fonts = Pdfs.fontNames(RENDERED.bytes());
        assertFalse(fonts.isEmpty());
        fonts.forEach(name -> assertTrue(name.matches("[A-Z]{6}\\+WenQuanYiMicroHei"), name));
    }

    @Test
    void charactersTheFontLacksArePrintedAsGetaMarksAndReported() {
        // GIVEN a name with a CJK Extension B character and an emoji
        CaseForm form = withName(SheetSamples.caseForm(), "𠮷野家科普讲座😀");
        // WHEN
        Rendered rendered = CaseSheetPdf.render(SheetSamples.caseSheet(form));
        // THEN
        assertEquals(List.of("𠮷", "😀"), rendered.unprintable());
        assertTrue(compact(Pdfs.text(rendered.bytes())).contains("〓野家科普讲座〓"));
    }

    @Test
    void bothCategoriesAreListedTheChosenOnesFilledIn() {
        String body = body(RENDERED, SHEET);
        assertTrue(body.contains("■科普活动服务（●科普讲座○科普沙龙○科学表演"), body);
        assertTrue(body.contains("□科普阵地建设（○科技馆○科技类博物馆"));
        assertFalse(body.contains("●其他"));
    }

    @Test
    void otherIsPrintedWithItsDescription() {
        CaseForm venue = SheetSamples.caseForm();
        CaseForm form = new CaseForm(venue.name(), venue.implementingUnit(), venue.address(), venue.contactName(),
                venue.contactTitle(), venue.phone(), venue.email(), Category.VENUE_BUILDING, Subtype.OTHER, "天文台",
                venue.summary(), venue.mediaReports(), venue.awards(), "", venue.startedOn(), venue.endedOn());
        String body = body(CaseSheetPdf.render(SheetSamples.caseSheet(form)), SheetSamples.caseSheet(form));
        assertTrue(body.contains("□科普活动服务（○科普讲座"));
        assertTrue(body.contains("○综合活动○其他）"), body);
        assertTrue(body.contains("■科普阵地建设（"));
        assertTrue(body.contains("○生产线●其他（天文台））"), body);
    }

    @Test
    void bothPhotosAreDrawnThePortraitOneTurnedUprightByItsExifOrientation() {
        // GIVEN the landscape photo, and the portrait one stored as landscape pixels with orientation 6
        assertEquals(2, Pdfs.images(RENDERED.bytes(), 1));
        BufferedImage page = Pdfs.render(RENDERED.bytes(), 1, 72, ImageType.RGB);
        int middle = (int) (Layout.LEFT + 78 + (Layout.WIDTH - 78) / 2);
        // WHEN the sky of each photo is found on the page
        Rectangle landscape = bounds(page, (int) Layout.LEFT + 78, middle, this::sky);
        Rectangle portrait = bounds(page, middle, (int) Layout.RIGHT, this::sky);
        Rectangle portraitHills = bounds(page, middle, (int) Layout.RIGHT, this::hill);
        // THEN the landscape photo is wider than tall, the portrait one taller than wide and upright
        assertTrue(landscape.width > landscape.height, landscape.toString());
        Rectangle portraitPhoto = portrait.union(portraitHills);
        assertTrue(portraitPhoto.height > 1.4 * portraitPhoto.width, portraitPhoto.toString());
        assertTrue(portrait.y < portraitHills.y, "sky above the hills: " + portrait + " " + portraitHills);
    }

    private boolean sky(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int b = rgb & 0xFF;
        return b > 150 && b > r + 50;
    }

    private boolean hill(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        return g > r + 30 && g > b + 20;
    }

    /** The bounds of the pixels between two x (in points, rendered at 72 dpi) in the top half that match. */
    private static Rectangle bounds(BufferedImage page, int fromX, int toX, java.util.function.IntPredicate match) {
        Rectangle bounds = null;
        for (int y = 0; y < page.getHeight() / 2; y++) {
            for (int x = fromX; x < toX; x++) {
                if (match.test(page.getRGB(x, y))) {
                    Rectangle pixel = new Rectangle(x, y, 1, 1);
                    bounds = bounds == null ? pixel : bounds.union(pixel);
                }
            }
        }
        assertTrue(bounds != null, "nothing found between x " + fromX + " and " + toX);
        return bounds;
    }

    @Test
    void missingPhotosLeaveBoxesSayingNotUploadedAndUnreadableOnesSaySo() {
        CaseSheet missing = new CaseSheet("c-02", 1, SheetSamples.caseForm(), null, null, "2026-06-28 15:40");
        Rendered rendered = CaseSheetPdf.render(missing);
        assertEquals(0, Pdfs.images(rendered.bytes(), 1));
        assertEquals(2, compact(Pdfs.text(rendered.bytes(), 1, 1)).split("未上传", -1).length - 1);

        CaseSheet damaged = new CaseSheet("c-02", 1, SheetSamples.caseForm(),
                new CaseSheet.Photo(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2}, "image/jpeg"),
                new CaseSheet.Photo(SheetSamples.portraitJpegTurned(), "image/jpeg"), "2026-06-28 15:40");
        Rendered withDamaged = CaseSheetPdf.render(damaged);
        assertEquals(1, Pdfs.images(withDamaged.bytes(), 1));
        assertTrue(compact(Pdfs.text(withDamaged.bytes(), 1, 1)).contains("无法显示"));
    }

    @Test
    void aPngPhotoIsDrawnToo() {
        BufferedImage pixels = new BufferedImage(800, 500, BufferedImage.TYPE_INT_ARGB);
        CaseSheet sheet = new CaseSheet("c-03", 1, SheetSamples.caseForm(),
                new CaseSheet.Photo(SheetSamples.png(pixels), "image/png"), null, "2026-06-28 15:40");
        assertEquals(1, Pdfs.images(CaseSheetPdf.render(sheet).bytes(), 1));
    }

    @Test
    void anEmptyDraftPrintsItsBlankForm() {
        CaseForm draft = new CaseForm(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
        Rendered rendered = CaseSheetPdf.render(new CaseSheet("c-04", 1, draft, null, null, "2026-06-28 15:40"));
        String text = compact(Pdfs.text(rendered.bytes()));
        assertEquals(1, rendered.pages());
        Stream.of("案例名称", "实施单位", "职务/职称", "电子邮箱", "□科普活动服务", "□科普阵地建设", "简要概述", "详细材料")
                .forEach(label -> assertTrue(text.contains(label), label));
    }

    private static CaseForm withName(CaseForm f, String name) {
        return new CaseForm(name, f.implementingUnit(), f.address(), f.contactName(), f.contactTitle(), f.phone(),
                f.email(), f.category(), f.subtype(), f.otherSubtype(), f.summary(), f.mediaReports(), f.awards(),
                f.detail(), f.startedOn(), f.endedOn());
    }
}

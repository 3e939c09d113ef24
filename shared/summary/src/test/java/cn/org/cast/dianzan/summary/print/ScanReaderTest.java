package cn.org.cast.dianzan.summary.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.rendering.ImageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScanReaderTest {

    private static final SummarySheet SHEET = SheetSamples.summarySheet();
    private static final BufferedImage PAGE = Scans.pages(SummarySheetPdf.render(SHEET)).get(0);

    @Test
    void aJpegPhotoOfTheStampedPageReadsAsItsMark() {
        // GIVEN the page turned 3°, blurred and saved as JPEG at quality 0.8
        byte[] jpeg = SheetSamples.jpeg(Scans.blurred(Scans.rotated(PAGE, 3), 5), 0.8f);
        // WHEN
        ScanReading reading = ScanReader.read(jpeg, "image/jpeg");
        // THEN
        assertEquals(new ScanReading(1, List.of(Optional.of(SHEET.mark().onPage(1, 1)))), reading);
    }

    @Test
    void aPngScanReadsToo() {
        assertEquals(List.of(Optional.of(SHEET.mark().onPage(1, 1))),
                ScanReader.read(SheetSamples.png(PAGE), "image/png; charset=binary").marks());
    }

    @Test
    void aScannedPdfOfTwoPagesGivesTheMarkOfEach() {
        // GIVEN the two pages of a long sheet, printed, scanned at 150 dpi and saved as one PDF of JPEGs
        List<SummarySheet.Row> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.addAll(SheetSamples.ROWS);
        }
        SummarySheet sheet = SheetSamples.summarySheet(rows);
        Rendered rendered = SummarySheetPdf.render(sheet);
        assertEquals(2, rendered.pages());
        List<byte[]> scanned = Scans.pages(rendered).stream()
                .map(page -> SheetSamples.jpeg(Scans.rotated(page, -1.5), 0.8f)).toList();
        // WHEN
        ScanReading reading = ScanReader.read(Scans.scanPdf(scanned), "application/pdf");
        // THEN
        assertEquals(new ScanReading(2, List.of(Optional.of(sheet.mark().onPage(1, 2)),
                Optional.of(sheet.mark().onPage(2, 2)))), reading);
    }

    @Test
    void aPageWithoutACodeOrWithSomeoneElsesCodeHasNoMark() {
        // GIVEN a blank page, and a page whose code is not a sheet's mark
        BufferedImage blank = new BufferedImage(PAGE.getWidth(), PAGE.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        SheetMark broken = new SheetMark("2026", "u-3f2a9c71", "not-a-hash", "K7QX-3M9P", 1, 1);
        BufferedImage otherCode = Pdfs.render(SummarySheetPdf.render(new SummarySheet(SHEET.title(), SHEET.unit(),
                SHEET.rows(), broken, SHEET.generatedAt())).bytes(), 1, Scans.DPI, ImageType.GRAY);
        assertEquals(Optional.of(broken.payload()), QrCodes.read(otherCode));
        assertEquals(Optional.empty(), SheetMark.parse(broken.payload()));
        byte[] scan = Scans.scanPdf(List.of(SheetSamples.jpeg(blank, 0.8f), SheetSamples.jpeg(otherCode, 0.8f)));
        // WHEN
        ScanReading reading = ScanReader.read(scan, "application/pdf");
        // THEN
        assertEquals(new ScanReading(2, List.of(Optional.empty(), Optional.empty())), reading);
    }

    @Test
    void pagesBeyondTwentyAreCountedButNotRead() throws IOException {
        byte[] pdf = blankPdf(ScanReader.PAGES_READ + 2);
        ScanReading reading = ScanReader.read(pdf, "application/pdf");
        assertEquals(ScanReader.PAGES_READ + 2, reading.pages());
        assertEquals(Collections.nCopies(ScanReader.PAGES_READ, Optional.<SheetMark>empty()), reading.marks());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/pdf", "image/jpeg", "image/png"})
    void bytesThatAreNotOfTheirTypeAreRefused(String type) {
        byte[] garbage = "这不是扫描件，只是一段文字。".getBytes(StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScanReader.read(garbage, type));
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
    }

    @Test
    void aTypeOtherThanPdfJpegOrPngIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ScanReader.read(new byte[10], "image/gif"));
        assertThrows(IllegalArgumentException.class, () -> ScanReader.read(new byte[10], null));
    }

    @Test
    void aPasswordProtectedPdfIsRefusedSayingSo() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.A4));
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "secret", new AccessPermission());
            document.protect(policy);
            document.save(bytes);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScanReader.read(bytes.toByteArray(), "application/pdf"));
        assertTrue(e.getMessage().contains("password"), e.getMessage());
    }

    private static byte[] blankPdf(int pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }
}

package cn.org.cast.dianzan.summary.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
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

    @Test
    void onlyThePagesAskedForAreRead() throws IOException {
        ScanReading reading = ScanReader.read(blankPdf(5), "application/pdf", 1);
        assertEquals(5, reading.pages());
        assertEquals(1, reading.marks().size());
    }

    @Test
    void aPngDeclaringFortyThousandPixelsSquareIsRefusedBeforeItIsDecoded() {
        // GIVEN a PNG whose header declares 40000 × 40000 pixels (1.6 gigapixels), with no pixel data
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScanReader.read(pngHeader(40_000, 40_000), "image/png"));
        assertTrue(e.getMessage().contains("pixels"), e.getMessage());
    }

    @Test
    void aPdfHoldingAnImageOfFortyThousandPixelsSquareIsRefusedBeforeItIsDecoded() throws IOException {
        // GIVEN a one-page PDF drawing an image whose dictionary declares 40000 × 40000 grey pixels
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDImageXObject huge = new PDImageXObject(document, new ByteArrayInputStream(new byte[16]),
                    COSName.FLATE_DECODE, 40_000, 40_000, 8, PDDeviceGray.INSTANCE);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(huge, 0, 0, 100, 100);
            }
            document.save(bytes);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScanReader.read(bytes.toByteArray(), "application/pdf"));
        assertTrue(e.getMessage().contains("40000"), e.getMessage());
    }

    /** A PNG signature, an IHDR chunk (8-bit grey) with its CRC, and IEND: a header and nothing to decode. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue())
                .putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082);
        return png.array();
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

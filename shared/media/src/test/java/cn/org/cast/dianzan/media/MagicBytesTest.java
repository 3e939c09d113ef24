package cn.org.cast.dianzan.media;

import static cn.org.cast.dianzan.media.SampleFiles.image;
import static cn.org.cast.dianzan.media.SampleFiles.zip;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MagicBytesTest {

    private static final byte[] DOCX = zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");

    /** An ftyp box: size 24, "ftyp", major brand, minor version, one compatible brand. */
    private static byte[] ftyp(String majorBrand) {
        return ByteBuffer.allocate(24).putInt(24).put("ftyp".getBytes(US_ASCII))
                .put(majorBrand.getBytes(US_ASCII)).putInt(0).put("isom".getBytes(US_ASCII)).array();
    }

    @Test
    void eachTypeAnswersItsRegisteredContentType() {
        assertEquals("image/jpeg", FileType.JPEG.contentType());
        assertEquals("image/png", FileType.PNG.contentType());
        assertEquals("application/pdf", FileType.PDF.contentType());
        assertEquals("video/mp4", FileType.MP4.contentType());
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                FileType.DOCX.contentType());
    }

    @Test
    void jpegAndPngWrittenByImageIoAreKnownByTheirSignature() {
        assertEquals(Optional.of(FileType.JPEG), MagicBytes.sniff(image("jpeg", 400, 300)));
        assertEquals(Optional.of(FileType.PNG), MagicBytes.sniff(image("png", 400, 300)));
    }

    @Test
    void pdfIsKnownByItsHeader() {
        assertEquals(Optional.of(FileType.PDF), MagicBytes.sniff("%PDF-1.7\n%âãÏÓ\n".getBytes(US_ASCII)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"isom", "iso2", "mp41", "mp42", "avc1", "M4V ", "dash"})
    void ftypBoxWithAnMp4MajorBrandIsMp4(String brand) {
        assertEquals(Optional.of(FileType.MP4), MagicBytes.sniff(ftyp(brand)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"qt  ", "3gp4", "M4A ", "heic", "mif1", "avif"})
    void ftypBoxOfQuickTime3gppAudioOrStillImagesIsNotMp4(String brand) {
        assertEquals(Optional.empty(), MagicBytes.sniff(ftyp(brand)));
    }

    @Test
    void ftypAnywhereButOffsetFourIsNotMp4() {
        byte[] shifted = ByteBuffer.allocate(28).putInt(0).put(ftyp("isom")).array();
        assertEquals(Optional.empty(), MagicBytes.sniff(shifted));
    }

    @Test
    void zipWithAWordPartIsDocxWhetherItsEntriesAreDeflatedOrStored() {
        assertEquals(Optional.of(FileType.DOCX), MagicBytes.sniff(DOCX));
        assertEquals(Optional.of(FileType.DOCX), MagicBytes.sniff(
                zip(ZipEntry.STORED, "[Content_Types].xml", "_rels/.rels", "word/document.xml")));
    }

    @Test
    void contentTypesPartAloneDoesNotMakeASpreadsheetADocx() {
        byte[] xlsx = zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
        assertEquals(Optional.empty(), MagicBytes.sniff(xlsx));
    }

    @Test
    void plainZipAndJarAreNotDocxEvenWithAWordFolderDeeperInAPath() {
        assertEquals(Optional.empty(), MagicBytes.sniff(zip("photos/a.jpg", "readme.txt")));
        assertEquals(Optional.empty(), MagicBytes.sniff(zip("META-INF/MANIFEST.MF", "org/example/word/Counter.class")));
    }

    @Test
    void zipHoldingADocxAsAStoredEntryIsNotItselfADocx() {
        byte[] archive = zip(ZipEntry.STORED, Map.of("report.docx", DOCX));
        assertEquals(Optional.empty(), MagicBytes.sniff(archive));
    }

    @Test
    void htmlAndExecutablesAreNotAccepted() {
        assertEquals(Optional.empty(), MagicBytes.sniff("<!DOCTYPE html><html><body>%PDF-</body></html>"
                .getBytes(US_ASCII)));
        assertEquals(Optional.empty(), MagicBytes.sniff(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}));
        assertEquals(Optional.empty(), MagicBytes.sniff(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}));
    }

    @Test
    void everyHeadCutShortOfItsSignatureIsNoType() {
        for (byte[] file : new byte[][] {image("jpeg", 4, 3), image("png", 4, 3), "%PDF-1.7".getBytes(US_ASCII),
                ftyp("isom"), DOCX}) {
            int signature = switch (MagicBytes.sniff(file).orElseThrow()) {
                case JPEG -> 3;
                case PNG -> 8;
                case PDF -> 5;
                case MP4 -> 16; // size, "ftyp", major brand, minor version
                case DOCX -> 30 + "[Content_Types].xml".length(); // the first local header whole, not yet word/
            };
            for (int length = 0; length < signature; length++) {
                byte[] head = Arrays.copyOf(file, length);
                assertEquals(Optional.empty(), MagicBytes.sniff(head), "first " + length + " bytes");
            }
        }
    }
}

package cn.org.cast.dianzan.media;

import static cn.org.cast.dianzan.media.SampleFiles.afterSoi;
import static cn.org.cast.dianzan.media.SampleFiles.exifSegment;
import static cn.org.cast.dianzan.media.SampleFiles.image;
import static cn.org.cast.dianzan.media.SampleFiles.segment;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageHeaderTest {

    private static final byte[] LANDSCAPE_JPEG = image("jpeg", 400, 300);

    private static Optional<ImageSize> jpegSeen(byte[] jpeg) {
        return ImageHeader.sizeAsSeen(FileType.JPEG, jpeg);
    }

    @ParameterizedTest
    @CsvSource({"jpeg, JPEG, 400, 300", "jpeg, JPEG, 300, 400", "png, PNG, 400, 300", "png, PNG, 300, 400"})
    void imageWithoutExifIsSeenAsStored(String format, FileType type, int width, int height) {
        assertEquals(Optional.of(new ImageSize(width, height)),
                ImageHeader.sizeAsSeen(type, image(format, width, height)));
    }

    @Test
    void phonePhotoStoredLandscapeWithOrientationSixIsSeenPortrait() {
        // GIVEN 400×300 pixels that EXIF (little-endian, as phones write it) says to turn 90° clockwise
        byte[] photo = afterSoi(LANDSCAPE_JPEG, exifSegment(ByteOrder.LITTLE_ENDIAN, 6));
        // WHEN
        ImageSize seen = jpegSeen(photo).orElseThrow();
        // THEN
        assertEquals(new ImageSize(300, 400), seen);
        assertTrue(seen.portrait());
    }

    @Test
    void bigEndianExifIsReadAlike() {
        byte[] photo = afterSoi(LANDSCAPE_JPEG, exifSegment(ByteOrder.BIG_ENDIAN, 6));
        assertEquals(Optional.of(new ImageSize(300, 400)), jpegSeen(photo));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 0, 9, 0xFFFF})
    void orientationWithoutAQuarterTurnOrOutOfRangeKeepsTheStoredSize(int orientation) {
        byte[] photo = afterSoi(LANDSCAPE_JPEG, exifSegment(ByteOrder.LITTLE_ENDIAN, orientation));
        assertEquals(Optional.of(new ImageSize(400, 300)), jpegSeen(photo));
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 6, 7, 8})
    void orientationWithAQuarterTurnSwapsWidthAndHeight(int orientation) {
        byte[] photo = afterSoi(LANDSCAPE_JPEG, exifSegment(ByteOrder.BIG_ENDIAN, orientation));
        assertEquals(Optional.of(new ImageSize(300, 400)), jpegSeen(photo));
    }

    @Test
    void xmpInAnotherApp1SegmentIsSkipped() {
        byte[] xmp = segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>".getBytes(US_ASCII));
        assertEquals(Optional.of(new ImageSize(400, 300)), jpegSeen(afterSoi(LANDSCAPE_JPEG, xmp)));
    }

    @Test
    void huffmanTableBeforeTheFrameIsNotTakenForIt() {
        // GIVEN a DHT (C4, inside the SOF range) whose bytes would read as 3000×2000 if taken for a frame
        byte[] table = segment(0xC4, new byte[] {8, 0x07, (byte) 0xD0, 0x0B, (byte) 0xB8, 3});
        // THEN the real frame further on gives the size
        assertEquals(Optional.of(new ImageSize(400, 300)), jpegSeen(afterSoi(LANDSCAPE_JPEG, table)));
    }

    @Test
    void fillBytesBeforeAMarkerAreSkipped() {
        byte[] padded = afterSoi(LANDSCAPE_JPEG, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        assertEquals(Optional.of(new ImageSize(400, 300)), jpegSeen(padded));
    }

    @Test
    void aHeadCutBeforeTheFrameHeaderEndsHasNoSizeAndAnyLongerHeadTheFullSize() {
        byte[] photo = afterSoi(LANDSCAPE_JPEG, exifSegment(ByteOrder.LITTLE_ENDIAN, 6));
        int shortestWithSize = shortestPrefixWithASize(photo);
        for (int length = 0; length <= photo.length; length++) {
            Optional<ImageSize> expected = length < shortestWithSize
                    ? Optional.empty()
                    : Optional.of(new ImageSize(300, 400));
            assertEquals(expected, jpegSeen(Arrays.copyOf(photo, length)), "first " + length + " bytes");
        }
        assertTrue(shortestWithSize > 2 + 36 + 2 && shortestWithSize < 1024, "the frame follows EXIF and tables");
    }

    private static int shortestPrefixWithASize(byte[] file) {
        int length = 0;
        while (jpegSeen(Arrays.copyOf(file, length)).isEmpty()) {
            length++;
        }
        return length;
    }

    @Test
    void brokenExifLeavesTheSizeAsSeenUnknown() {
        byte[] segment = exifSegment(ByteOrder.LITTLE_ENDIAN, 6);
        byte[] badByteOrder = segment.clone();
        badByteOrder[10] = 'X';
        byte[] badMagic = segment.clone();
        badMagic[12] = 43;
        for (byte[] broken : new byte[][] {
                badByteOrder,
                badMagic,
                exifSegment(ByteOrder.LITTLE_ENDIAN, 0xFFFF_FFF0L, 6, 0), // IFD0 past the segment
                exifSegment(ByteOrder.BIG_ENDIAN, 0, 6, 0), // IFD0 on the header: "MM" read as 19789 entries
                segment(0xE1, "Exif\0\0II".getBytes(US_ASCII))}) {
            assertEquals(Optional.empty(), jpegSeen(afterSoi(LANDSCAPE_JPEG, broken)));
        }
    }

    @Test
    void nextIfdPointingBackAtIfd0IsNeverFollowed() {
        byte[] photo = afterSoi(LANDSCAPE_JPEG, exifSegment(ByteOrder.LITTLE_ENDIAN, 8, 6, 8));
        assertEquals(Optional.of(new ImageSize(300, 400)),
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> jpegSeen(photo)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 0xFFFF})
    void segmentLengthThatPointsBackwardsOrPastTheEndGivesNoSize(int length) {
        byte[] hostile = ByteBuffer.allocate(64)
                .put(MagicBytes.JPEG_SOI).put((byte) 0xE0).putShort((short) length).array();
        assertEquals(Optional.empty(), assertTimeoutPreemptively(Duration.ofSeconds(5), () -> jpegSeen(hostile)));
    }

    @Test
    void pngCutInsideIhdrHasNoSize() {
        byte[] png = image("png", 400, 300);
        assertEquals(Optional.empty(), ImageHeader.sizeAsSeen(FileType.PNG, Arrays.copyOf(png, 23)));
        assertEquals(Optional.of(new ImageSize(400, 300)),
                ImageHeader.sizeAsSeen(FileType.PNG, Arrays.copyOf(png, 24)));
    }

    @Test
    void bytesOfAnotherTypeThanAskedHaveNoSize() {
        assertEquals(Optional.empty(), ImageHeader.sizeAsSeen(FileType.PNG, LANDSCAPE_JPEG));
        assertEquals(Optional.empty(), ImageHeader.sizeAsSeen(FileType.JPEG, image("png", 400, 300)));
        assertEquals(Optional.empty(), ImageHeader.sizeAsSeen(FileType.PDF, "%PDF-1.7".getBytes(US_ASCII)));
    }

    @Test
    void squareIsNeitherLandscapeNorPortrait() {
        ImageSize square = new ImageSize(300, 300);
        assertFalse(square.landscape());
        assertFalse(square.portrait());
        assertTrue(new ImageSize(400, 300).landscape());
        assertTrue(new ImageSize(300, 400).portrait());
    }
}

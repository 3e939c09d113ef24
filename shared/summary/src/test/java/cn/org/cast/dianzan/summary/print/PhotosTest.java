package cn.org.cast.dianzan.summary.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.cast.dianzan.media.ImageHeader;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhotosTest {

    // a box 30 wide and 60 tall with its lower left corner at (10, 20)
    private static final Map<String, Point2D.Float> BOX = Map.of(
            "TL", new Point2D.Float(10, 80), "TR", new Point2D.Float(40, 80),
            "BL", new Point2D.Float(10, 20), "BR", new Point2D.Float(40, 20));

    /**
     * Where the stored image's top left and top right corners are seen, per the EXIF definitions:
     * 2 mirrors left-right, 3 turns half round, 4 mirrors top-bottom, 5 transposes, 6 turns a quarter
     * clockwise, 7 transverses, 8 turns a quarter anticlockwise.
     */
    @ParameterizedTest
    @CsvSource({"1, TL, TR", "2, TR, TL", "3, BR, BL", "4, BL, BR", "5, TL, BL", "6, TR, BR", "7, BR, TR", "8, BL, TL"})
    void placementShowsTheStoredCornersWhereTheOrientationSays(int orientation, String topLeft, String topRight) {
        Matrix matrix = Photos.placement(orientation, 10, 20, 30, 60);
        // the image's unit square has the stored first row at the top: (0, 1) is its top left corner
        assertEquals(BOX.get(topLeft), matrix.transformPoint(0, 1));
        assertEquals(BOX.get(topRight), matrix.transformPoint(1, 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void theOrientationOfAJpegIsReadFromItsExif(int orientation) {
        byte[] jpeg = SheetSamples.jpeg(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), 0.8f);
        assertEquals(orientation, ImageHeader.jpegOrientation(SheetSamples.withOrientation(jpeg, orientation)));
    }

    @Test
    void withoutExifOrForOtherBytesTheOrientationIsAsStored() {
        BufferedImage pixels = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        assertEquals(1, ImageHeader.jpegOrientation(SheetSamples.jpeg(pixels, 0.8f)));
        assertEquals(1, ImageHeader.jpegOrientation(SheetSamples.png(pixels)));
        assertEquals(1, ImageHeader.jpegOrientation(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1}));
        assertEquals(1, ImageHeader.jpegOrientation(new byte[0]));
    }
}

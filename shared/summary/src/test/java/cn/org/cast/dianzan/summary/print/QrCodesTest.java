package cn.org.cast.dianzan.summary.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    private static final String PAYLOAD = SheetSamples.MARK.onPage(2, 3).payload();

    @Test
    void theCodeHasAQuietZoneOfFourModulesAllRound() {
        BitMatrix matrix = QrCodes.encode(PAYLOAD);
        int size = matrix.getWidth();
        // version v has 17 + 4v modules a side
        assertEquals(0, (size - 2 * QrCodes.QUIET_ZONE - 17) % 4);
        for (int i = 0; i < size; i++) {
            for (int edge = 0; edge < QrCodes.QUIET_ZONE; edge++) {
                assertFalse(matrix.get(i, edge) || matrix.get(edge, i) || matrix.get(i, size - 1 - edge)
                        || matrix.get(size - 1 - edge, i), "quiet zone at " + i + "," + edge);
            }
        }
        assertEquals(true, matrix.get(QrCodes.QUIET_ZONE, QrCodes.QUIET_ZONE), "finder pattern corner");
    }

    @Test
    void theCodeUsesErrorCorrectionLevelM() throws Exception {
        BitMatrix matrix = QrCodes.encode(PAYLOAD);
        BufferedImage image = new BufferedImage(matrix.getWidth() * 4, matrix.getHeight() * 4,
                BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x / 4, y / 4) ? 0 : 0xFFFFFF);
            }
        }
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))));
        assertEquals(PAYLOAD, result.getText());
        assertEquals("M", result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL));
    }

    @Test
    void aSmallCodeInTheCornerOfALargePageIsFound() {
        // GIVEN an A4 page at 300 dpi with the code at two pixels a module in its top right corner
        BufferedImage page = new BufferedImage(2480, 3508, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        BitMatrix matrix = QrCodes.encode(PAYLOAD);
        int module = 2;
        int left = page.getWidth() - 300;
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    g.fillRect(left + x * module, 150 + y * module, module, module);
                }
            }
        }
        g.dispose();
        // WHEN / THEN
        assertEquals(Optional.of(PAYLOAD), QrCodes.read(page));
    }

    @Test
    void aPageWithoutACodeOrATinyImageReadsNothing() {
        BufferedImage blank = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        assertEquals(Optional.empty(), QrCodes.read(blank));
        assertEquals(Optional.empty(), QrCodes.read(new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB)));
    }
}

package cn.org.cast.dianzan.summary.print;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The QR codes of the summary sheet: made with error correction level M and the standard quiet zone
 * of four modules, and read back from a scan or a photo of a stamped page, where the code is small,
 * perhaps turned, blurred or partly under a seal.
 */
public final class QrCodes {

    /** The quiet zone around the symbol, in modules. */
    public static final int QUIET_ZONE = 4;

    private static final Map<EncodeHintType, Object> ENCODING = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, QUIET_ZONE);
    private static final Map<DecodeHintType, Object> DECODING = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
    /** The modules of the smallest code (version 1) with its quiet zone: no smaller view can hold one. */
    private static final int SMALLEST_SYMBOL = 21 + 2 * QUIET_ZONE;
    private static final List<Function<LuminanceSource, Binarizer>> BINARIZERS =
            List.of(HybridBinarizer::new, GlobalHistogramBinarizer::new);

    private QrCodes() {
    }

    /** The modules of the code for {@code payload}, quiet zone included, one matrix cell per module. */
    public static BitMatrix encode(String payload) {
        try {
            return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, ENCODING);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + payload.length() + " characters", e);
        }
    }

    /**
     * The text of a QR code in the image, if one can be read. Tried in turn, each with a local and then
     * a global threshold: the whole image; each quarter of it (a little more, so that a code on the
     * middle lines is whole in one), the top right first, where the sheets print theirs; each corner
     * enlarged twice, for a code only a few pixels a module; the whole image at half size, for a coarse
     * photo.
     */
    public static Optional<String> read(BufferedImage image) {
        Gray gray = Gray.of(image);
        for (LuminanceSource source : sources(gray)) {
            for (Function<LuminanceSource, Binarizer> binarizer : BINARIZERS) {
                try {
                    return Optional.of(new QRCodeReader().decode(new BinaryBitmap(binarizer.apply(source)), DECODING)
                            .getText());
                } catch (ReaderException e) {
                    // not found here: try the next view of the image
                }
            }
        }
        return Optional.empty();
    }

    /** The views to search, in order; each made only when the ones before it found nothing. */
    private static Iterable<LuminanceSource> sources(Gray gray) {
        List<Supplier<LuminanceSource>> views = new ArrayList<>();
        views.add(gray::all);
        int halfWidth = gray.width() * 11 / 20;
        int halfHeight = gray.height() * 11 / 20;
        int cornerWidth = gray.width() * 2 / 5;
        int cornerHeight = gray.height() * 3 / 10;
        if (Math.min(cornerWidth, cornerHeight) >= SMALLEST_SYMBOL) {
            for (int[] at : corners(gray.width() - halfWidth, gray.height() - halfHeight)) {
                views.add(() -> gray.crop(at[0], at[1], halfWidth, halfHeight));
            }
            for (int[] at : corners(gray.width() - cornerWidth, gray.height() - cornerHeight)) {
                views.add(() -> gray.region(at[0], at[1], cornerWidth, cornerHeight).doubled().all());
            }
            views.add(() -> gray.halved().all());
        }
        return () -> views.stream().map(Supplier::get).iterator();
    }

    /** Top right first (where the sheets print their code), then top left, bottom left, bottom right. */
    private static List<int[]> corners(int right, int bottom) {
        return List.of(new int[] {right, 0}, new int[] {0, 0}, new int[] {0, bottom}, new int[] {right, bottom});
    }

    /** An image's luminance, one byte a pixel. */
    private record Gray(byte[] pixels, int width, int height) {

        static Gray of(BufferedImage image) {
            int width = image.getWidth();
            int height = image.getHeight();
            byte[] pixels = new byte[width * height];
            if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
                image.getRaster().getDataElements(0, 0, width, height, pixels);
                return new Gray(pixels, width, height);
            }
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                image.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    int rgb = row[x];
                    int luminance = (306 * (rgb >> 16 & 0xFF) + 601 * (rgb >> 8 & 0xFF) + 117 * (rgb & 0xFF)) >> 10;
                    pixels[y * width + x] = (byte) luminance;
                }
            }
            return new Gray(pixels, width, height);
        }

        LuminanceSource all() {
            return crop(0, 0, width, height);
        }

        LuminanceSource crop(int left, int top, int cropWidth, int cropHeight) {
            return new PlanarYUVLuminanceSource(pixels, width, height, left, top, cropWidth, cropHeight, false);
        }

        Gray region(int left, int top, int regionWidth, int regionHeight) {
            byte[] out = new byte[regionWidth * regionHeight];
            for (int y = 0; y < regionHeight; y++) {
                System.arraycopy(pixels, (top + y) * width + left, out, y * regionWidth, regionWidth);
            }
            return new Gray(out, regionWidth, regionHeight);
        }

        /** Twice the size, bilinear: more pixels a module for the binarizer's blocks. */
        Gray doubled() {
            int w = width * 2;
            int h = height * 2;
            byte[] out = new byte[w * h];
            for (int y = 0; y < h; y++) {
                float sy = Math.max(0, (y - 0.5f) / 2);
                int y0 = Math.min((int) sy, height - 1);
                int y1 = Math.min(y0 + 1, height - 1);
                float fy = sy - y0;
                for (int x = 0; x < w; x++) {
                    float sx = Math.max(0, (x - 0.5f) / 2);
                    int x0 = Math.min((int) sx, width - 1);
                    int x1 = Math.min(x0 + 1, width - 1);
                    float fx = sx - x0;
                    float top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
                    float bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
                    out[y * w + x] = (byte) Math.round(top * (1 - fy) + bottom * fy);
                }
            }
            return new Gray(out, w, h);
        }

        /** Half the size, each pixel the mean of four. */
        Gray halved() {
            int w = width / 2;
            int h = height / 2;
            byte[] out = new byte[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int sum = at(2 * x, 2 * y) + at(2 * x + 1, 2 * y) + at(2 * x, 2 * y + 1) + at(2 * x + 1, 2 * y + 1);
                    out[y * w + x] = (byte) (sum / 4);
                }
            }
            return new Gray(out, w, h);
        }

        private int at(int x, int y) {
            return pixels[y * width + x] & 0xFF;
        }
    }
}

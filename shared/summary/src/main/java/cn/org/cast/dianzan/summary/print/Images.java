package cn.org.cast.dianzan.summary.print;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.function.IntBinaryOperator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decoding a JPEG or PNG with bounded work: the stored size is read from the header first, an image of
 * more than {@link #MAX_SOURCE_PIXELS} is refused before a pixel is decoded (a small file may declare
 * 40000 × 40000 and would take the function's whole timeout, or its memory), and the rest is decoded subsampled.
 */
final class Images {

    /** 50 megapixels: a 600 dpi scan of an A4 page is 35, a phone's photo 12 to 48. */
    static final long MAX_SOURCE_PIXELS = 50_000_000L;

    private Images() {
    }

    /**
     * The image, every {@code step}-th pixel in each direction, where {@code step} is chosen from the
     * stored width and height. IOException for what no reader recognises, is too large or is damaged.
     */
    static BufferedImage decode(byte[] bytes, IntBinaryOperator stepForSize) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("no image format recognised");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                long pixels = (long) width * height;
                if (pixels > MAX_SOURCE_PIXELS) {
                    throw new IOException("an image of " + pixels + " pixels, more than " + MAX_SOURCE_PIXELS);
                }
                int step = Math.max(1, stepForSize.applyAsInt(width, height));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (RuntimeException damaged) {
            throw new IOException("the image cannot be decoded: " + damaged.getMessage(), damaged);
        }
    }
}

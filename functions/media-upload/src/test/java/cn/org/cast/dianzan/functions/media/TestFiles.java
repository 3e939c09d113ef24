package cn.org.cast.dianzan.functions.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Real files made in memory: JPEG and PNG images of a size, an EXIF-rotated photo, a padded photo. */
final class TestFiles {

    private TestFiles() {
    }

    static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, x * height / width, 0xCC3300);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] jpeg(int width, int height) {
        return image("jpg", width, height);
    }

    /** A JPEG stored {@code width}×{@code height} whose EXIF says how to turn it (6: 90° clockwise). */
    static byte[] jpegWithOrientation(int width, int height, int orientation) {
        byte[] plain = jpeg(width, height);
        byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0,
            0, 0, 0, 0};
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + exif.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.writeBytes(tiff);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /**
     * Bytes {@code offset} to {@code offset + length - 1} of an MP4 file of any size, made on the fly so
     * a large video never sits in memory: an ftyp box, then a pattern that tells the parts apart.
     */
    static byte[] mp4Slice(long offset, int length) {
        byte[] head = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p',
            '4', '1'};
        byte[] slice = new byte[length];
        for (int i = 0; i < length; i++) {
            long at = offset + i;
            slice[i] = at < head.length ? head[(int) at] : (byte) (at * 31 + (at >> 20));
        }
        return slice;
    }

    /** The file grown to exactly {@code size} bytes (readers stop at the end of the image). */
    static byte[] paddedTo(byte[] file, int size) {
        if (file.length > size) {
            throw new IllegalArgumentException("file already " + file.length + " bytes");
        }
        return Arrays.copyOf(file, size);
    }
}

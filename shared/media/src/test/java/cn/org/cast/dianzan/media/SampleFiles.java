package cn.org.cast.dianzan.media;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Real files made in memory: images by javax.imageio, archives by java.util.zip, EXIF by hand. */
final class SampleFiles {

    private SampleFiles() {
    }

    static byte[] image(String format, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG with the segment put right after SOI, where phones put their EXIF. */
    static byte[] afterSoi(byte[] jpeg, byte[] segment) {
        return ByteBuffer.allocate(jpeg.length + segment.length)
                .put(jpeg, 0, 2).put(segment).put(jpeg, 2, jpeg.length - 2).array();
    }

    static byte[] exifSegment(ByteOrder order, int orientation) {
        return exifSegment(order, 8, orientation, 0);
    }

    /**
     * APP1 "Exif\0\0", a TIFF header in the given byte order pointing at IFD0 (its offset counted from
     * the TIFF header), IFD0 with the one entry Orientation (0x0112, SHORT, count 1) and the offset of
     * the next IFD.
     */
    static byte[] exifSegment(ByteOrder order, long ifd0Offset, int orientation, long nextIfdOffset) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(order)
                .put((order == ByteOrder.LITTLE_ENDIAN ? "II" : "MM").getBytes(US_ASCII))
                .putShort((short) 42).putInt((int) ifd0Offset)
                .putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1)
                .putShort((short) orientation).putShort((short) 0) // a SHORT sits left in the 4-byte value
                .putInt((int) nextIfdOffset);
        return segment(0xE1, ByteBuffer.allocate(6 + 26).put("Exif\0\0".getBytes(US_ASCII)).put(tiff.array()).array());
    }

    /** A JPEG segment: FF, marker, a big-endian length that counts itself, the payload. */
    static byte[] segment(int marker, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length)
                .put((byte) 0xFF).put((byte) marker).putShort((short) (2 + payload.length)).put(payload).array();
    }

    /** A ZIP as java.util.zip streams it: deflated entries whose sizes follow their data. */
    static byte[] zip(String... entryNames) {
        return zip(ZipEntry.DEFLATED, entryNames);
    }

    /** Entries in the order given, each holding a line that names it. */
    static byte[] zip(int method, String... entryNames) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String name : entryNames) {
            entries.put(name, ("<content of " + name + "/>").getBytes(US_ASCII));
        }
        return zip(method, entries);
    }

    /** Stored entries carry their sizes in the local header, deflated ones after their data. */
    static byte[] zip(int method, Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setMethod(method);
                if (method == ZipEntry.STORED) {
                    CRC32 crc = new CRC32();
                    crc.update(file.getValue());
                    entry.setCrc(crc.getValue());
                    entry.setSize(file.getValue().length);
                }
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

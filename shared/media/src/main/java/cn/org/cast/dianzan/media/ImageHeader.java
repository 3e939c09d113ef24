package cn.org.cast.dianzan.media;

import static cn.org.cast.dianzan.media.Bytes.hasAt;
import static cn.org.cast.dianzan.media.Bytes.u16;
import static cn.org.cast.dianzan.media.Bytes.u32;
import static java.nio.charset.StandardCharsets.US_ASCII;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The size of a photo as a viewer shows it, read from the head of the file without decoding the
 * pixels. Hostile bytes give an empty answer, never an exception.
 */
public final class ImageHeader {

    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int APP1 = 0xE1;
    private static final byte[] EXIF = {'E', 'x', 'i', 'f', 0, 0};
    private static final int LITTLE_ENDIAN_TIFF = 0x4949; // "II"
    private static final int BIG_ENDIAN_TIFF = 0x4D4D; // "MM"
    private static final int TIFF_MAGIC = 42;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int SHORT_TYPE = 3;
    private static final int IFD_ENTRY_SIZE = 12;
    private static final byte[] IHDR = "IHDR".getBytes(US_ASCII);

    private ImageHeader() {
    }

    /**
     * Width and height as seen, for a JPEG or PNG whose head holds its frame header; empty for other
     * types, for bytes that are not of the given type, and for anything malformed or cut short.
     */
    public static Optional<ImageSize> sizeAsSeen(FileType type, byte[] head) {
        if (MagicBytes.sniff(head).filter(type::equals).isEmpty()) {
            return Optional.empty();
        }
        return switch (type) {
            case JPEG -> jpeg(head);
            case PNG -> png(head);
            default -> Optional.empty();
        };
    }

    /**
     * The EXIF orientation of a JPEG, 1 to 8: how a viewer turns and mirrors the stored pixels to show
     * the photo, read as {@link #sizeAsSeen} reads it (the last Exif segment before the frame header).
     * 1 (as stored) for bytes that are not a JPEG, without Exif, and where the segments or the Exif are
     * malformed or cut short.
     */
    public static int jpegOrientation(byte[] jpeg) {
        if (MagicBytes.sniff(jpeg).filter(FileType.JPEG::equals).isEmpty()) {
            return 1;
        }
        return frame(jpeg).map(Frame::orientation).orElse(1);
    }

    /**
     * From IHDR, which PNG requires as the first chunk: length, "IHDR", width, height. The orientation
     * an optional eXIf chunk may carry is not honoured: viewers are uneven in applying it and phones
     * save photos as JPEG, so a PNG is taken as stored.
     */
    private static Optional<ImageSize> png(byte[] head) {
        int ihdr = MagicBytes.PNG_SIGNATURE.length;
        if (head.length < ihdr + 16 || !hasAt(head, ihdr + 4, IHDR)) {
            return Optional.empty();
        }
        ByteBuffer png = ByteBuffer.wrap(head);
        return size(u32(png, ihdr + 8), u32(png, ihdr + 12));
    }

    private static Optional<ImageSize> jpeg(byte[] head) {
        return frame(head).flatMap(f -> {
            Optional<ImageSize> stored = size(f.width(), f.height());
            return f.orientation() >= 5 ? stored.map(ImageHeader::turned) : stored;
        });
    }

    /** A JPEG's frame header as stored (width, height) and the EXIF orientation that applies to it. */
    private record Frame(int width, int height, int orientation) {
    }

    /**
     * Walks the segments from SOI, each a marker and a length that counts itself, noting the EXIF
     * orientation, up to the first frame header (SOF). Empty if the walk reaches the scan (SOS) or the
     * end first (the frame lies beyond the head), or meets a malformed segment or Exif block.
     */
    private static Optional<Frame> frame(byte[] head) {
        ByteBuffer jpeg = ByteBuffer.wrap(head);
        int orientation = 1;
        int at = 2;
        while (at < head.length && head[at] == (byte) 0xFF) {
            while (at < head.length && head[at] == (byte) 0xFF) {
                at++; // a marker may be preceded by fill bytes
            }
            if (at > head.length - 3) {
                return Optional.empty();
            }
            int marker = head[at] & 0xFF;
            int length = u16(jpeg, at + 1);
            int segment = at + 3;
            int end = at + 1 + length;
            if (marker == SOS || marker == EOI || length < 2 || end > head.length) {
                return Optional.empty();
            }
            if (isFrameHeader(marker)) {
                // the frame header opens with precision (1 byte), height, width
                return length < 7 ? Optional.empty()
                        : Optional.of(new Frame(u16(jpeg, segment + 3), u16(jpeg, segment + 1), orientation));
            }
            if (marker == APP1 && end - segment >= EXIF.length && hasAt(head, segment, EXIF)) {
                OptionalInt exif = exifOrientation(jpeg.slice(segment + EXIF.length, end - segment - EXIF.length));
                if (exif.isEmpty()) {
                    return Optional.empty();
                }
                orientation = exif.getAsInt();
            }
            at = end;
        }
        return Optional.empty();
    }

    /** SOF0 to SOF15; C4, C8 and CC share the range but are DHT, JPG and DAC. */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /**
     * The Orientation tag of IFD0 in the TIFF structure Exif carries. 1 (as stored) where the tag is
     * absent, not one SHORT, or out of 1..8 (no turn to apply); empty where the structure is broken,
     * since then nobody can say how the photo is seen. Only IFD0 is read, so no chain of IFD offsets is
     * followed and none can loop.
     */
    private static OptionalInt exifOrientation(ByteBuffer tiff) {
        if (tiff.limit() < 8) {
            return OptionalInt.empty();
        }
        int byteOrder = u16(tiff, 0);
        if (byteOrder == LITTLE_ENDIAN_TIFF) {
            tiff.order(ByteOrder.LITTLE_ENDIAN);
        } else if (byteOrder != BIG_ENDIAN_TIFF) {
            return OptionalInt.empty();
        }
        long ifd = u32(tiff, 4);
        if (u16(tiff, 2) != TIFF_MAGIC || ifd > tiff.limit() - 2) {
            return OptionalInt.empty();
        }
        int entries = u16(tiff, (int) ifd);
        if (ifd + 2 + (long) entries * IFD_ENTRY_SIZE > tiff.limit()) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * IFD_ENTRY_SIZE;
            boolean oneShort = u16(tiff, entry + 2) == SHORT_TYPE && u32(tiff, entry + 4) == 1;
            if (u16(tiff, entry) == ORIENTATION_TAG && oneShort) {
                int value = u16(tiff, entry + 8);
                return OptionalInt.of(value >= 1 && value <= 8 ? value : 1);
            }
        }
        return OptionalInt.of(1);
    }

    /** Orientations 5 to 8 turn the image a quarter (5 and 7 also mirror it), so width and height swap. */
    private static ImageSize turned(ImageSize stored) {
        return new ImageSize(stored.height(), stored.width());
    }

    private static Optional<ImageSize> size(long width, long height) {
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(new ImageSize((int) width, (int) height));
    }
}

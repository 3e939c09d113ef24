package cn.org.cast.dianzan.media;

import static cn.org.cast.dianzan.media.Bytes.hasAt;
import static cn.org.cast.dianzan.media.Bytes.u16;
import static cn.org.cast.dianzan.media.Bytes.u32;
import static java.nio.charset.StandardCharsets.US_ASCII;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.Set;

/**
 * What a file really is, from its first bytes, whatever its name or declared content type says.
 */
public final class MagicBytes {

    static final byte[] JPEG_SOI = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF_HEADER = "%PDF-".getBytes(US_ASCII);
    private static final byte[] FTYP = "ftyp".getBytes(US_ASCII);
    private static final byte[] ZIP_LOCAL_FILE = {'P', 'K', 3, 4};
    private static final byte[] WORD_FOLDER = "word/".getBytes(US_ASCII);

    /**
     * Major brands of the ftyp box that phones, cameras and encoders write for MP4 video: ISO base
     * media (isom, iso2 to iso6), MP4 version 1 and 2 (mp41, mp42), AVC (avc1), Apple's M4V, MPEG-DASH
     * (dash) and Sony's MSNV. Left out on purpose, though they share the box structure: QuickTime
     * ("qt  ", video/quicktime), 3GPP (3gp*), audio-only M4A and HEIF/AVIF still images (heic, mif1,
     * avif).
     */
    private static final Set<String> MP4_BRANDS = Set.of(
            "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "dash", "MSNV");

    /** A ZIP writer that streams sets this flag and puts the entry's sizes after its data. */
    private static final int SIZES_AFTER_DATA = 1 << 3;

    private MagicBytes() {
    }

    /** The type the head of a file shows, or empty for anything we do not accept (HTML, executables, …). */
    public static Optional<FileType> sniff(byte[] head) {
        if (hasAt(head, 0, JPEG_SOI)) {
            return Optional.of(FileType.JPEG);
        }
        if (hasAt(head, 0, PNG_SIGNATURE)) {
            return Optional.of(FileType.PNG);
        }
        if (hasAt(head, 0, PDF_HEADER)) {
            return Optional.of(FileType.PDF);
        }
        if (isMp4(head)) {
            return Optional.of(FileType.MP4);
        }
        if (isDocx(head)) {
            return Optional.of(FileType.DOCX);
        }
        return Optional.empty();
    }

    /** An ISO base media file opens with its ftyp box: size, "ftyp", major brand, minor version. */
    private static boolean isMp4(byte[] head) {
        if (head.length < 16 || !hasAt(head, 4, FTYP)) {
            return false;
        }
        long boxSize = u32(ByteBuffer.wrap(head), 0);
        return boxSize >= 16 && MP4_BRANDS.contains(new String(head, 8, 4, US_ASCII));
    }

    /**
     * A ZIP with an entry under "word/", where a WordprocessingML package keeps its main part.
     * "[Content_Types].xml" alone is not enough: every Office Open XML package (XLSX, PPTX) has it. The
     * local file headers are walked one by one rather than the bytes searched, so that a JAR path such
     * as "org/x/word/" or the content of a stored entry does not count.
     */
    private static boolean isDocx(byte[] head) {
        ByteBuffer zip = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        long entry = 0;
        while (hasAt(head, entry, ZIP_LOCAL_FILE) && entry <= head.length - 30) {
            int header = (int) entry;
            int nameLength = u16(zip, header + 26);
            long name = header + 30;
            if (nameLength >= WORD_FOLDER.length && hasAt(head, name, WORD_FOLDER)) {
                return true;
            }
            long data = name + nameLength + u16(zip, header + 28);
            entry = (u16(zip, header + 6) & SIZES_AFTER_DATA) == 0
                    ? data + u32(zip, header + 18)
                    : nextLocalFile(head, data);
        }
        return false;
    }

    /** Where the next local file header starts, at or after {@code from}, or -1. */
    private static long nextLocalFile(byte[] head, long from) {
        for (long at = from; at <= head.length - ZIP_LOCAL_FILE.length; at++) {
            if (hasAt(head, at, ZIP_LOCAL_FILE)) {
                return at;
            }
        }
        return -1;
    }
}

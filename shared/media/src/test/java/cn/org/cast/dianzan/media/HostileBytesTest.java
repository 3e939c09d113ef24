package cn.org.cast.dianzan.media;

import static cn.org.cast.dianzan.media.SampleFiles.afterSoi;
import static cn.org.cast.dianzan.media.SampleFiles.exifSegment;
import static cn.org.cast.dianzan.media.SampleFiles.image;
import static cn.org.cast.dianzan.media.SampleFiles.zip;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever a client uploads, reading its head answers and never throws or hangs. */
class HostileBytesTest {

    private static final long SEED = 20250601L;
    private static final int ROUNDS = 20_000;
    private static final Duration BOUND = Duration.ofSeconds(60);

    private static final List<byte[]> VALID = List.of(
            afterSoi(image("jpeg", 400, 300), exifSegment(ByteOrder.LITTLE_ENDIAN, 6)),
            afterSoi(image("jpeg", 300, 400), exifSegment(ByteOrder.BIG_ENDIAN, 8)),
            image("png", 400, 300),
            zip("[Content_Types].xml", "_rels/.rels", "word/document.xml"));

    /** Sniffs the bytes and asks every type for a size, failing with how the bytes were made on any exception. */
    private static void read(byte[] head, String made) {
        try {
            MagicBytes.sniff(head);
            for (FileType type : FileType.values()) {
                ImageHeader.sizeAsSeen(type, head);
            }
        } catch (RuntimeException e) {
            fail("threw on " + made, e);
        }
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(SEED);
        assertTimeoutPreemptively(BOUND, () -> {
            for (int round = 0; round < ROUNDS; round++) {
                byte[] head = new byte[random.nextInt(600)];
                random.nextBytes(head);
                read(head, "random round " + round);
            }
        });
    }

    @Test
    void validFilesWithAnyOneOfTheirHeaderBytesChangedToAnyValueNeverThrow() {
        // every length, offset, count and marker in the headers, set to every value: boundaries included
        assertTimeoutPreemptively(BOUND, () -> {
            for (int file = 0; file < VALID.size(); file++) {
                byte[] mutant = VALID.get(file).clone();
                for (int at = 0; at < Math.min(mutant.length, 256); at++) {
                    byte original = mutant[at];
                    for (int value = 0; value < 256; value++) {
                        mutant[at] = (byte) value;
                        read(mutant, "file " + file + " with byte " + at + " set to " + value);
                    }
                    mutant[at] = original;
                }
            }
        });
    }

    @Test
    void validFilesWithRandomBytesOverwrittenNeverThrow() {
        // GIVEN real files, so that most mutants pass the signature and reach the segment, EXIF and ZIP walks
        Random random = new Random(SEED);
        assertTimeoutPreemptively(BOUND, () -> {
            for (int round = 0; round < ROUNDS; round++) {
                byte[] valid = VALID.get(round % VALID.size());
                byte[] mutant = Arrays.copyOf(valid, Math.min(valid.length, 1024));
                for (int hits = 1 + random.nextInt(4); hits > 0; hits--) {
                    // the first 256 bytes hold the headers, lengths and offsets worth corrupting
                    mutant[random.nextInt(Math.min(mutant.length, 256))] = (byte) random.nextInt(256);
                }
                read(mutant, "mutant round " + round);
            }
        });
    }

    @Test
    void everyPrefixOfAValidFileNeverThrows() {
        assertTimeoutPreemptively(BOUND, () -> {
            for (int file = 0; file < VALID.size(); file++) {
                byte[] valid = VALID.get(file);
                for (int length = 0; length <= valid.length; length++) {
                    read(Arrays.copyOf(valid, length), "first " + length + " bytes of file " + file);
                }
            }
        });
    }
}

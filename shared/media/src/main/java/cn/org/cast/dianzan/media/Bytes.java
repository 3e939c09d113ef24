package cn.org.cast.dianzan.media;

import java.nio.ByteBuffer;

/** Reads of untrusted bytes: a comparison that is false past the end, unsigned numbers at checked offsets. */
final class Bytes {

    private Bytes() {
    }

    static boolean hasAt(byte[] bytes, long offset, byte[] expected) {
        if (offset < 0 || offset > bytes.length - expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[(int) offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    static int u16(ByteBuffer buffer, int offset) {
        return Short.toUnsignedInt(buffer.getShort(offset));
    }

    static long u32(ByteBuffer buffer, int offset) {
        return Integer.toUnsignedLong(buffer.getInt(offset));
    }
}

package cn.org.cast.dianzan.summary;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * The stamped scan a unit confirmed for a sheet: where it is kept, its page count, whether its QR
 * code could be read (a seal or a poor scan may hide it: accepted, flagged for the admins), and the
 * receipt issued for it.
 */
@Serdeable
public record StampedScan(String scanId, String key, String fileName, String contentType, long size, int pages,
                          boolean codeRead, Instant confirmedAt, String confirmedBy, String receiptKey) {
}

package cn.org.cast.dianzan.summary;

import java.time.Instant;

/**
 * A stamped scan on its way: signed for the unit's current sheet, sent by the client straight to S3
 * under {@code pending/}, then confirmed (read and checked) or refused. The bucket's lifecycle
 * removes what was never confirmed.
 */
public record ScanUpload(String scanId, String campaignId, String unitId, String owner, String sheetId,
                         String pendingKey, String fileName, String contentType, long size, String sha256,
                         Status status, Instant signedAt, Instant expiresAt) {

    public enum Status { PENDING, CHECKING, CONFIRMED, REFUSED }
}

package cn.org.cast.dianzan.media;

import cn.org.cast.dianzan.cases.FileKind;
import java.time.Instant;

/**
 * One signed upload, from the signature to its outcome: what the client promised (kind, name, size,
 * type), where the bytes go while unverified ({@code pendingKey}), and until when its latest URL lives.
 * A large file goes up in parts: then {@code multipartId} names S3's multipart upload and
 * {@code partSize} is the size of every part but the last. {@code sha256}, when the client gave one,
 * is what the bytes must hash to.
 */
public record Upload(String id, String caseId, String campaignId, String unitId, String owner, FileKind kind,
                     Integer awardIndex, String fileName, String contentType, long size, String pendingKey,
                     Status status, Instant signedAt, Instant expiresAt, String multipartId, long partSize,
                     String sha256) {

    /**
     * PENDING until a completion claims it (VERIFYING, for a short lease), then COMPLETED or REJECTED;
     * CANCELLED by its owner; ABANDONED when never completed and cleared after a day; DISCARDED once
     * its file was replaced or removed and its object deleted.
     */
    public enum Status { PENDING, VERIFYING, COMPLETED, REJECTED, CANCELLED, ABANDONED, DISCARDED }

    /** An upload sent in one PUT. */
    public Upload(String id, String caseId, String campaignId, String unitId, String owner, FileKind kind,
                  Integer awardIndex, String fileName, String contentType, long size, String pendingKey,
                  Status status, Instant signedAt, Instant expiresAt) {
        this(id, caseId, campaignId, unitId, owner, kind, awardIndex, fileName, contentType, size, pendingKey, status,
                signedAt, expiresAt, null, 0, null);
    }

    public boolean multipart() {
        return multipartId != null;
    }

    /** How many parts a multipart upload has: every part {@code partSize} bytes but the last. */
    public int partCount() {
        return multipart() ? (int) ((size + partSize - 1) / partSize) : 1;
    }

    /** The byte size of part {@code number} (1-based). */
    public long partBytes(int number) {
        return number < partCount() ? partSize : size - (long) (partCount() - 1) * partSize;
    }

    /** The same upload whose URLs, signed again, live until {@code expires}. */
    public Upload withExpiresAt(Instant expires) {
        return new Upload(id, caseId, campaignId, unitId, owner, kind, awardIndex, fileName, contentType, size,
                pendingKey, status, signedAt, expires, multipartId, partSize, sha256);
    }

    /** Where the verified file lives: the same generated path, out of the pending prefix. */
    public String storedKey() {
        return "media/" + pendingKey.substring("pending/".length());
    }
}

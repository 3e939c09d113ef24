package cn.org.cast.dianzan.media;

import cn.org.cast.dianzan.cases.FileKind;
import java.time.Instant;

/**
 * One signed upload, from the signature to its outcome: what the client promised (kind, name, size,
 * type), where the bytes go while unverified ({@code pendingKey}), and until when its URL lives.
 */
public record Upload(String id, String caseId, String campaignId, String unitId, String owner, FileKind kind,
                     Integer awardIndex, String fileName, String contentType, long size, String pendingKey,
                     Status status, Instant signedAt, Instant expiresAt) {

    /**
     * PENDING until a completion claims it (VERIFYING, for a short lease), then COMPLETED or REJECTED;
     * ABANDONED when never completed and cleared after a day.
     */
    public enum Status { PENDING, VERIFYING, COMPLETED, REJECTED, ABANDONED }

    /** Where the verified file lives: the same generated path, out of the pending prefix. */
    public String storedKey() {
        return "media/" + pendingKey.substring("pending/".length());
    }
}

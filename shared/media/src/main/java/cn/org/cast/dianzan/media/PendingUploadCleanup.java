package cn.org.cast.dianzan.media;

import cn.org.cast.dianzan.campaign.CampaignClosing;
import cn.org.cast.dianzan.core.audit.AuditLog;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Uploads signed more than a day ago and never completed are abandoned: their pending object (or
 * the parts of a multipart upload) is deleted and they can no longer complete. Run by the scheduled job; the bucket's lifecycle rule on
 * {@code pending/} is the second line. Each is first marked, only if still PENDING (a completion
 * claims the upload first, so the two never both act on it), then its object deleted; a crash in
 * between leaves the object to the rule.
 */
@Singleton
public class PendingUploadCleanup {

    public static final Duration ABANDONED_AFTER = Duration.ofHours(24);
    /** Per run: a run every few minutes clears any backlog soon, and no run nears the function's timeout. */
    static final int BATCH = 200;

    private final UploadRepository uploads;
    private final MultipartUploads multipart;
    private final S3Client s3;
    private final AuditLog audit;
    private final Clock clock;
    private final String bucket;

    public PendingUploadCleanup(UploadRepository uploads, MultipartUploads multipart, S3Client s3, AuditLog audit, Clock clock,
                                @Value("${dianzan.buckets.media}") String bucket) {
        this.uploads = uploads;
        this.multipart = multipart;
        this.s3 = s3;
        this.audit = audit;
        this.clock = clock;
        this.bucket = bucket;
    }

    /** Clears abandoned uploads; answers how many this run cleared. */
    public int clearAbandoned() {
        Instant cutoff = clock.instant().minus(ABANDONED_AFTER);
        List<String> candidates = uploads.pendingSignedBefore(cutoff, BATCH);
        int cleared = 0;
        for (String id : candidates) {
            Upload upload = uploads.find(id).orElse(null);
            if (upload == null || !uploads.move(id, Upload.Status.PENDING, Upload.Status.ABANDONED)) {
                continue;
            }
            if (upload.multipart()) {
                multipart.abort(upload);
            }
            s3.deleteObject(d -> d.bucket(bucket).key(upload.pendingKey()));
            audit.record("CASE#" + upload.caseId(), "UPLOAD_ABANDONED", CampaignClosing.ACTOR, null,
                    Map.of("upload", id, "signedAt", upload.signedAt().toString()));
            cleared++;
        }
        return cleared;
    }
}

package cn.org.cast.dianzan.media;

import cn.org.cast.dianzan.campaign.CampaignClosing;
import cn.org.cast.dianzan.cases.CaseFileService;
import cn.org.cast.dianzan.core.audit.AuditLog;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Files listed for discarding (a replaced photo, a removed file) whose object a crash left behind:
 * an hour after being listed, the case's files are read; a file the case still holds stays (the
 * change never happened), any other's object is deleted. Run by the scheduled job; the bucket keeps
 * a deleted object 30 days as a noncurrent version.
 */
@Singleton
public class DiscardedFileCleanup {

    static final Duration AFTER = Duration.ofHours(1);
    static final int BATCH = 200;

    private final UploadRepository uploads;
    private final CaseFileService caseFiles;
    private final S3Client s3;
    private final AuditLog audit;
    private final Clock clock;
    private final String bucket;

    public DiscardedFileCleanup(UploadRepository uploads, CaseFileService caseFiles, S3Client s3, AuditLog audit,
                                Clock clock, @Value("${dianzan.buckets.media}") String bucket) {
        this.uploads = uploads;
        this.caseFiles = caseFiles;
        this.s3 = s3;
        this.audit = audit;
        this.clock = clock;
        this.bucket = bucket;
    }

    /** Deletes what crashed changes left behind; answers how many objects this run deleted. */
    public int clearDiscarded() {
        int cleared = 0;
        for (String id : uploads.discardingBefore(clock.instant().minus(AFTER), BATCH)) {
            Upload upload = uploads.find(id).orElse(null);
            if (upload == null) {
                continue;
            }
            if (caseFiles.files(upload.caseId()).stream().anyMatch(f -> f.id().equals(id))) {
                uploads.kept(id);
                continue;
            }
            s3.deleteObject(d -> d.bucket(bucket).key(upload.storedKey()));
            uploads.discarded(id);
            audit.record("CASE#" + upload.caseId(), "DISCARDED_FILE_CLEARED", CampaignClosing.ACTOR, null,
                    Map.of("file", id));
            cleared++;
        }
        return cleared;
    }
}

package cn.org.cast.dianzan.media;

import cn.org.cast.dianzan.campaign.Campaign;
import cn.org.cast.dianzan.campaign.CampaignService;
import cn.org.cast.dianzan.campaign.ChinaTime;
import cn.org.cast.dianzan.campaign.Phase;
import cn.org.cast.dianzan.cases.CaseFile;
import cn.org.cast.dianzan.cases.CaseFileService;
import cn.org.cast.dianzan.cases.CaseFileView;
import cn.org.cast.dianzan.cases.CaseRecord;
import cn.org.cast.dianzan.cases.CaseService;
import cn.org.cast.dianzan.cases.FileKind;
import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.core.audit.AuditLog;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Files never pass through a function: the client asks for a presigned PUT ({@link #sign}; a file
 * over 100 MB gets one per part, see {@link MultipartUploads}), sends the bytes straight to S3, then
 * says it is done ({@link #complete}). Only what actually arrived is
 * judged: its size, its first bytes (what the file really is) and, for photos, its dimensions as seen.
 * A rejected object is deleted; an accepted one leaves the pending prefix and is attached to the case.
 */
@Singleton
public class MediaService {

    static final Duration UPLOAD_WINDOW = Duration.ofMinutes(15);
    static final Duration LINK_WINDOW = Duration.ofMinutes(5);
    /** How long a completion holds its upload: far above a 1 MB photo's few hundred milliseconds. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(1);
    /** Enough of the head of a file for its magic bytes and, in a JPEG, the EXIF block before the frame. */
    static final int HEAD_BYTES = 262_144;
    private static final Pattern UPLOAD_ID = Pattern.compile("U[0-9a-f]{32}");

    private final CaseService cases;
    private final CaseFileService caseFiles;
    private final CampaignService campaigns;
    private final UploadRepository uploads;
    private final UploadAllowance allowance;
    private final MultipartUploads multipart;
    private final S3Client s3;
    private final S3Presigner presigner;
    private final AuditLog audit;
    private final Clock clock;
    private final String bucket;
    private final SecureRandom random = new SecureRandom();

    public MediaService(CaseService cases, CaseFileService caseFiles, CampaignService campaigns,
                        UploadRepository uploads, UploadAllowance allowance, MultipartUploads multipart, S3Client s3, S3Presigner presigner, AuditLog audit, Clock clock,
                        @Value("${dianzan.buckets.media}") String bucket) {
        this.cases = cases;
        this.caseFiles = caseFiles;
        this.campaigns = campaigns;
        this.uploads = uploads;
        this.allowance = allowance;
        this.multipart = multipart;
        this.s3 = s3;
        this.presigner = presigner;
        this.audit = audit;
        this.clock = clock;
        this.bucket = bucket;
    }

    /** Signs a PUT of exactly the declared size and type, if the case takes one more file of that kind. */
    public SignedUpload sign(Caller caller, String caseId, UploadRequest request) {
        CaseRecord record = cases.editable(caller, caseId);
        Campaign campaign = campaigns.requireOpen();
        if (request.kind().perAward() && request.awardIndex() >= record.form().awards().size()) {
            throw DomainException.invalid("awardIndex", "NO_SUCH_AWARD", "案例的获奖情况中没有第"
                    + (request.awardIndex() + 1) + "个奖项，请先在表单中填写该奖项");
        }
        if (!request.kind().replaces()
                && caseFiles.count(caseId, request.kind(), request.awardIndex()) >= request.kind().maxCount()) {
            throw CaseFileService.tooMany(request.kind());
        }
        allowance.take(caller.subject());
        Instant now = clock.instant();
        String id = "U" + HexFormat.of().formatHex(randomBytes(16));
        String key = "pending/" + campaign.id() + "/" + record.unitId() + "/" + caseId + "/"
                + request.kind().name().toLowerCase(Locale.ROOT) + "/" + id;
        boolean inParts = multipart.needed(request.size());
        // S3's multipart upload is opened first: if recording the upload then fails, the bucket's
        // lifecycle rule aborts the stray one; the other way round would leave a record without it.
        String multipartId = inParts ? multipart.start(key, request.contentType()) : null;
        Upload upload = new Upload(id, caseId, campaign.id(), record.unitId(), caller.subject(), request.kind(),
                request.awardIndex(), request.fileName(), request.contentType(), request.size(), key,
                Upload.Status.PENDING, now, now.plus(UPLOAD_WINDOW), multipartId,
                inParts ? multipart.partSizeFor(request.size()) : 0, request.sha256());
        uploads.create(upload);
        return signed(upload, IntStream.rangeClosed(1, upload.partCount()).boxed().toList());
    }

    /**
     * Signs a pending upload again, for another 15 minutes: a new PUT, or new URLs for just the parts S3
     * has not received yet, so a video interrupted by a dropped connection resumes where it stopped.
     * Nothing is signed after the deadline.
     */
    public SignedUpload renew(Caller caller, String uploadId) {
        Upload upload = own(caller, uploadId);
        requireUnfinished(upload);
        cases.editable(caller, upload.caseId());
        campaigns.requireOpen();
        allowance.take(caller.subject());
        Instant expires = clock.instant().plus(UPLOAD_WINDOW);
        if (!uploads.extend(upload.id(), expires)) {
            throw new DomainException(Failure.UPLOAD_ALREADY_COMPLETED, "该文件正在确认或已确认完成", List.of(),
                    Map.of("uploadId", upload.id()));
        }
        Upload renewed = upload.withExpiresAt(expires);
        return signed(renewed, upload.multipart() ? multipart.missing(upload, multipart.received(upload)) : List.of(1));
    }

    private SignedUpload signed(Upload upload, List<Integer> partNumbers) {
        String expiresAt = ChinaTime.format(upload.expiresAt());
        if (upload.multipart()) {
            return new SignedUpload(upload.id(), upload.caseId(), upload.kind().name(), "MULTIPART", null, null,
                    upload.size(), upload.partSize(), upload.partCount(),
                    multipart.sign(upload, partNumbers, UPLOAD_WINDOW), expiresAt);
        }
        String url = presigner.presignPutObject(p -> p.signatureDuration(UPLOAD_WINDOW)
                .putObjectRequest(o -> o.bucket(bucket).key(upload.pendingKey()).contentType(upload.contentType())
                        .contentLength(upload.size()))).url().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", upload.contentType());
        headers.put("Content-Length", Long.toString(upload.size()));
        return new SignedUpload(upload.id(), upload.caseId(), upload.kind().name(), "PUT", url, headers,
                upload.size(), null, null, null, expiresAt);
    }

    /**
     * Judges what arrived for an upload and, if it is what was promised, attaches it to the case. The
     * upload is claimed first, so concurrent or retried completions never act twice; every step after
     * the claim can be repeated by a retry (a crashed completion's lease runs out after a minute).
     */
    public CaseFileView complete(Caller caller, String uploadId) {
        Upload upload = own(caller, uploadId);
        requireUnfinished(upload);
        requireCompletable(upload);
        cases.editable(caller, upload.caseId());
        if (!uploads.claim(upload.id(), clock.instant(), CLAIM_LEASE)) {
            throw new DomainException(Failure.UPLOAD_ALREADY_COMPLETED, "该文件正在确认或已确认完成", List.of(),
                    Map.of("uploadId", upload.id()));
        }
        boolean copied = exists(upload.storedKey());
        if (!copied) {
            HeadObjectResponse head = head(upload.pendingKey()).or(() -> assembled(upload)).orElse(null);
            if (head == null) {
                uploads.move(upload.id(), Upload.Status.VERIFYING, Upload.Status.PENDING);
                throw new DomainException(Failure.UPLOAD_NOT_RECEIVED);
            }
            if (head.contentLength() != upload.size()) {
                throw reject(upload, Rejection.SIZE_MISMATCH, upload.size() + "字节", head.contentLength() + "字节");
            }
        }
        // A retry after the copy judges the stored copy: the same bytes.
        String judged = copied ? upload.storedKey() : upload.pendingKey();
        byte[] first = s3.getObjectAsBytes(g -> g.bucket(bucket).key(judged).range("bytes=0-" + (HEAD_BYTES - 1)))
                .asByteArray();
        Verdict verdict = judge(upload, first);
        if (upload.sha256() != null) {
            String arrived = sha256Of(judged);
            if (!arrived.equals(upload.sha256())) {
                throw reject(upload, Rejection.CHECKSUM_MISMATCH, upload.sha256(), arrived);
            }
        }
        if (!copied) {
            s3.copyObject(c -> c.sourceBucket(bucket).sourceKey(upload.pendingKey())
                    .destinationBucket(bucket).destinationKey(upload.storedKey()));
        }
        // The S3 work above takes seconds: the unit may have taken the case up meanwhile. Then the upload
        // goes back to pending (it may complete once the case is returned) and its copy is dropped.
        try {
            cases.editable(caller, upload.caseId());
        } catch (DomainException takenUp) {
            s3.deleteObject(d -> d.bucket(bucket).key(upload.storedKey()));
            uploads.move(upload.id(), Upload.Status.VERIFYING, Upload.Status.PENDING);
            throw takenUp;
        }
        CaseFile file = new CaseFile(upload.id(), upload.caseId(), upload.kind(), upload.awardIndex(),
                upload.storedKey(), upload.fileName(), upload.contentType(), upload.size(),
                verdict.width(), verdict.height(), clock.instant(), caller.subject());
        // A photo replaces the slot's file: listed for discarding before the case lets go of it.
        if (upload.kind().replaces()) {
            caseFiles.files(upload.caseId()).stream().filter(f -> f.slot().equals(file.slot()))
                    .forEach(old -> uploads.discarding(old.id(), clock.instant()));
        }
        List<CaseFile> replaced;
        try {
            replaced = caseFiles.attach(file);
        } catch (DomainException full) {
            s3.deleteObject(d -> d.bucket(bucket).key(upload.storedKey()));
            s3.deleteObject(d -> d.bucket(bucket).key(upload.pendingKey()));
            uploads.move(upload.id(), Upload.Status.VERIFYING, Upload.Status.REJECTED);
            throw full;
        }
        uploads.move(upload.id(), Upload.Status.VERIFYING, Upload.Status.COMPLETED);
        cases.afterFilesChanged(upload.caseId(), caller);
        s3.deleteObject(d -> d.bucket(bucket).key(upload.pendingKey()));
        // Only now that the case points at the new file is the old one deleted: a crash in between
        // leaves it listed for the clean-up, never a case without its photo.
        replaced.forEach(old -> {
            s3.deleteObject(d -> d.bucket(bucket).key(old.key()));
            uploads.discarded(old.id());
        });
        audit.record("CASE#" + upload.caseId(), "FILE_ATTACHED", caller,
                replaced.isEmpty() ? null : Map.of("replaced", replaced.stream().map(CaseFile::id).toList()),
                Map.of("file", file.id(), "kind", file.kind(), "size", file.size()));
        return CaseFileView.of(file);
    }

    /** A short-lived link to a file of a case the caller may read. */
    public FileLink link(Caller caller, String fileId) {
        CaseFile file = attached(caller, fileId, false);
        Instant expires = clock.instant().plus(LINK_WINDOW);
        String url = presigner.presignGetObject(p -> p.signatureDuration(LINK_WINDOW)
                .getObjectRequest(g -> g.bucket(bucket).key(file.key())
                        .responseContentDisposition(contentDisposition(file.fileName()))
                        .responseContentType(file.contentType()))).url().toString();
        return new FileLink(file.id(), file.caseId(), file.kind().name(), file.fileName(), file.contentType(),
                file.size(), url, ChinaTime.format(expires));
    }

    /** Removes a file from a case its owner may still change; the object goes with it. */
    public void remove(Caller caller, String fileId) {
        Optional<Upload> pending = upload(caller, fileId)
                .filter(u -> u.status() == Upload.Status.PENDING && u.owner().equals(caller.subject()));
        if (pending.isPresent()) {
            cancel(pending.get());
            return;
        }
        CaseFile file = attached(caller, fileId, true);
        campaigns.requireOpen();
        uploads.discarding(file.id(), clock.instant());
        caseFiles.detach(file).ifPresent(gone -> {
            cases.afterFilesChanged(gone.caseId(), caller);
            s3.deleteObject(d -> d.bucket(bucket).key(gone.key()));
            uploads.discarded(gone.id());
            audit.record("CASE#" + gone.caseId(), "FILE_REMOVED", caller,
                    Map.of("file", gone.id(), "kind", gone.kind()), null);
        });
    }

    /**
     * Cancels an upload not yet completed: its parts or its object go, and it can no longer complete.
     * Allowed at any time, since it only takes away what never counted.
     */
    private void cancel(Upload upload) {
        if (!uploads.move(upload.id(), Upload.Status.PENDING, Upload.Status.CANCELLED)) {
            throw new DomainException(Failure.UPLOAD_ALREADY_COMPLETED, "该文件正在确认或已确认完成，不能取消", List.of(),
                    Map.of("uploadId", upload.id()));
        }
        discardPending(upload);
        audit.record("CASE#" + upload.caseId(), "UPLOAD_CANCELLED", upload.owner(), null, Map.of("upload", upload.id()));
    }

    /**
     * For an upload in parts whose object is not there yet: when S3 holds every part, joins them and
     * answers the object; when parts are missing, gives the upload back and says which.
     */
    private Optional<HeadObjectResponse> assembled(Upload upload) {
        if (!upload.multipart()) {
            return Optional.empty();
        }
        Map<Integer, Part> received = multipart.received(upload);
        List<Integer> missing = multipart.missing(upload, received);
        if (!missing.isEmpty()) {
            uploads.move(upload.id(), Upload.Status.VERIFYING, Upload.Status.PENDING);
            throw new DomainException(Failure.UPLOAD_NOT_RECEIVED, "尚未收到第" + missing.stream().map(String::valueOf)
                    .collect(Collectors.joining("、")) + "段（共" + upload.partCount() + "段），请上传这些段后再确认",
                    List.of(), Map.of("uploadId", upload.id(), "missingParts", missing));
        }
        long arrived = received.values().stream().filter(p -> p.partNumber() <= upload.partCount())
                .mapToLong(Part::size).sum();
        if (arrived != upload.size()) {
            throw reject(upload, Rejection.SIZE_MISMATCH, upload.size() + "字节", arrived + "字节");
        }
        multipart.assemble(upload, received);
        return head(upload.pendingKey());
    }

    /** RFC 6266 with an RFC 5987 {@code filename*}, so a Chinese name survives; an ASCII fallback first. */
    public static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private record Verdict(Integer width, Integer height) {
    }

    private Verdict judge(Upload upload, byte[] first) {
        Optional<FileType> type = MagicBytes.sniff(first);
        if (type.isEmpty() || !type.get().contentType().equals(upload.contentType())) {
            throw reject(upload, Rejection.TYPE_MISMATCH, upload.contentType(), type.map(FileType::contentType).orElse("unknown"));
        }
        Optional<ImageSize> size = ImageHeader.sizeAsSeen(type.get(), first);
        FileKind.Orientation wanted = upload.kind().orientation();
        if (wanted != null) {
            ImageSize seen = size.orElseThrow(() -> reject(upload, Rejection.NOT_AN_IMAGE, "JPEG/PNG", upload.contentType()));
            boolean fits = wanted == FileKind.Orientation.LANDSCAPE ? seen.landscape() : seen.portrait();
            if (!fits) {
                throw reject(upload, Rejection.WRONG_ORIENTATION,
                        wanted == FileKind.Orientation.LANDSCAPE ? "宽大于高" : "高大于宽",
                        seen.width() + "×" + seen.height());
            }
        }
        return size.map(s -> new Verdict(s.width(), s.height())).orElse(new Verdict(null, null));
    }

    /** The SHA-256 (hex) of an object, read as a stream: the whole file passes once through the function. */
    private String sha256Of(String key) {
        try (var in = s3.getObject(g -> g.bucket(bucket).key(key))) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65_536];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes what arrived and marks the upload rejected: nothing of a refused file stays. */
    private DomainException reject(Upload upload, Rejection reason, String expected, String actual) {
        discardPending(upload);
        s3.deleteObject(d -> d.bucket(bucket).key(upload.storedKey()));
        uploads.move(upload.id(), Upload.Status.VERIFYING, Upload.Status.REJECTED);
        audit.record("CASE#" + upload.caseId(), "FILE_REJECTED", upload.owner(), null,
                Map.of("upload", upload.id(), "reason", reason));
        return rejected(upload, reason, expected, actual);
    }

    /** The bytes of an upload that will not count: its parts, if it went in parts, and its pending object. */
    private void discardPending(Upload upload) {
        if (upload.multipart()) {
            multipart.abort(upload);
        }
        s3.deleteObject(d -> d.bucket(bucket).key(upload.pendingKey()));
    }

    /** An upload that already ended otherwise than completed can neither complete nor be signed again. */
    private static void requireUnfinished(Upload upload) {
        switch (upload.status()) {
            case COMPLETED, DISCARDED -> throw new DomainException(Failure.UPLOAD_ALREADY_COMPLETED);
            case REJECTED -> throw rejected(upload, Rejection.ALREADY_REJECTED, null, null);
            case CANCELLED -> throw rejected(upload, Rejection.CANCELLED, null, null);
            case ABANDONED -> throw rejected(upload, Rejection.ABANDONED, null, null);
            case PENDING, VERIFYING -> { }
        }
    }

    private static DomainException rejected(Upload upload, Rejection reason, String expected, String actual) {
        Map<String, Object> details = new LinkedHashMap<>(Map.of("reason", reason.name(), "uploadId", upload.id()));
        if (expected != null) {
            details.put("expected", expected);
            details.put("actual", actual);
        }
        return new DomainException(Failure.FILE_REJECTED, reason.message(upload, expected, actual), List.of(), details);
    }

    /**
     * After the deadline an upload may still complete if it was signed before it and its URL still
     * lives: a weak connection is not cut off mid-upload by the clock.
     */
    private void requireCompletable(Upload upload) {
        Campaign campaign = campaigns.current();
        Instant now = clock.instant();
        if (campaign.phaseAt(now) == Phase.CLOSED && (!upload.signedAt().isBefore(campaign.submissionClosesAt())
                || !now.isBefore(upload.expiresAt()))) {
            throw new DomainException(Failure.CAMPAIGN_CLOSED);
        }
    }

    private Upload own(Caller caller, String uploadId) {
        return upload(caller, uploadId).filter(u -> u.owner().equals(caller.subject()))
                .orElseThrow(() -> new DomainException(Failure.NOT_FOUND));
    }

    /** An attached file, found through its upload; 404 unless the caller may see (or, to change, edit) its case. */
    private CaseFile attached(Caller caller, String fileId, boolean toChange) {
        Upload upload = upload(caller, fileId).filter(u -> u.status() == Upload.Status.COMPLETED)
                .orElseThrow(() -> new DomainException(Failure.NOT_FOUND));
        if (toChange) {
            cases.editable(caller, upload.caseId());
        } else {
            cases.visible(caller, upload.caseId());
        }
        return caseFiles.files(upload.caseId()).stream().filter(f -> f.id().equals(fileId)).findFirst()
                .orElseThrow(() -> new DomainException(Failure.NOT_FOUND));
    }

    /** The upload of that id, if the id has an upload's shape at all (a key over 2 KB is refused by DynamoDB). */
    private Optional<Upload> upload(Caller caller, String id) {
        caller.requireAuthenticated();
        return id != null && UPLOAD_ID.matcher(id).matches() ? uploads.find(id) : Optional.empty();
    }

    private boolean exists(String key) {
        return head(key).isPresent();
    }

    private Optional<HeadObjectResponse> head(String key) {
        return S3Objects.head(s3, bucket, key);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}

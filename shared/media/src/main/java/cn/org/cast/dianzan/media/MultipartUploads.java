package cn.org.cast.dianzan.media;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Large files go up in parts, each to its own presigned URL, so a weak connection that drops one part
 * resends that part, not the whole video. Above {@code dianzan.media.multipart-above-bytes} (100 MB)
 * a file is cut into parts of {@code dianzan.media.part-bytes} (8 MiB; S3 wants at least 5 MiB for
 * every part but the last, and at most 10,000 parts: 500 MB is 63 of them). The client never handles
 * ETags: on completion the parts are listed here and assembled in order.
 */
@Singleton
public class MultipartUploads {

    static final long MIN_PART_BYTES = 5L * 1024 * 1024;
    static final int MAX_PARTS = 10_000;

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final long above;
    private final long partBytes;

    public MultipartUploads(S3Client s3, S3Presigner presigner, @Value("${dianzan.buckets.media}") String bucket,
                            @Value("${dianzan.media.multipart-above-bytes:104857600}") long above,
                            @Value("${dianzan.media.part-bytes:8388608}") long partBytes) {
        if (partBytes < MIN_PART_BYTES || above < partBytes) {
            throw new IllegalArgumentException("parts must be at least 5 MiB and no larger than the multipart"
                    + " threshold: part-bytes=" + partBytes + ", multipart-above-bytes=" + above);
        }
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.above = above;
        this.partBytes = partBytes;
    }

    /** Whether a file of this size goes up in parts. */
    public boolean needed(long size) {
        return size > above;
    }

    /** The size of every part but the last, for a file of this size. */
    long partSizeFor(long size) {
        return Math.max(partBytes, (size + MAX_PARTS - 1) / MAX_PARTS);
    }

    /** Opens S3's multipart upload for the object; answers its id. */
    String start(String key, String contentType) {
        return s3.createMultipartUpload(c -> c.bucket(bucket).key(key).contentType(contentType)).uploadId();
    }

    /** Presigned PUTs for the given parts (1-based numbers), each with its exact length signed. */
    List<SignedUpload.SignedPart> sign(Upload upload, Collection<Integer> partNumbers, Duration window) {
        return partNumbers.stream().sorted().map(n -> {
            long length = upload.partBytes(n);
            String url = presigner.presignUploadPart(p -> p.signatureDuration(window)
                    .uploadPartRequest(u -> u.bucket(bucket).key(upload.pendingKey()).uploadId(upload.multipartId())
                            .partNumber(n).contentLength(length))).url().toString();
            return new SignedUpload.SignedPart(n, (n - 1) * upload.partSize(), length, url);
        }).toList();
    }

    /**
     * The parts S3 holds, by number; empty when S3 no longer knows the multipart upload (it was
     * assembled, aborted or expired).
     */
    Map<Integer, Part> received(Upload upload) {
        Map<Integer, Part> parts = new TreeMap<>();
        boolean known = unlessGone(() -> s3.listPartsPaginator(l -> l.bucket(bucket).key(upload.pendingKey())
                .uploadId(upload.multipartId())).parts().forEach(p -> parts.put(p.partNumber(), p)));
        return known ? parts : Map.of();
    }

    /** The part numbers of the upload S3 does not hold yet, in order. */
    List<Integer> missing(Upload upload, Map<Integer, Part> received) {
        return java.util.stream.IntStream.rangeClosed(1, upload.partCount()).filter(n -> !received.containsKey(n))
                .boxed().toList();
    }

    /** Joins the received parts, in order, into the pending object. */
    void assemble(Upload upload, Map<Integer, Part> received) {
        List<CompletedPart> parts = received.values().stream()
                .map(p -> CompletedPart.builder().partNumber(p.partNumber()).eTag(p.eTag()).build()).toList();
        s3.completeMultipartUpload(c -> c.bucket(bucket).key(upload.pendingKey()).uploadId(upload.multipartId())
                .multipartUpload(m -> m.parts(parts)));
    }

    /** Drops the parts S3 holds for the upload; nothing happens if it is already gone. */
    void abort(Upload upload) {
        unlessGone(() -> s3.abortMultipartUpload(a -> a.bucket(bucket).key(upload.pendingKey())
                .uploadId(upload.multipartId())));
    }

    /** Runs a call on a multipart upload; false if S3 no longer knows it (assembled, aborted or expired). */
    private static boolean unlessGone(Runnable call) {
        try {
            call.run();
            return true;
        } catch (NoSuchUploadException gone) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            return false;
        }
    }
}

package cn.org.cast.dianzan.summary;

import cn.org.cast.dianzan.campaign.ChinaTime;
import cn.org.cast.dianzan.media.MediaService;
import cn.org.cast.dianzan.media.S3Objects;
import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The generated sheets, scans and receipts in the media bucket: {@code sheets/} (case sheets, one
 * per case version), {@code summaries/} (a unit's sheets, scans and receipts) and {@code pending/}
 * (scans not yet confirmed). Downloads are short-lived presigned GETs with a Chinese file name.
 */
@Singleton
public class SheetFiles {

    static final Duration LINK_WINDOW = Duration.ofMinutes(5);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final Clock clock;
    private final String bucket;

    public SheetFiles(S3Client s3, S3Presigner presigner, Clock clock, @Value("${dianzan.buckets.media}") String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.clock = clock;
        this.bucket = bucket;
    }

    /** A download link: what it is, its name, and until when (China time) it works. */
    @Serdeable
    public record Link(String fileName, String contentType, String url, String expiresAt) {
    }

    public void put(String key, byte[] bytes, String contentType, Map<String, String> metadata) {
        s3.putObject(p -> p.bucket(bucket).key(key).contentType(contentType).metadata(metadata),
                RequestBody.fromBytes(bytes));
    }

    public Optional<HeadObjectResponse> head(String key) {
        return S3Objects.head(s3, bucket, key);
    }

    public byte[] get(String key) {
        return s3.getObjectAsBytes(g -> g.bucket(bucket).key(key)).asByteArray();
    }

    public void copy(String from, String to) {
        s3.copyObject(c -> c.sourceBucket(bucket).sourceKey(from).destinationBucket(bucket).destinationKey(to));
    }

    public void delete(String key) {
        s3.deleteObject(d -> d.bucket(bucket).key(key));
    }

    public Link link(String key, String fileName, String contentType) {
        String url = presigner.presignGetObject(p -> p.signatureDuration(LINK_WINDOW)
                .getObjectRequest(g -> g.bucket(bucket).key(key)
                        .responseContentDisposition(MediaService.contentDisposition(fileName))
                        .responseContentType(contentType))).url().toString();
        return new Link(fileName, contentType, url, ChinaTime.format(clock.instant().plus(LINK_WINDOW)));
    }

    /** A presigned PUT of exactly this length and type. */
    public String signPut(String key, String contentType, long size, Duration window) {
        return presigner.presignPutObject(p -> p.signatureDuration(window)
                .putObjectRequest(o -> o.bucket(bucket).key(key).contentType(contentType).contentLength(size)))
                .url().toString();
    }
}

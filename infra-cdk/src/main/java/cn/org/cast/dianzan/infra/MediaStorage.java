package cn.org.cast.dianzan.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.constructs.Construct;

/**
 * The media bucket (CORS open to the web origin only) and the bucket that keeps its access logs. Both
 * private, versioned, TLS only and retained.
 */
final class MediaStorage extends Construct implements KeepsStackLevelIds {

    private final Bucket media;

    MediaStorage(Construct scope, String id, String webOrigin) {
        super(scope, id);
        Bucket accessLogs = Bucket.Builder.create(this, "AccessLogsBucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .versioned(true)
                .lifecycleRules(List.of(LifecycleRule.builder().id("ExpireAccessLogs")
                        .expiration(Duration.days(365)).noncurrentVersionExpiration(Duration.days(30)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        media = Bucket.Builder.create(this, "MediaBucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .versioned(true)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("media/")
                .cors(List.of(CorsRule.builder()
                        .allowedMethods(List.of(HttpMethods.GET, HttpMethods.PUT, HttpMethods.HEAD))
                        .allowedOrigins(List.of(webOrigin))
                        .allowedHeaders(List.of("Content-Type", "Content-Length", "Content-MD5"))
                        .exposedHeaders(List.of("ETag"))
                        .maxAge(3000)
                        .build()))
                .lifecycleRules(List.of(LifecycleRule.builder().id("AbortIncompleteUploads")
                        .abortIncompleteMultipartUploadAfter(Duration.days(1)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    String mediaBucketName() {
        return media.getBucketName();
    }
}

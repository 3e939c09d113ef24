package cn.org.cast.dianzan.infra;

import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnElement;
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
 * private, versioned, TLS only and retained. Uploads land under {@code pending/}; what was never completed
 * is gone, all its versions, a day later.
 */
final class MediaStorage extends Construct implements KeepsStackLevelIds {

    /** Where signed uploads land until the function has verified them. */
    static final String PENDING_PREFIX = "pending/";

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
                .lifecycleRules(List.of(
                        LifecycleRule.builder().id("AbortIncompleteUploads")
                                .abortIncompleteMultipartUploadAfter(Duration.days(1)).build(),
                        // Versioned: the expiry leaves a delete marker and a noncurrent version, which goes a day
                        // later (as does what a completed upload's delete of its pending object leaves); S3 then
                        // removes the lone marker.
                        LifecycleRule.builder().id("ExpirePendingUploads")
                                .prefix(PENDING_PREFIX)
                                .expiration(Duration.days(1))
                                .noncurrentVersionExpiration(Duration.days(1)).build(),
                        // A removed or replaced file stays restorable for 30 days, then is gone: personal data
                        // is not kept without end.
                        LifecycleRule.builder().id("ExpireRemovedMedia")
                                .prefix("media/")
                                .noncurrentVersionExpiration(Duration.days(30)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    String mediaBucketName() {
        return media.getBucketName();
    }

    /** The media bucket's logical id, resolved. */
    String mediaBucketLogicalId() {
        return (String) media.getStack().resolve(media.getStack().getLogicalId(
                (CfnElement) media.getNode().getDefaultChild()));
    }

    /**
     * The objects a grant covers: {@code arn:${AWS::Partition}:s3:::<bucket>/<prefix>*} for each prefix, in
     * the partition the stack deploys to (aws or aws-cn), as template.yaml writes them.
     */
    List<String> objectArns(ObjectGrant grant) {
        return grant.keyPrefixes().stream()
                .map(prefix -> "arn:" + Aws.PARTITION + ":s3:::" + media.getBucketName() + "/" + prefix + "*")
                .toList();
    }
}

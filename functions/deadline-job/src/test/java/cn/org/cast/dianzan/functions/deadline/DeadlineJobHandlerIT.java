package cn.org.cast.dianzan.functions.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.campaign.CampaignRepository;
import cn.org.cast.dianzan.campaign.Category;
import cn.org.cast.dianzan.campaign.QuotaLedgerRepository;
import cn.org.cast.dianzan.campaign.Quotas;
import cn.org.cast.dianzan.cases.CaseFile;
import cn.org.cast.dianzan.cases.CaseFileService;
import cn.org.cast.dianzan.cases.CaseForm;
import cn.org.cast.dianzan.cases.CaseRecord;
import cn.org.cast.dianzan.cases.CaseRepository;
import cn.org.cast.dianzan.cases.CaseStatus;
import cn.org.cast.dianzan.cases.FileKind;
import cn.org.cast.dianzan.core.Form;
import cn.org.cast.dianzan.core.audit.AuditLog;
import cn.org.cast.dianzan.engines.junit.AwsEnginesExtension;
import cn.org.cast.dianzan.engines.junit.AwsResources;
import cn.org.cast.dianzan.lambda.schedule.JobReport;
import cn.org.cast.dianzan.media.Upload;
import cn.org.cast.dianzan.media.UploadRepository;
import cn.org.cast.dianzan.testing.FakeLambdaContext;
import cn.org.cast.dianzan.testing.LambdaEvents;
import cn.org.cast.dianzan.testing.TestContexts;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The deadline job driven by the sample scheduled event of events/deadline-job, on the engines. */
@ExtendWith(AwsEnginesExtension.class)
class DeadlineJobHandlerIT {

    private static final String LAST_SECOND = "2026-06-30T23:59:59+08:00";
    private static final String CLOSED = "2026-07-01T00:00:00+08:00";

    private final AwsResources aws;
    private final List<DeadlineJobHandler> handlers = new ArrayList<>();

    DeadlineJobHandlerIT(AwsResources aws) {
        this.aws = aws;
    }

    @AfterEach
    void stop() {
        handlers.forEach(DeadlineJobHandler::close);
        aws.dynamo().scan(b -> b.tableName(aws.name("MainTable"))).items().forEach(item -> aws.dynamo()
                .deleteItem(b -> b.tableName(aws.name("MainTable")).key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))));
        aws.dynamo().scan(b -> b.tableName(aws.name("AuditTable"))).items().forEach(item -> aws.dynamo()
                .deleteItem(b -> b.tableName(aws.name("AuditTable")).key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))));
    }

    private DeadlineJobHandler handlerAt(String chinaTime) {
        DeadlineJobHandler handler = new DeadlineJobHandler(TestContexts.against(aws, TestContexts.fixedAt(chinaTime)));
        handlers.add(handler);
        return handler;
    }

    private static JobReport tick(DeadlineJobHandler handler) {
        return handler.handleRequest(LambdaEvents.scheduled("deadline-job/scheduled-tick.json"), new FakeLambdaContext());
    }

    private long closedEntries(DeadlineJobHandler handler) {
        return handler.getApplicationContext().getBean(AuditLog.class).forEntity("CAMPAIGN#2026").stream()
                .filter(e -> e.action().equals("CAMPAIGN_CLOSED")).count();
    }

    private boolean closingStored(ApplicationContext context) {
        return context.getBean(CampaignRepository.class).findClosing("2026", TestContexts.instant(CLOSED)).isPresent();
    }

    @Test
    void inTheDeadlinesLastSecondNothingIsRecorded() {
        DeadlineJobHandler handler = handlerAt(LAST_SECOND);

        JobReport report = tick(handler);

        assertEquals("NOT_YET_CLOSED", report.outcome());
        assertEquals(false, closingStored(handler.getApplicationContext()));
        assertEquals(0, closedEntries(handler));
    }

    @Test
    void theFirstTickAfterTheDeadlineRecordsTheClosingAndLaterTicksRecordNothingNew() {
        DeadlineJobHandler first = handlerAt(CLOSED);
        DeadlineJobHandler later = handlerAt("2026-07-01T00:05:00+08:00");

        JobReport recorded = tick(first);
        JobReport again = tick(later);
        JobReport andAgain = tick(later);

        assertEquals("RECORDED", recorded.outcome());
        assertEquals("2026-06-30T16:00:00Z", recorded.details().get("deadline"));
        assertEquals("ALREADY_RECORDED", again.outcome());
        assertEquals("ALREADY_RECORDED", andAgain.outcome());
        assertEquals(recorded.details().get("closingRecordedAt"), andAgain.details().get("closingRecordedAt"));
        assertEquals(1, closedEntries(later));
    }

    @Test
    void ofTenConcurrentTicksAfterTheDeadlineExactlyOneRecordsTheClosing() throws Exception {
        List<DeadlineJobHandler> instances = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            instances.add(handlerAt(CLOSED));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<JobReport>> ticks = instances.stream().<Callable<JobReport>>map(h -> () -> tick(h)).toList();
            List<String> outcomes = new ArrayList<>();
            for (Future<JobReport> f : pool.invokeAll(ticks)) {
                outcomes.add(f.get().outcome());
            }
            assertEquals(1, outcomes.stream().filter("RECORDED"::equals).count(), outcomes.toString());
            assertTrue(outcomes.stream().allMatch(o -> o.equals("RECORDED") || o.equals("ALREADY_RECORDED")));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, closedEntries(instances.get(0)));
    }

    @Test
    void uploadsSignedMoreThanADayAgoAndNeverCompletedAreClearedWithTheirObjectsAndNothingElse() {
        Instant now = TestContexts.instant(CLOSED);
        Upload abandoned = pending("Uabandoned", now.minus(Duration.ofHours(25)));
        Upload abandonedInParts = pendingInParts("Uabandonedinparts", now.minus(Duration.ofHours(26)));
        Upload recent = pending("Urecent", now.minus(Duration.ofHours(23)));
        Upload completed = pending("Ucompleted", now.minus(Duration.ofHours(30)));
        DeadlineJobHandler handler = handlerAt(CLOSED);
        handler.getApplicationContext().getBean(UploadRepository.class).move(completed.id(), Upload.Status.PENDING, Upload.Status.COMPLETED);

        JobReport report = tick(handler);
        JobReport again = tick(handler);

        assertEquals(2, report.details().get("abandonedUploadsCleared"));
        assertEquals(0, again.details().get("abandonedUploadsCleared"));
        UploadRepository uploads = handler.getApplicationContext().getBean(UploadRepository.class);
        assertEquals(Upload.Status.ABANDONED, uploads.find(abandoned.id()).orElseThrow().status());
        assertEquals(Upload.Status.ABANDONED, uploads.find(abandonedInParts.id()).orElseThrow().status());
        assertTrue(aws.s3().listMultipartUploads(l -> l.bucket(aws.name("MediaBucket"))).uploads().stream()
                .noneMatch(u -> u.key().equals(abandonedInParts.pendingKey())), "its parts are gone");
        assertEquals(Upload.Status.PENDING, uploads.find(recent.id()).orElseThrow().status());
        assertEquals(Upload.Status.COMPLETED, uploads.find(completed.id()).orElseThrow().status());
        assertEquals(List.of(completed.pendingKey(), recent.pendingKey()), pendingObjects());
    }

    @Test
    void eachTickRepairsACaseLeftApartFromItsUnitsLedgerByACrash() {
        DeadlineJobHandler handler = handlerAt(CLOSED);
        ApplicationContext context = handler.getApplicationContext();
        Instant approvedAt = TestContexts.instant("2026-06-25T10:00:00+08:00");
        CaseRecord approved = new CaseRecord("C00000000000000000000000000000001", "2026", "Uunit", "impl", "某市科技馆",
                CaseStatus.APPROVED, CaseForm.read(Form.of(Map.of("name", "科学之夜", "category", "ACTIVITY_SERVICE"))),
                List.of(), "hash", null, 4, approvedAt, approvedAt, approvedAt);
        context.getBean(CaseRepository.class).create(approved);
        // The ledger took the case in; the function died before it wrote the case's status.
        QuotaLedgerRepository ledgers = context.getBean(QuotaLedgerRepository.class);
        ledgers.ensure("2026", "Uunit", "某省科学技术协会");
        assertTrue(ledgers.add("2026", "Uunit", Category.ACTIVITY_SERVICE, approved.id(), new Quotas(3, 3, 6), approvedAt));

        JobReport report = tick(handler);
        JobReport again = tick(handler);

        assertEquals(1, report.details().get("caseStatusesRepaired"));
        assertEquals(0, again.details().get("caseStatusesRepaired"), "a repair is done once");
        assertEquals(CaseStatus.RECOMMENDED, context.getBean(CaseRepository.class).find(approved.id()).orElseThrow().status());
    }

    @Test
    void aFileListedForDiscardingAnHourAgoIsDeletedUnlessItsCaseStillHoldsIt() {
        DeadlineJobHandler handler = handlerAt(CLOSED);
        ApplicationContext context = handler.getApplicationContext();
        UploadRepository uploads = context.getBean(UploadRepository.class);
        Instant now = TestContexts.instant(CLOSED);
        Upload replaced = completedWithObject(uploads, "Ureplaced", now.minus(Duration.ofHours(3)));
        Upload stillHeld = completedWithObject(uploads, "Ustillheld", now.minus(Duration.ofHours(3)));
        Upload justNow = completedWithObject(uploads, "Ujustnow", now.minus(Duration.ofHours(3)));
        context.getBean(CaseFileService.class).attach(new CaseFile(stillHeld.id(), "Ccase", FileKind.PICTURE, null,
                stillHeld.storedKey(), "图.png", "image/png", 3, 5, 5, now, "impl"));
        // A crash after listing, before the object was deleted; one listed only minutes ago.
        uploads.discarding(replaced.id(), now.minus(Duration.ofHours(2)));
        uploads.discarding(stillHeld.id(), now.minus(Duration.ofHours(2)));
        uploads.discarding(justNow.id(), now.minus(Duration.ofMinutes(5)));

        JobReport report = tick(handler);

        assertEquals(1, report.details().get("discardedFilesCleared"));
        assertEquals(Upload.Status.DISCARDED, uploads.find(replaced.id()).orElseThrow().status());
        assertEquals(Upload.Status.COMPLETED, uploads.find(stillHeld.id()).orElseThrow().status());
        assertEquals(List.of(justNow.storedKey(), stillHeld.storedKey()), mediaObjects(), "only the replaced one's object goes");
        assertEquals(0, tick(handler).details().get("discardedFilesCleared"));
    }

    /** A completed upload (signed at {@code signedAt}) whose verified object is under media/. */
    private Upload completedWithObject(UploadRepository uploads, String id, Instant signedAt) {
        Upload upload = pending(id, signedAt);
        uploads.move(id, Upload.Status.PENDING, Upload.Status.COMPLETED);
        aws.s3().putObject(p -> p.bucket(aws.name("MediaBucket")).key(upload.storedKey()), RequestBody.fromBytes(new byte[3]));
        return upload;
    }

    private List<String> mediaObjects() {
        return aws.s3().listObjectsV2(l -> l.bucket(aws.name("MediaBucket")).prefix("media/")).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    /** A pending upload signed at {@code signedAt}, its bytes sent to its pending key. */
    private Upload pending(String id, Instant signedAt) {
        Upload upload = new Upload(id, "Ccase", "2026", "Uunit", "impl", FileKind.PICTURE, null, "图.png",
                "image/png", 3, "pending/2026/Uunit/Ccase/picture/" + id, Upload.Status.PENDING, signedAt,
                signedAt.plusSeconds(900));
        try (ApplicationContext context = TestContexts.against(aws)) {
            context.getBean(UploadRepository.class).create(upload);
        }
        aws.s3().putObject(p -> p.bucket(aws.name("MediaBucket")).key(upload.pendingKey()), RequestBody.fromBytes(new byte[3]));
        return upload;
    }

    /** A pending video going up in parts, signed at {@code signedAt}, its first part sent. */
    private Upload pendingInParts(String id, Instant signedAt) {
        String key = "pending/2026/Uunit/Ccase/video/" + id;
        String bucket = aws.name("MediaBucket");
        String multipartId = aws.s3().createMultipartUpload(c -> c.bucket(bucket).key(key).contentType("video/mp4"))
                .uploadId();
        aws.s3().uploadPart(u -> u.bucket(bucket).key(key).uploadId(multipartId).partNumber(1),
                RequestBody.fromBytes(new byte[5 * 1024 * 1024]));
        Upload upload = new Upload(id, "Ccase", "2026", "Uunit", "impl", FileKind.VIDEO, null, "片.mp4", "video/mp4",
                200L * 1024 * 1024, key, Upload.Status.PENDING, signedAt, signedAt.plusSeconds(900), multipartId,
                8L * 1024 * 1024, null);
        try (ApplicationContext context = TestContexts.against(aws)) {
            context.getBean(UploadRepository.class).create(upload);
        }
        return upload;
    }

    private List<String> pendingObjects() {
        return aws.s3().listObjectsV2(l -> l.bucket(aws.name("MediaBucket")).prefix("pending/")).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    @Test
    void theClosingItemNamesTheDeadlineAndTheCampaignVersion() {
        tick(handlerAt(CLOSED));

        Map<String, AttributeValue> item = aws.dynamo().getItem(b -> b.tableName(aws.name("MainTable")).key(Map.of(
                "pk", AttributeValue.fromS("CAMPAIGN#2026"),
                "sk", AttributeValue.fromS("CLOSING#2026-06-30T16:00:00Z")))).item();
        assertEquals("Closing", item.get("type").s());
        assertEquals("1", item.get("campaignVersion").n());
    }
}

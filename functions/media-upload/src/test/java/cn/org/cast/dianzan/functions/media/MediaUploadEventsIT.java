package cn.org.cast.dianzan.functions.media;

import static cn.org.cast.dianzan.testing.Answers.body;
import static cn.org.cast.dianzan.testing.SampleAccount.ADMIN;
import static cn.org.cast.dianzan.testing.SampleAccount.MUSEUM_B;
import static cn.org.cast.dianzan.testing.SampleAccount.SCHOOL_D;
import static cn.org.cast.dianzan.testing.SampleAccount.UNIT_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.cases.CaseFile;
import cn.org.cast.dianzan.cases.CaseFileService;
import cn.org.cast.dianzan.cases.CaseForm;
import cn.org.cast.dianzan.cases.CaseService;
import cn.org.cast.dianzan.cases.FileKind;
import cn.org.cast.dianzan.codes.BindingService;
import cn.org.cast.dianzan.codes.CodeService;
import cn.org.cast.dianzan.codes.IssuedCode;
import cn.org.cast.dianzan.codes.JoinDetails;
import cn.org.cast.dianzan.codes.UnitInfo;
import cn.org.cast.dianzan.codes.UnitType;
import cn.org.cast.dianzan.core.Form;
import cn.org.cast.dianzan.engines.junit.AwsEnginesExtension;
import cn.org.cast.dianzan.engines.junit.AwsResources;
import cn.org.cast.dianzan.media.Upload;
import cn.org.cast.dianzan.media.UploadRepository;
import cn.org.cast.dianzan.testing.SampleEvents;
import cn.org.cast.dianzan.testing.SampleEventsContract;
import cn.org.cast.dianzan.testing.TestContexts;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Every sample of events/media-upload gets the answer its name promises, against data set up for it:
 * museum-b's case (the id its idempotency key gives) and one upload per sample that names an upload,
 * stored under the sample's fixed id, with its bytes on S3 where the sample needs them.
 */
@ExtendWith(AwsEnginesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaUploadEventsIT implements SampleEventsContract {

    private static final String MEDIA_CASE = "C4815724d5bf94dc2cd8802f989550298";
    private static final String TO_COMPLETE = "U5a3c1e2b0d9f48a7b6c5d4e3f2a1b0c9";
    private static final String NEVER_SENT = "U0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final String TO_READ = "U1b2c3d4e5f60718293a4b5c6d7e8f901";
    private static final String TO_DELETE = "U9e8d7c6b5a4f30211203f4e5d6c7b8a9";
    private static final String TO_RENEW = "U7c6b5a493827161504f3e2d1c0b9a8f7";
    private static final String TO_CANCEL = "U3d2c1b0a99887766554433221100ffee";
    private static final Instant SIGNED = Instant.parse("2026-06-20T02:00:00Z");

    private final AwsResources aws;
    private ApplicationContext context;
    private MediaUploadHandler handler;

    MediaUploadEventsIT(AwsResources aws) {
        this.aws = aws;
    }

    @BeforeAll
    void museumBsCaseWithAnUploadForEachSampleThatNamesOne() {
        context = TestContexts.against(aws, TestContexts.fixedAt("2026-06-20T10:00:00+08:00"));
        handler = new MediaUploadHandler(context);
        String code = context.getBean(CodeService.class).issue(ADMIN.caller(), List.of(new IssuedCode.IntendedUnit(
                "某省科学技术协会", UnitType.PROVINCIAL_ASSOCIATION, null))).get(0).code().display();
        BindingService bindings = context.getBean(BindingService.class);
        bindings.bind(UNIT_A.caller(), code,
                new UnitInfo("某省科学技术协会", "某省某市科技路1号", "王老师", "科普部部长", "13912345678", "kepu@example.cn"));
        bindings.join(MUSEUM_B.caller(), code, new JoinDetails("某市科技馆"));
        bindings.join(SCHOOL_D.caller(), code, new JoinDetails("某中学"));
        String caseId = context.getBean(CaseService.class).create(MUSEUM_B.caller(), Optional.of("sample-media-case"),
                CaseForm.read(Form.of(Map.of("name", "科学之夜")))).record().id();
        assertEquals(MEDIA_CASE, caseId, "the id the samples name for museum-b's case");

        Upload sent = pending(TO_COMPLETE, FileKind.PORTRAIT_PHOTO, "竖版照片.jpg");
        put(sent.pendingKey(), TestFiles.jpeg(300, 400));
        pending(NEVER_SENT, FileKind.LANDSCAPE_PHOTO, "横版照片.jpg");
        pending(TO_RENEW, FileKind.LANDSCAPE_PHOTO, "横版照片.jpg");
        pending(TO_CANCEL, FileKind.LANDSCAPE_PHOTO, "横版照片.jpg");
        attached(TO_READ, "实施方案.pdf");
        attached(TO_DELETE, "旧方案.pdf");
    }

    @AfterAll
    void stop() {
        handler.close();
    }

    private Upload pending(String id, FileKind kind, String fileName) {
        Upload upload = new Upload(id, MEDIA_CASE, "2026", unitId(), MUSEUM_B.subject(), kind, null, fileName,
                "image/jpeg", kind == FileKind.PORTRAIT_PHOTO ? TestFiles.jpeg(300, 400).length : 1000,
                "pending/2026/" + unitId() + "/" + MEDIA_CASE + "/" + kind.name().toLowerCase() + "/" + id,
                Upload.Status.PENDING, SIGNED, SIGNED.plusSeconds(900));
        context.getBean(UploadRepository.class).create(upload);
        return upload;
    }

    /** A document already verified and attached, as a completed upload leaves it. */
    private void attached(String id, String fileName) {
        byte[] pdf = "%PDF-1.7\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Upload upload = new Upload(id, MEDIA_CASE, "2026", unitId(), MUSEUM_B.subject(), FileKind.DOCUMENT, null,
                fileName, "application/pdf", pdf.length,
                "pending/2026/" + unitId() + "/" + MEDIA_CASE + "/document/" + id, Upload.Status.COMPLETED, SIGNED,
                SIGNED.plusSeconds(900));
        context.getBean(UploadRepository.class).create(upload);
        put(upload.storedKey(), pdf);
        context.getBean(CaseFileService.class).attach(new CaseFile(id, MEDIA_CASE, FileKind.DOCUMENT, null,
                upload.storedKey(), fileName, "application/pdf", pdf.length, null, null, SIGNED, MUSEUM_B.subject()));
    }

    private String unitId() {
        return context.getBean(BindingService.class).workplace(MUSEUM_B.caller()).unitId();
    }

    private void put(String key, byte[] bytes) {
        aws.s3().putObject(p -> p.bucket(aws.name("MediaBucket")).key(key), RequestBody.fromBytes(bytes));
    }

    @Override
    public SampleEvents samples() {
        return SampleEvents.in("media-upload")
                .answers("sign-upload", 201, "a PUT signed for the declared size and type",
                        r -> assertEquals(Map.of("Content-Type", "image/jpeg", "Content-Length", "524288"),
                                body(r).get("headers")))
                .answers("sign-upload-video-in-parts", 201, "500 MB in 63 parts of 8 MiB, each signed for its size",
                        r -> assertEquals(List.of("MULTIPART", 63), List.of(body(r).get("method"),
                                ((List<?>) body(r).get("parts")).size())))
                .fails("sign-upload-photo-too-large", 400, "VALIDATION_FAILED")
                .fails("sign-upload-unknown-kind", 400, "VALIDATION_FAILED")
                .answers("complete-upload", 200, "the portrait photo attached as seen",
                        r -> assertEquals(List.of(300, 400), List.of(body(r).get("width"), body(r).get("height"))))
                .fails("complete-upload-not-received", 409, "UPLOAD_NOT_RECEIVED")
                .fails("complete-upload-of-another-account", 404, "NOT_FOUND")
                .answers("renew-upload", 200, "a new PUT, living 15 minutes from now",
                        r -> assertEquals("2026-06-20T10:15:00+08:00", body(r).get("expiresAt")))
                .fails("renew-upload-already-completed", 409, "UPLOAD_ALREADY_COMPLETED")
                .answers("get-upload", 200, "a link naming the original file",
                        r -> assertTrue(((String) body(r).get("url")).contains("response-content-disposition")))
                .answers("delete-upload", 204, "the file gone from the case", r -> assertTrue(
                        context.getBean(CaseFileService.class).files(MEDIA_CASE).stream()
                                .noneMatch(f -> f.id().equals(TO_DELETE))))
                .answers("cancel-upload", 204, "the pending upload cancelled", r -> assertEquals(Upload.Status.CANCELLED,
                        context.getBean(UploadRepository.class).find(TO_CANCEL).orElseThrow().status()));
    }

    @Override
    public MediaUploadHandler handler() {
        return handler;
    }
}

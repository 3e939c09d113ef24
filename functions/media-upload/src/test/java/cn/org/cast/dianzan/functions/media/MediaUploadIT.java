package cn.org.cast.dianzan.functions.media;

import static cn.org.cast.dianzan.testing.Answers.body;
import static cn.org.cast.dianzan.testing.Answers.error;
import static cn.org.cast.dianzan.testing.Answers.errorCode;
import static cn.org.cast.dianzan.testing.Answers.fieldCodes;
import static cn.org.cast.dianzan.testing.Answers.json;
import static cn.org.cast.dianzan.testing.HttpEvents.implementer;
import static cn.org.cast.dianzan.testing.HttpEvents.recommender;
import static cn.org.cast.dianzan.testing.HttpEvents.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.cases.CaseFile;
import cn.org.cast.dianzan.cases.CaseFileService;
import cn.org.cast.dianzan.cases.CaseForm;
import cn.org.cast.dianzan.cases.CaseRecord;
import cn.org.cast.dianzan.cases.CaseService;
import cn.org.cast.dianzan.cases.CaseStatus;
import cn.org.cast.dianzan.cases.FileKind;
import cn.org.cast.dianzan.codes.BindingService;
import cn.org.cast.dianzan.codes.CodeService;
import cn.org.cast.dianzan.codes.IssuedCode;
import cn.org.cast.dianzan.codes.JoinDetails;
import cn.org.cast.dianzan.codes.UnitInfo;
import cn.org.cast.dianzan.codes.UnitType;
import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.core.Form;
import cn.org.cast.dianzan.core.audit.AuditLog;
import cn.org.cast.dianzan.engines.junit.AwsEnginesExtension;
import cn.org.cast.dianzan.engines.junit.AwsResources;
import cn.org.cast.dianzan.media.UploadAllowance;
import cn.org.cast.dianzan.testing.FakeLambdaContext;
import cn.org.cast.dianzan.testing.HttpEvents;
import cn.org.cast.dianzan.testing.TestContexts;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Case files end to end through the media-upload function: signed on DynamoDB, sent to and judged on S3Proxy. */
@ExtendWith(AwsEnginesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaUploadIT {

    private static final String OPEN = "2026-06-20T10:00:00+08:00";
    private static final Map<String, String> UNIT = recommender("media-unit");
    private static final Map<String, String> IMPL = implementer("media-impl");
    private static final Map<String, String> OTHER_UNIT = recommender("media-other-unit");
    private static final Map<String, String> OTHER_IMPL = implementer("media-other-impl");
    private static final int ONE_MB = 1_048_576;
    private static final int PART = 5 * ONE_MB;

    private final AwsResources aws;
    private final HttpClient http = HttpClient.newHttpClient();
    private ApplicationContext context;
    private MediaUploadHandler handler;
    /** Multipart above 6 MiB in parts of 5 MiB (S3's least), so a test sends megabytes, not a 100 MB video. */
    private MediaUploadHandler inParts;
    private String otherUnitCode;

    MediaUploadIT(AwsResources aws) {
        this.aws = aws;
    }

    @BeforeAll
    void twoUnitsWithAnImplementerEach() {
        context = TestContexts.against(aws, TestContexts.fixedAt(OPEN));
        handler = new MediaUploadHandler(context);
        inParts = new MediaUploadHandler(TestContexts.against(aws, TestContexts.fixedAt(OPEN), Map.of(
                "dianzan.media.multipart-above-bytes", 6 * ONE_MB, "dianzan.media.part-bytes", PART)));
        CodeService codes = context.getBean(CodeService.class);
        BindingService bindings = context.getBean(BindingService.class);
        List<IssuedCode> issued = codes.issue(Caller.fromClaims(HttpEvents.admin("admin")), List.of(
                new IssuedCode.IntendedUnit("甲省科协", UnitType.PROVINCIAL_ASSOCIATION, null),
                new IssuedCode.IntendedUnit("乙学会", UnitType.NATIONAL_SOCIETY, null)));
        List<Map<String, String>> units = List.of(UNIT, OTHER_UNIT);
        List<Map<String, String>> members = List.of(IMPL, OTHER_IMPL);
        otherUnitCode = issued.get(1).code().display();
        for (int i = 0; i < 2; i++) {
            String code = issued.get(i).code().display();
            bindings.bind(Caller.fromClaims(units.get(i)), code, new UnitInfo("单位" + i, "某地1号", "王老师", "部长",
                    "13912345678", "unit@example.cn"));
            bindings.join(Caller.fromClaims(members.get(i)), code, new JoinDetails("实施单位" + i));
        }
    }

    @AfterAll
    void stop() {
        handler.close();
        inParts.close();
    }

    /** A case whose form is complete but for its files: one award, so one proof to upload. */
    private String newCase(Map<String, String> owner) {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("name", "科学之夜", "implementingUnit", "某市科技馆",
                "address", "某市科技大道1号", "contactName", "张老师", "contactTitle", "馆长", "phone", "010-68526300",
                "email", "kjg@example.cn", "category", "VENUE_BUILDING", "subtype", "SCIENCE_CENTER",
                "summary", "全年开放300天，接待观众50万人次。"));
        fields.put("detail", "一、实施、应用及推广情况\n……");
        fields.put("startedOn", "2025-01-01");
        fields.put("awards", List.of(Map.of("name", "全国科普日优秀活动", "level", "NATIONAL", "year", 2025)));
        return context.getBean(CaseService.class).create(Caller.fromClaims(owner),
                Optional.of(UUID.randomUUID().toString()), CaseForm.read(Form.of(fields))).record().id();
    }

    private APIGatewayV2HTTPResponse call(HttpEvents event) {
        return handler.handleRequest(event.build(), new FakeLambdaContext());
    }

    private APIGatewayV2HTTPResponse sign(Map<String, String> who, String caseId, Map<String, Object> body) {
        return call(request("POST", "/cases/{id}/uploads").path("id", caseId).as(who).body(json(body)));
    }

    private static Map<String, Object> asking(FileKind kind, String fileName, long size, String type) {
        return new LinkedHashMap<>(Map.of("kind", kind.name(), "fileName", fileName, "size", size, "contentType", type));
    }

    private APIGatewayV2HTTPResponse complete(Map<String, String> who, String uploadId) {
        return call(request("POST", "/uploads/{id}/complete").path("id", uploadId).as(who));
    }

    @SuppressWarnings("unchecked")
    private int put(Map<String, Object> signed, byte[] bytes) throws Exception {
        Map<String, String> headers = (Map<String, String>) signed.get("headers");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create((String) signed.get("url")))
                .header("Content-Type", headers.get("Content-Type"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    /** Signs, sends and completes one file; answers the completion. */
    private APIGatewayV2HTTPResponse upload(Map<String, String> who, String caseId, FileKind kind, String name,
                                            String type, byte[] bytes) throws Exception {
        return upload(who, caseId, kind, name, type, bytes, null);
    }

    private APIGatewayV2HTTPResponse upload(Map<String, String> who, String caseId, FileKind kind, String name,
                                            String type, byte[] bytes, Integer awardIndex) throws Exception {
        Map<String, Object> ask = asking(kind, name, bytes.length, type);
        if (awardIndex != null) {
            ask.put("awardIndex", awardIndex);
        }
        APIGatewayV2HTTPResponse signed = sign(who, caseId, ask);
        assertEquals(201, signed.getStatusCode(), signed.getBody());
        assertEquals(200, put(body(signed), bytes));
        return complete(who, (String) body(signed).get("uploadId"));
    }

    private List<String> objectsUnder(String prefix) {
        return aws.s3().listObjectsV2(l -> l.bucket(aws.name("MediaBucket")).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    private List<CaseFile> filesOf(String caseId) {
        return context.getBean(CaseFileService.class).files(caseId);
    }

    @Test
    void aLandscapeJpegOfExactlyOneMegabyteIsAcceptedEndToEnd() throws Exception {
        String caseId = newCase(IMPL);
        byte[] photo = TestFiles.paddedTo(TestFiles.jpeg(400, 300), ONE_MB);

        APIGatewayV2HTTPResponse done = upload(IMPL, caseId, FileKind.LANDSCAPE_PHOTO, "横版照片.jpg", "image/jpeg", photo);

        assertEquals(200, done.getStatusCode(), done.getBody());
        assertEquals(400, body(done).get("width"));
        assertEquals(300, body(done).get("height"));
        assertEquals(ONE_MB, ((Number) body(done).get("size")).intValue());
        CaseFile stored = filesOf(caseId).get(0);
        assertTrue(stored.key().startsWith("media/2026/"), stored.key());
        assertEquals(List.of(stored.key()), objectsUnder("media/2026/").stream().filter(k -> k.contains(caseId)).toList());
        assertTrue(objectsUnder("pending/").stream().noneMatch(k -> k.contains(caseId)));
    }

    @Test
    void aPhotoOfOneByteMoreIsRefusedWhenSigningWithItsExactSize() {
        APIGatewayV2HTTPResponse refused = sign(IMPL, newCase(IMPL),
                asking(FileKind.LANDSCAPE_PHOTO, "大照片.jpg", ONE_MB + 1, "image/jpeg"));

        assertEquals(400, refused.getStatusCode());
        assertEquals(Set.of("size:TOO_LARGE"), fieldCodes(refused));
        assertTrue(refused.getBody().contains("照片不超过1MB（1,048,576字节），当前1,048,577字节"), refused.getBody());
    }

    @Test
    void aPortraitPhotoInTheLandscapeSlotIsRefusedAtCompletionAndItsObjectIsGone() throws Exception {
        String caseId = newCase(IMPL);

        APIGatewayV2HTTPResponse refused = upload(IMPL, caseId, FileKind.LANDSCAPE_PHOTO, "竖的.png", "image/png",
                TestFiles.image("png", 300, 400));

        assertRefusedLeavingNothing(refused, "WRONG_ORIENTATION", caseId);
    }

    @Test
    void aPhonePhotoStoredWideButTurnedByExifIsJudgedAsItIsSeen() throws Exception {
        String caseId = newCase(IMPL);
        byte[] turned = TestFiles.jpegWithOrientation(400, 300, 6);

        APIGatewayV2HTTPResponse asLandscape = upload(IMPL, caseId, FileKind.LANDSCAPE_PHOTO, "手机.jpg", "image/jpeg", turned);
        APIGatewayV2HTTPResponse asPortrait = upload(IMPL, caseId, FileKind.PORTRAIT_PHOTO, "手机.jpg", "image/jpeg", turned);

        assertEquals(422, asLandscape.getStatusCode(), asLandscape.getBody());
        assertEquals(200, asPortrait.getStatusCode(), asPortrait.getBody());
        assertEquals(300, body(asPortrait).get("width"));
        assertEquals(400, body(asPortrait).get("height"));
    }

    @Test
    void aReplacedPhotosOldObjectIsGoneAndTheCasePointsAtTheNewOne() throws Exception {
        String caseId = newCase(IMPL);
        String first = (String) body(upload(IMPL, caseId, FileKind.LANDSCAPE_PHOTO, "一.jpg", "image/jpeg",
                TestFiles.jpeg(400, 300))).get("id");
        String firstKey = filesOf(caseId).get(0).key();

        APIGatewayV2HTTPResponse second = upload(IMPL, caseId, FileKind.LANDSCAPE_PHOTO, "二.jpg", "image/jpeg",
                TestFiles.jpeg(640, 480));

        assertEquals(200, second.getStatusCode(), second.getBody());
        List<CaseFile> files = filesOf(caseId);
        assertEquals(1, files.size());
        assertEquals(body(second).get("id"), files.get(0).id());
        assertFalse(objectsUnder("media/").contains(firstKey));
        assertTrue(objectsUnder("media/").contains(files.get(0).key()));
        assertEquals(404, call(request("GET", "/uploads/{id}").path("id", first).as(IMPL)).getStatusCode());
    }

    @Test
    void anotherUnitsUploadAnswers404ToCompleteAndToRead() throws Exception {
        String caseId = newCase(IMPL);
        byte[] picture = TestFiles.image("png", 50, 50);
        APIGatewayV2HTTPResponse signed = sign(IMPL, caseId, asking(FileKind.PICTURE, "图.png", picture.length, "image/png"));
        String uploadId = (String) body(signed).get("uploadId");
        put(body(signed), picture);

        assertEquals(404, complete(OTHER_IMPL, uploadId).getStatusCode());
        assertEquals(404, sign(OTHER_IMPL, caseId, asking(FileKind.PICTURE, "图.png", 10, "image/png")).getStatusCode());
        assertEquals(200, complete(IMPL, uploadId).getStatusCode());
        assertEquals(404, call(request("GET", "/uploads/{id}").path("id", uploadId).as(OTHER_UNIT)).getStatusCode());
        assertEquals(200, call(request("GET", "/uploads/{id}").path("id", uploadId).as(UNIT)).getStatusCode());
    }

    @Test
    void badAsksAreRefusedBeforeAnythingIsSignedEachFieldNamed() {
        String caseId = newCase(IMPL);
        Map<String, Object> hostile = new LinkedHashMap<>(Map.of("kind", "EXECUTABLE", "fileName", "../../etc/passwd",
                "size", -1, "contentType", "text/html"));
        APIGatewayV2HTTPResponse refused = sign(IMPL, caseId, hostile);
        assertEquals(400, refused.getStatusCode());
        assertEquals(Set.of("kind:UNKNOWN_VALUE", "fileName:INVALID_FILE_NAME", "size:OUT_OF_RANGE"), fieldCodes(refused));

        assertEquals(Set.of("size:OUT_OF_RANGE"), fieldCodes(sign(IMPL, caseId,
                asking(FileKind.PICTURE, "零.png", 0, "image/png"))));
        assertEquals(Set.of("contentType:UNSUPPORTED_TYPE"), fieldCodes(sign(IMPL, caseId,
                asking(FileKind.VIDEO, "片.mov", 1000, "video/quicktime"))));
        assertEquals(Set.of("fileName:CONTROL_CHARACTERS"), fieldCodes(sign(IMPL, caseId,
                asking(FileKind.DOCUMENT, "a\u0007b.pdf", 1000, "application/pdf"))));
        assertEquals(Set.of("awardIndex:REQUIRED"), fieldCodes(sign(IMPL, caseId,
                asking(FileKind.AWARD_PROOF, "证书.pdf", 1000, "application/pdf"))));
        Map<String, Object> secondAward = asking(FileKind.AWARD_PROOF, "证书.pdf", 1000, "application/pdf");
        secondAward.put("awardIndex", 1);
        assertEquals(Set.of("awardIndex:NO_SUCH_AWARD"), fieldCodes(sign(IMPL, caseId, secondAward)));
        assertTrue(objectsUnder("pending/").stream().noneMatch(k -> k.contains(caseId)));
    }

    @Test
    void aTenthPictureIsRefusedWithTooManyFiles() {
        String caseId = newCase(IMPL);
        attachPicturesDirectly(caseId, FileKind.PICTURE.maxCount());

        APIGatewayV2HTTPResponse refused = sign(IMPL, caseId, asking(FileKind.PICTURE, "第十张.png", 10, "image/png"));

        assertEquals(409, refused.getStatusCode());
        assertEquals("TOO_MANY_FILES", errorCode(refused));
    }

    @Test
    void completingBeforeAnythingArrivedTwiceOrWithOtherBytesIsRefusedAndLeavesNothing() throws Exception {
        String caseId = newCase(IMPL);
        byte[] photo = TestFiles.jpeg(400, 300);
        Map<String, Object> signed = body(sign(IMPL, caseId, asking(FileKind.LANDSCAPE_PHOTO, "横.jpg", photo.length,
                "image/jpeg")));
        String uploadId = (String) signed.get("uploadId");

        assertEquals("UPLOAD_NOT_RECEIVED", errorCode(complete(IMPL, uploadId)));
        assertEquals(403, put(signed, TestFiles.paddedTo(photo, photo.length + 1)), "a longer body than signed");
        assertEquals(403, put(signed, Arrays.copyOf(photo, photo.length - 1)), "a shorter body than signed");
        assertEquals("UPLOAD_NOT_RECEIVED", errorCode(complete(IMPL, uploadId)));
        assertEquals(200, put(signed, photo));
        assertEquals(200, complete(IMPL, uploadId).getStatusCode());
        assertEquals("UPLOAD_ALREADY_COMPLETED", errorCode(complete(IMPL, uploadId)));
        assertEquals(1, filesOf(caseId).size());
    }

    @Test
    void htmlDeclaredAsAJpegIsRefusedAndDeleted() throws Exception {
        String caseId = newCase(IMPL);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

        APIGatewayV2HTTPResponse refused = upload(IMPL, caseId, FileKind.PICTURE, "图.jpg", "image/jpeg", html);

        assertRefusedLeavingNothing(refused, "TYPE_MISMATCH", caseId);
    }

    @Test
    void aReadLinkNamesTheOriginalChineseFileAndRemovingDeletesTheObject() throws Exception {
        String caseId = newCase(IMPL);
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        String id = (String) body(upload(IMPL, caseId, FileKind.DOCUMENT, "实施方案（终稿）.pdf", "application/pdf", pdf))
                .get("id");

        Map<String, Object> link = body(call(request("GET", "/uploads/{id}").path("id", id).as(IMPL)));
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create((String) link.get("url"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, download.statusCode());
        assertEquals(pdf.length, download.body().length);
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("")
                .contains("filename*=UTF-8''%E5%AE%9E%E6%96%BD%E6%96%B9%E6%A1%88"), download.headers().toString());
        String key = filesOf(caseId).get(0).key();
        assertEquals(204, call(request("DELETE", "/uploads/{id}").path("id", id).as(IMPL)).getStatusCode());
        assertFalse(objectsUnder("media/").contains(key));
        assertTrue(filesOf(caseId).isEmpty());
    }

    @Test
    void afterTheDeadlineNothingIsSignedButAnUploadSignedBeforeCompletesWhileItsUrlLives() throws Exception {
        String caseId = newCase(IMPL);
        byte[] photo = TestFiles.jpeg(400, 300);
        APIGatewayV2HTTPResponse early = at("2026-06-30T23:59:00+08:00", request("POST", "/cases/{id}/uploads")
                .path("id", caseId).as(IMPL).body(json(asking(FileKind.LANDSCAPE_PHOTO, "最后一刻.jpg", photo.length,
                        "image/jpeg"))));
        Map<String, Object> signed = body(early);
        assertEquals(200, put(signed, photo));
        HttpEvents completion = request("POST", "/uploads/{id}/complete").path("id", (String) signed.get("uploadId")).as(IMPL);

        APIGatewayV2HTTPResponse lateSign = at("2026-07-01T00:05:00+08:00", request("POST", "/cases/{id}/uploads")
                .path("id", caseId).as(IMPL).body(json(asking(FileKind.PORTRAIT_PHOTO, "晚.jpg", 10, "image/jpeg"))));
        APIGatewayV2HTTPResponse expired = at("2026-07-01T00:14:00+08:00", completion);
        APIGatewayV2HTTPResponse inTime = at("2026-07-01T00:13:59+08:00", completion);

        assertEquals("CAMPAIGN_CLOSED", errorCode(lateSign));
        assertEquals("CAMPAIGN_CLOSED", errorCode(expired), "the URL signed at 23:59 lives until 00:14");
        assertEquals(200, inTime.getStatusCode(), inTime.getBody());
        assertEquals(200, at("2026-07-02T09:00:00+08:00", request("GET", "/uploads/{id}")
                .path("id", (String) signed.get("uploadId")).as(UNIT)).getStatusCode(), "reads keep working");
    }

    @Test
    void aVideoOfTheFullSizeIsSignedInPartsAndOneOfOneHundredMegabytesInOnePut() {
        String caseId = newCase(IMPL);

        Map<String, Object> large = body(sign(IMPL, caseId, asking(FileKind.VIDEO, "宣传片.mp4", FileKind.VIDEO.maxBytes(),
                "video/mp4")));
        Map<String, Object> hundred = body(sign(IMPL, caseId, asking(FileKind.VIDEO, "宣传片.mp4", 100L * ONE_MB,
                "video/mp4")));

        assertEquals("MULTIPART", large.get("method"));
        List<Map<String, Object>> parts = parts(large);
        assertEquals(63, parts.size(), "500 MB in parts of 8 MiB");
        assertEquals(FileKind.VIDEO.maxBytes(), parts.stream().mapToLong(p -> ((Number) p.get("size")).longValue()).sum());
        assertEquals(8L * ONE_MB, ((Number) parts.get(0).get("size")).longValue());
        assertEquals(62L * 8 * ONE_MB, ((Number) parts.get(62).get("offset")).longValue());
        assertEquals("PUT", hundred.get("method"));
        assertEquals(Long.toString(100L * ONE_MB), ((Map<?, ?>) hundred.get("headers")).get("Content-Length"));
        assertFalse(hundred.containsKey("parts"));
    }

    @Test
    void aVideoGoesUpInPartsAFailedPartIsSentAgainAndACompletionNamesWhatIsMissing() throws Exception {
        String caseId = newCase(IMPL);
        long size = 2L * PART + 2 * ONE_MB + 5;
        Map<String, Object> signed = body(inParts(request("POST", "/cases/{id}/uploads").path("id", caseId).as(IMPL)
                .body(json(asking(FileKind.VIDEO, "科学之夜.mp4", size, "video/mp4")))));
        String uploadId = (String) signed.get("uploadId");
        List<Map<String, Object>> parts = parts(signed);
        assertEquals("MULTIPART", signed.get("method"));
        assertEquals(3, parts.size());

        assertTrue(refused(() -> putPart(parts.get(1), -1)), "a part one byte short of what was signed");
        assertEquals(200, putPart(parts.get(0), 0));
        assertEquals(200, putPart(parts.get(2), 0));
        APIGatewayV2HTTPResponse early = inParts(request("POST", "/uploads/{id}/complete").path("id", uploadId).as(IMPL));
        assertEquals("UPLOAD_NOT_RECEIVED", errorCode(early));
        assertEquals(List.of(2), details(early).get("missingParts"));
        assertTrue(early.getBody().contains("尚未收到第2段（共3段）"), early.getBody());

        Map<String, Object> renewed = body(inParts(request("POST", "/uploads/{id}/renew").path("id", uploadId).as(IMPL)));
        assertEquals(List.of(2), parts(renewed).stream().map(p -> p.get("partNumber")).toList(), "only what is missing");
        assertEquals(200, putPart(parts(renewed).get(0), 0));
        APIGatewayV2HTTPResponse done = inParts(request("POST", "/uploads/{id}/complete").path("id", uploadId).as(IMPL));

        assertEquals(200, done.getStatusCode(), done.getBody());
        assertEquals(size, ((Number) body(done).get("size")).longValue());
        CaseFile stored = filesOf(caseId).get(0);
        assertEquals(size, aws.s3().headObject(h -> h.bucket(aws.name("MediaBucket")).key(stored.key())).contentLength());
        assertTrue(objectsUnder("pending/").stream().noneMatch(k -> k.contains(caseId)));
        assertTrue(partsInProgress(caseId).isEmpty());
    }

    @Test
    void aCancelledUploadInPartsLeavesNoPartsAndCanNeitherCompleteNorRenew() throws Exception {
        String caseId = newCase(IMPL);
        Map<String, Object> signed = body(inParts(request("POST", "/cases/{id}/uploads").path("id", caseId).as(IMPL)
                .body(json(asking(FileKind.VIDEO, "片.mp4", 2L * PART, "video/mp4")))));
        String uploadId = (String) signed.get("uploadId");
        assertEquals(200, putPart(parts(signed).get(0), 0));
        assertEquals(1, partsInProgress(caseId).size());

        assertEquals(204, inParts(request("DELETE", "/uploads/{id}").path("id", uploadId).as(IMPL)).getStatusCode());

        assertTrue(partsInProgress(caseId).isEmpty());
        APIGatewayV2HTTPResponse completed = inParts(request("POST", "/uploads/{id}/complete").path("id", uploadId).as(IMPL));
        assertEquals(422, completed.getStatusCode(), completed.getBody());
        assertEquals("CANCELLED", details(completed).get("reason"));
        assertEquals("FILE_REJECTED", errorCode(inParts(request("POST", "/uploads/{id}/renew").path("id", uploadId)
                .as(IMPL))));
        assertEquals(404, inParts(request("DELETE", "/uploads/{id}").path("id", uploadId).as(OTHER_IMPL))
                .getStatusCode(), "another account cannot cancel it");
    }

    @Test
    void aVideoInPartsThatIsNotAnMp4IsRefusedAndNothingOfItStays() throws Exception {
        String caseId = newCase(IMPL);
        Map<String, Object> signed = body(inParts(request("POST", "/cases/{id}/uploads").path("id", caseId).as(IMPL)
                .body(json(asking(FileKind.VIDEO, "假视频.mp4", PART + ONE_MB + 1, "video/mp4")))));
        for (Map<String, Object> part : parts(signed)) {
            int length = ((Number) part.get("size")).intValue();
            assertEquals(200, send((String) part.get("url"), new byte[length]));
        }

        APIGatewayV2HTTPResponse refused = inParts(request("POST", "/uploads/{id}/complete")
                .path("id", (String) signed.get("uploadId")).as(IMPL));

        assertRefusedLeavingNothing(refused, "TYPE_MISMATCH", caseId);
        assertTrue(partsInProgress(caseId).isEmpty());
    }

    private APIGatewayV2HTTPResponse inParts(HttpEvents event) {
        return inParts.handleRequest(event.build(), new FakeLambdaContext());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parts(Map<String, Object> signed) {
        return (List<Map<String, Object>>) signed.get("parts");
    }

    /** Sends one part of the generated MP4 as signed, {@code delta} bytes longer or shorter. */
    private int putPart(Map<String, Object> part, int delta) throws Exception {
        long offset = ((Number) part.get("offset")).longValue();
        int length = ((Number) part.get("size")).intValue();
        return send((String) part.get("url"), TestFiles.mp4Slice(offset, length + delta));
    }

    /**
     * True if S3 refused what was sent: a 403, or the connection closed under a body it would not take
     * (S3Proxy answers a signature mismatch before reading a large body to its end).
     */
    private static boolean refused(Callable<Integer> send) throws Exception {
        try {
            return send.call() == 403;
        } catch (java.io.IOException closed) {
            return true;
        }
    }

    private int send(String url, byte[] bytes) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Multipart uploads S3 still holds parts of, for the case's keys. */
    private List<String> partsInProgress(String caseId) {
        return aws.s3().listMultipartUploads(l -> l.bucket(aws.name("MediaBucket")).prefix("pending/")).uploads()
                .stream().map(u -> u.key()).filter(k -> k.contains(caseId)).toList();
    }

    @Test
    void anAccountThatSignedTwoHundredUploadsThisHourIsToldWhenToRetryAndNoOtherAccountIs() {
        Map<String, String> busy = implementer("media-busy-impl");
        String caseId = newCase(IMPL);
        // The busy account's own case, under the other unit.
        context.getBean(BindingService.class).join(Caller.fromClaims(busy), otherUnitCode, new JoinDetails("忙碌的馆"));
        String busyCase = newCase(busy);
        Map<String, Object> ask = asking(FileKind.PICTURE, "图.png", 100, "image/png");
        for (int i = 0; i < UploadAllowance.PER_HOUR; i++) {
            assertEquals(201, sign(busy, busyCase, ask).getStatusCode(), "signature " + (i + 1));
        }

        APIGatewayV2HTTPResponse refused = sign(busy, busyCase, ask);

        assertEquals(429, refused.getStatusCode(), refused.getBody());
        assertEquals("TOO_MANY_UPLOADS", errorCode(refused));
        assertTrue(Integer.parseInt(refused.getHeaders().get("Retry-After")) > 0);
        assertEquals(201, sign(IMPL, caseId, ask).getStatusCode(), "another account signs as before");
    }

    @Test
    void aFileWhoseBytesDoNotHashToTheSha256GivenIsRefusedAndAMalformedOneIsRefusedBeforeSigning() throws Exception {
        String caseId = newCase(IMPL);
        byte[] picture = TestFiles.image("png", 80, 60);
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(picture));
        Map<String, Object> right = asking(FileKind.PICTURE, "图.png", picture.length, "image/png");
        right.put("sha256", sha256.toUpperCase());
        Map<String, Object> wrong = asking(FileKind.PICTURE, "图.png", picture.length, "image/png");
        wrong.put("sha256", "0".repeat(64));
        Map<String, Object> malformed = asking(FileKind.PICTURE, "图.png", picture.length, "image/png");
        malformed.put("sha256", "not-a-digest");

        Map<String, Object> signedRight = body(sign(IMPL, caseId, right));
        Map<String, Object> signedWrong = body(sign(IMPL, caseId, wrong));
        assertEquals(200, put(signedRight, picture));
        assertEquals(200, put(signedWrong, picture));

        assertEquals(200, complete(IMPL, (String) signedRight.get("uploadId")).getStatusCode());
        APIGatewayV2HTTPResponse refused = complete(IMPL, (String) signedWrong.get("uploadId"));
        assertEquals(422, refused.getStatusCode(), refused.getBody());
        assertEquals("CHECKSUM_MISMATCH", details(refused).get("reason"));
        assertEquals(sha256, details(refused).get("actual"));
        assertEquals(1, filesOf(caseId).size(), "only the file that hashed right is attached");
        assertTrue(objectsUnder("pending/").stream().noneMatch(k -> k.contains(caseId)));
        assertEquals(Set.of("sha256:INVALID_SHA256"), fieldCodes(sign(IMPL, caseId, malformed)));
    }

    /** One call through a handler whose clock stands at a China time. */
    private APIGatewayV2HTTPResponse at(String chinaTime, HttpEvents event) {
        try (MediaUploadHandler timed = new MediaUploadHandler(TestContexts.against(aws, TestContexts.fixedAt(chinaTime)))) {
            return timed.handleRequest(event.build(), new FakeLambdaContext());
        }
    }

    @Test
    void changingTheFilesOfASubmittedCaseReturnsItToDraftUnderANewVersion() throws Exception {
        String caseId = newCase(IMPL);
        upload(IMPL, caseId, FileKind.LANDSCAPE_PHOTO, "横.jpg", "image/jpeg", TestFiles.jpeg(400, 300));
        String portrait = (String) body(upload(IMPL, caseId, FileKind.PORTRAIT_PHOTO, "竖.jpg", "image/jpeg",
                TestFiles.jpeg(300, 400))).get("id");
        upload(IMPL, caseId, FileKind.AWARD_PROOF, "证书.png", "image/png", TestFiles.image("png", 100, 100), 0);
        CaseService cases = context.getBean(CaseService.class);
        CaseRecord submitted = cases.submit(Caller.fromClaims(IMPL), caseId, Optional.empty());

        assertEquals(204, call(request("DELETE", "/uploads/{id}").path("id", portrait).as(IMPL)).getStatusCode());

        CaseRecord after = cases.visible(Caller.fromClaims(IMPL), caseId);
        assertEquals(CaseStatus.DRAFT, after.status());
        assertEquals(submitted.version() + 1, after.version());
    }

    @Test
    void concurrentCompletesOfOneUploadAttachItOnceAndNeverAnswer5xx() throws Exception {
        String caseId = newCase(IMPL);
        byte[] photo = TestFiles.jpeg(400, 300);
        Map<String, Object> signed = body(sign(IMPL, caseId, asking(FileKind.LANDSCAPE_PHOTO, "横.jpg", photo.length,
                "image/jpeg")));
        assertEquals(200, put(signed, photo));

        List<Integer> statuses = concurrently(4, i -> complete(IMPL, (String) signed.get("uploadId")).getStatusCode());

        assertEquals(List.of(200, 409, 409, 409), statuses.stream().sorted().toList());
        assertEquals(1, filesOf(caseId).size());
        assertEquals(1, context.getBean(AuditLog.class).forEntity("CASE#" + caseId).stream()
                .filter(e -> e.action().equals("FILE_ATTACHED")).count());
    }

    @Test
    void ofTenPicturesCompletedAtOnceIntoRoomForThreeExactlyThreeAreAttached() throws Exception {
        String caseId = newCase(IMPL);
        attachPicturesDirectly(caseId, FileKind.PICTURE.maxCount() - 3);
        byte[] picture = TestFiles.image("png", 60, 40);
        List<String> uploads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Map<String, Object> signed = body(sign(IMPL, caseId, asking(FileKind.PICTURE, "图" + i + ".png",
                    picture.length, "image/png")));
            assertEquals(200, put(signed, picture));
            uploads.add((String) signed.get("uploadId"));
        }

        List<Integer> statuses = concurrently(10, i -> complete(IMPL, uploads.get(i)).getStatusCode());

        assertEquals(3, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(FileKind.PICTURE.maxCount(), filesOf(caseId).size());
    }

    private static List<Integer> concurrently(int n, IntFunction<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                calls.add(() -> call.apply(index));
            }
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A refused completion: 422 with its reason, nothing left under pending/ and nothing attached. */
    private void assertRefusedLeavingNothing(APIGatewayV2HTTPResponse refused, String reason, String caseId) {
        assertEquals(422, refused.getStatusCode(), refused.getBody());
        assertEquals("FILE_REJECTED", errorCode(refused));
        assertEquals(reason, details(refused).get("reason"));
        assertTrue(objectsUnder("pending/").stream().noneMatch(k -> k.contains(caseId)));
        assertTrue(filesOf(caseId).isEmpty());
    }

    /** Pictures as if already verified, attached through the domain to fill a slot quickly. */
    private void attachPicturesDirectly(String caseId, int count) {
        CaseFileService files = context.getBean(CaseFileService.class);
        for (int i = 0; i < count; i++) {
            files.attach(new CaseFile("U-pic-" + caseId + i, caseId, FileKind.PICTURE, null, "media/x/" + i, "图.png",
                    "image/png", 10, 5, 5, Instant.now(), "media-impl"));
        }
    }

    private static Map<String, Object> details(APIGatewayV2HTTPResponse response) {
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) error(response).get("details");
        return details;
    }
}

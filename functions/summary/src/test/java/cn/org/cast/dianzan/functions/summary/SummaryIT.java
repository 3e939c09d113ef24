package cn.org.cast.dianzan.functions.summary;

import static cn.org.cast.dianzan.testing.Answers.body;
import static cn.org.cast.dianzan.testing.Answers.error;
import static cn.org.cast.dianzan.testing.Answers.fieldCodes;
import static cn.org.cast.dianzan.testing.Answers.json;
import static cn.org.cast.dianzan.testing.HttpEvents.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.campaign.Category;
import cn.org.cast.dianzan.codes.BindingService;
import cn.org.cast.dianzan.engines.junit.AwsEnginesExtension;
import cn.org.cast.dianzan.engines.junit.AwsResources;
import cn.org.cast.dianzan.review.RecommendationService;
import cn.org.cast.dianzan.testing.Answers;
import cn.org.cast.dianzan.testing.FakeLambdaContext;
import cn.org.cast.dianzan.testing.HttpEvents;
import cn.org.cast.dianzan.testing.TestContexts;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The paper end of a submission through the handler, against the engines: generate the summary
 * sheet, print it (render its page as a scanner would), stamp and scan it, upload the scan with its
 * presigned PUT, confirm; the QR code read from the scan decides. Then a change to the recommended
 * set makes the sheet and its scan stale. Every refusal leaves the unit's status as it was.
 */
@ExtendWith(AwsEnginesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryIT {

    private static final String OPEN = "2026-06-20T10:00:00+08:00";

    private final AwsResources aws;
    private final HttpClient http = HttpClient.newHttpClient();
    private SummaryHandler handler;
    private SummaryFixture fixture;
    private ApplicationContext context;

    SummaryIT(AwsResources aws) {
        this.aws = aws;
    }

    @BeforeAll
    void start() {
        context = TestContexts.against(aws, TestContexts.runningFrom(OPEN));
        handler = new SummaryHandler(context);
        fixture = new SummaryFixture(context);
    }

    @AfterAll
    void stop() {
        handler.close();
    }

    @Test
    void generateStampAndCompleteThenAWithdrawalMakesTheSheetAndItsScanStale() throws Exception {
        SummaryFixture.Unit unit = fixture.unit("某省科学技术协会");
        fixture.recommended(unit, Category.ACTIVITY_SERVICE, "社区科普大讲堂");
        String venue = fixture.recommended(unit, Category.VENUE_BUILDING, "流动科技馆进乡村");
        assertEquals("RECOMMENDED", body(status(unit)).get("status"));

        Map<String, Object> generated = body(ok(generate(unit)));
        assertEquals("AWAITING_STAMP", generated.get("status"));
        Map<String, Object> sheet = map(generated.get("sheet"));
        String code = (String) sheet.get("verificationCode");
        assertTrue(code.matches("[0-9A-Z]{4}-[0-9A-Z]{4}"), code);
        assertEquals(true, sheet.get("current"));
        byte[] pdf = download(sheet.get("pdf"));
        String text = text(pdf);
        for (String expected : List.of("社区科普大讲堂", "流动科技馆进乡村", "某省科学技术协会", code, "推荐单位（盖章）")) {
            assertTrue(text.contains(expected), expected + " in the summary sheet:\n" + text);
        }
        try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(download(sheet.get("xlsx"))))) {
            String cells = new org.apache.poi.xssf.extractor.XSSFExcelExtractor(xlsx).getText();
            assertTrue(cells.contains("社区科普大讲堂") && cells.contains("流动科技馆进乡村") && cells.contains(code), cells);
        }
        // Generating again with nothing changed answers the same sheet.
        assertEquals(sheet.get("sheetId"), map(body(ok(generate(unit))).get("sheet")).get("sheetId"));

        byte[] scan = Scans.jpeg(Scans.pages(pdf, 0, false).get(0));
        Map<String, Object> complete = body(ok(uploadAndConfirm(unit, "汇总表扫描件.jpg", "image/jpeg", scan)));
        assertEquals("COMPLETE", complete.get("status"));
        assertEquals(true, map(complete.get("scan")).get("codeRead"));
        Map<String, Object> receipt = map(complete.get("receipt"));
        assertEquals(code, receipt.get("verificationCode"));
        String receiptText = text(download(receipt.get("pdf")));
        assertTrue(receiptText.contains("提交成功") && receiptText.contains(code) && receiptText.contains("社区科普大讲堂"),
                receiptText);
        assertEquals("COMPLETE", body(status(unit)).get("status"));

        // The unit withdraws a recommendation: the stamped sheet no longer says what it recommends.
        context.getBean(RecommendationService.class).withdraw(unit.caller(), venue);
        Map<String, Object> stale = body(status(unit));
        assertEquals("AWAITING_STAMP", stale.get("status"));
        assertEquals(true, stale.get("stale"));
        assertTrue(((String) stale.get("staleReason")).contains("推荐名单已变更"), (String) stale.get("staleReason"));
        assertTrue(((String) stale.get("nextStep")).contains("重新生成"), (String) stale.get("nextStep"));
        assertEquals(false, map(stale.get("sheet")).get("current"));
        assertAnswer(sign(unit, "汇总表扫描件.jpg", "image/jpeg", scan.length), 409, "SUMMARY_STALE");

        // A new sheet for the new set; the old stamped scan is refused against it, and says why.
        String newCode = (String) map(body(ok(generate(unit))).get("sheet")).get("verificationCode");
        assertNotEquals(code, newCode);
        APIGatewayV2HTTPResponse old = uploadAndConfirm(unit, "旧汇总表.jpg", "image/jpeg", scan);
        assertAnswer(old, 409, "SCAN_OF_OTHER_SHEET");
        assertEquals("STALE_SHEET", map(error(old).get("details")).get("reason"));
        assertTrue(((String) error(old).get("message")).contains(newCode), (String) error(old).get("message"));
        assertEquals("AWAITING_STAMP", body(status(unit)).get("status"));
    }

    @Test
    void aScanALittleAskewAndBlurredIsReadAndAcceptedAsJpegOrAsAScannersPdf() throws Exception {
        SummaryFixture.Unit unit = fixture.unit("某市科学技术协会");
        fixture.recommended(unit, Category.ACTIVITY_SERVICE, "青少年科学表演季");
        byte[] pdf = download(map(body(ok(generate(unit))).get("sheet")).get("pdf"));
        List<BufferedImage> askew = Scans.pages(pdf, 2.5, true);

        Map<String, Object> asJpeg = body(ok(uploadAndConfirm(unit, "scan.jpg", "image/jpeg", Scans.jpeg(askew.get(0)))));
        assertEquals("COMPLETE", asJpeg.get("status"));
        assertEquals(true, map(asJpeg.get("scan")).get("codeRead"));

        Map<String, Object> asPdf = body(ok(uploadAndConfirm(unit, "scan.pdf", "application/pdf", Scans.pdf(askew))));
        assertEquals("COMPLETE", asPdf.get("status"));
        assertEquals(true, map(asPdf.get("scan")).get("codeRead"));
        assertEquals(1, ((Number) map(asPdf.get("scan")).get("pages")).intValue());
    }

    @Test
    void aSealOverTheCodeIsAcceptedAndFlaggedForTheAdmins() throws Exception {
        SummaryFixture.Unit unit = fixture.unit("某高校科学技术协会");
        fixture.recommended(unit, Category.VENUE_BUILDING, "校园科技馆");
        byte[] pdf = download(map(body(ok(generate(unit))).get("sheet")).get("pdf"));
        byte[] sealed = Scans.jpeg(Scans.sealedOverCode(Scans.pages(pdf, 0, false).get(0)));

        Map<String, Object> accepted = body(ok(uploadAndConfirm(unit, "盖章扫描件.jpg", "image/jpeg", sealed)));
        assertEquals("COMPLETE", accepted.get("status"));
        assertEquals(false, map(accepted.get("scan")).get("codeRead"));
        String unitId = context.getBean(BindingService.class).ownUnitId(unit.caller());
        Map<String, Object> seenByAdmin = body(ok(call(request("GET", "/admin/units/{id}/summary").path("id", unitId)
                .as(HttpEvents.admin("admin-1")))));
        assertEquals("COMPLETE", seenByAdmin.get("status"));
        assertEquals(false, map(seenByAdmin.get("scan")).get("codeRead"));
        assertAnswer(call(request("GET", "/admin/units/{id}/summary").path("id", unitId).as(unit.recommender())),
                403, "ADMIN_ONLY");
    }

    @Test
    void anotherUnitsSheetAWrongPageCountAndAFileThatIsNotWhatItSaysAreRefusedAndChangeNothing() throws Exception {
        SummaryFixture.Unit mine = fixture.unit("某行业学会");
        SummaryFixture.Unit other = fixture.unit("另一个行业学会");
        fixture.recommended(mine, Category.ACTIVITY_SERVICE, "科普市集进社区");
        fixture.recommended(other, Category.ACTIVITY_SERVICE, "科学之夜");
        byte[] minePdf = download(map(body(ok(generate(mine))).get("sheet")).get("pdf"));
        byte[] otherPdf = download(map(body(ok(generate(other))).get("sheet")).get("pdf"));

        APIGatewayV2HTTPResponse others = uploadAndConfirm(mine, "scan.jpg", "image/jpeg",
                Scans.jpeg(Scans.pages(otherPdf, 0, false).get(0)));
        assertAnswer(others, 409, "SCAN_OF_OTHER_SHEET");
        assertEquals("OTHER_UNIT", map(error(others).get("details")).get("reason"));

        BufferedImage page = Scans.pages(minePdf, 0, false).get(0);
        APIGatewayV2HTTPResponse twoPages = uploadAndConfirm(mine, "scan.pdf", "application/pdf",
                Scans.pdf(List.of(page, page)));
        assertAnswer(twoPages, 422, "SCAN_PAGES_MISMATCH");

        APIGatewayV2HTTPResponse notAPdf = uploadAndConfirm(mine, "scan.pdf", "application/pdf", Scans.jpeg(page));
        assertAnswer(notAPdf, 422, "FILE_REJECTED");
        assertEquals("TYPE_MISMATCH", map(error(notAPdf).get("details")).get("reason"));

        assertEquals("AWAITING_STAMP", body(status(mine)).get("status"));
        assertEquals(null, body(status(mine)).get("scan"));
    }

    @Test
    void badRequestsGetAStableCodeAndAChineseMessage() throws Exception {
        SummaryFixture.Unit unit = fixture.unit("某省自然科学基金会");
        fixture.submitted(unit, Category.ACTIVITY_SERVICE, "尚未推荐的案例");
        assertEquals("CASES_SUBMITTED", body(status(unit)).get("status"));
        assertAnswer(generate(unit), 409, "NOTHING_RECOMMENDED");
        assertAnswer(sign(unit, "scan.pdf", "application/pdf", 1000), 409, "SUMMARY_NOT_GENERATED");

        fixture.recommended(unit, Category.ACTIVITY_SERVICE, "科普研学营");
        ok(generate(unit));
        APIGatewayV2HTTPResponse wrongType = sign(unit, "scan.gif", "image/gif", 1000);
        assertAnswer(wrongType, 400, "VALIDATION_FAILED");
        assertEquals(java.util.Set.of("contentType"), fieldCodes(wrongType).stream().map(f -> f.split(":")[0])
                .collect(java.util.stream.Collectors.toSet()));
        assertAnswer(sign(unit, "scan.pdf", "application/pdf", 20_971_521), 400, "VALIDATION_FAILED");
        assertTrue(fieldCodes(sign(unit, "scan.pdf", "application/pdf", 20_971_521)).contains("size:TOO_LARGE"));
        assertAnswer(call(request("POST", "/units/me/summary/stamped").as(unit.recommender())
                .body(json(Map.of("scanId", "K" + "0".repeat(32))))), 404, "NOT_FOUND");
        Map<String, Object> signed = body(sign(unit, "scan.pdf", "application/pdf", 1000));
        assertAnswer(confirm(unit, (String) signed.get("scanId")), 409, "UPLOAD_NOT_RECEIVED");
        assertAnswer(call(request("POST", "/units/me/summary").as(unit.implementer())), 403, "WRONG_ACCOUNT_TYPE");
        assertEquals("AWAITING_STAMP", body(status(unit)).get("status"));
    }

    @Test
    void afterTheDeadlineNothingIsGeneratedOrConfirmedButEverythingStaysDownloadable() throws Exception {
        SummaryFixture.Unit unit = fixture.unit("某市科普作家协会");
        fixture.recommended(unit, Category.ACTIVITY_SERVICE, "科普讲座进校园");
        byte[] pdf = download(map(body(ok(generate(unit))).get("sheet")).get("pdf"));
        ok(uploadAndConfirm(unit, "scan.jpg", "image/jpeg", Scans.jpeg(Scans.pages(pdf, 0, false).get(0))));
        try (SummaryHandler closed = new SummaryHandler(TestContexts.against(aws,
                TestContexts.fixedAt("2026-07-01T00:00:01+08:00")))) {
            APIGatewayV2HTTPResponse again = closed.handleRequest(request("POST", "/units/me/summary")
                    .as(unit.recommender()).build(), new FakeLambdaContext());
            assertAnswer(again, 403, "CAMPAIGN_CLOSED");
            APIGatewayV2HTTPResponse scan = closed.handleRequest(request("POST", "/units/me/summary/scan")
                    .as(unit.recommender()).body(json(scanRequest("scan.pdf", "application/pdf", 1000))).build(),
                    new FakeLambdaContext());
            assertAnswer(scan, 403, "CAMPAIGN_CLOSED");
            Map<String, Object> after = body(ok(closed.handleRequest(request("GET", "/units/me/summary")
                    .as(unit.recommender()).build(), new FakeLambdaContext())));
            assertEquals("COMPLETE", after.get("status"));
            assertTrue(text(download(map(after.get("receipt")).get("pdf"))).contains("提交成功"));
            assertTrue(text(download(map(after.get("sheet")).get("pdf"))).contains("科普讲座进校园"));
        }
    }

    @Test
    void theCaseSheetIsPrintedForItsImplementerItsUnitAndAdminsOnly() throws Exception {
        SummaryFixture.Unit unit = fixture.unit("某省科协青少年科技中心");
        SummaryFixture.Unit stranger = fixture.unit("无关的推荐单位");
        String id = fixture.submitted(unit, Category.VENUE_BUILDING, "移动科普大篷车");
        for (Map<String, String> reader : List.of(unit.implementer(), unit.recommender(), HttpEvents.admin("admin-1"))) {
            Map<String, Object> sheet = body(ok(call(request("GET", "/cases/{id}/sheet").path("id", id).as(reader))));
            assertEquals(id, sheet.get("caseId"));
            assertEquals(List.of(), sheet.getOrDefault("unprintable", List.of()), "every character printed");
            byte[] pdf = download(sheet.get("pdf"));
            String text = text(pdf);
            for (String expected : List.of("移动科普大篷车", "某市科技馆", "流动科技馆", "科技馆里的科学课", "三、经验及思考",
                    "版本 " + sheet.get("version"))) {
                assertTrue(text.contains(expected), expected + " in the case sheet:\n" + text);
            }
            try (PDDocument document = Loader.loadPDF(pdf)) {
                List<String> images = new ArrayList<>();
                document.getPage(0).getResources().getXObjectNames().forEach(n -> images.add(n.getName()));
                assertTrue(images.size() >= 2, "both photos drawn on page 1: " + images);
            }
        }
        assertAnswer(call(request("GET", "/cases/{id}/sheet").path("id", id).as(stranger.recommender())), 404, "NOT_FOUND");
        assertAnswer(call(request("GET", "/cases/{id}/sheet").path("id", "Cnot-a-case").as(unit.implementer())),
                404, "NOT_FOUND");
    }

    // ---- helpers ----

    private APIGatewayV2HTTPResponse call(HttpEvents event) {
        return handler.handleRequest(event.build(), new FakeLambdaContext());
    }

    private APIGatewayV2HTTPResponse generate(SummaryFixture.Unit unit) {
        return call(request("POST", "/units/me/summary").as(unit.recommender()));
    }

    private APIGatewayV2HTTPResponse status(SummaryFixture.Unit unit) {
        return call(request("GET", "/units/me/summary").as(unit.recommender()));
    }

    private static Map<String, Object> scanRequest(String fileName, String contentType, long size) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "STAMPED_SUMMARY");
        body.put("fileName", fileName);
        body.put("size", size);
        body.put("contentType", contentType);
        return body;
    }

    private APIGatewayV2HTTPResponse sign(SummaryFixture.Unit unit, String fileName, String contentType, long size) {
        return call(request("POST", "/units/me/summary/scan").as(unit.recommender())
                .body(json(scanRequest(fileName, contentType, size))));
    }

    private APIGatewayV2HTTPResponse confirm(SummaryFixture.Unit unit, String scanId) {
        return call(request("POST", "/units/me/summary/stamped").as(unit.recommender())
                .body(json(Map.of("scanId", scanId))));
    }

    /** Sign, PUT the bytes straight to S3 with the signed headers, confirm. */
    private APIGatewayV2HTTPResponse uploadAndConfirm(SummaryFixture.Unit unit, String fileName, String contentType,
                                                      byte[] bytes) throws IOException, InterruptedException {
        Map<String, Object> signed = body(assertStatus(sign(unit, fileName, contentType, bytes.length), 201));
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create((String) signed.get("url")))
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        return confirm(unit, (String) signed.get("scanId"));
    }

    private byte[] download(Object link) throws IOException, InterruptedException {
        HttpResponse<byte[]> got = http.send(HttpRequest.newBuilder(URI.create((String) map(link).get("url"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, got.statusCode());
        return got.body();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static APIGatewayV2HTTPResponse ok(APIGatewayV2HTTPResponse response) {
        return assertStatus(response, 200);
    }

    private static APIGatewayV2HTTPResponse assertStatus(APIGatewayV2HTTPResponse response, int status) {
        assertEquals(status, response.getStatusCode(), response.getBody());
        return response;
    }

    /** The status, the stable code, and a message in Chinese. */
    private static void assertAnswer(APIGatewayV2HTTPResponse response, int status, String code) {
        Answers.assertAnswer(response, status, code);
        String message = (String) error(response).get("message");
        assertTrue(message != null && message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN), "a Chinese message: " + message);
    }
}

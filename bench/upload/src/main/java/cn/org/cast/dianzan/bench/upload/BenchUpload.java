package cn.org.cast.dianzan.bench.upload;

import static cn.org.cast.dianzan.testing.HttpEvents.request;

import cn.org.cast.dianzan.cases.CaseForm;
import cn.org.cast.dianzan.cases.CaseService;
import cn.org.cast.dianzan.cases.FileKind;
import cn.org.cast.dianzan.codes.BindingService;
import cn.org.cast.dianzan.codes.CodeService;
import cn.org.cast.dianzan.codes.IssuedCode;
import cn.org.cast.dianzan.codes.JoinDetails;
import cn.org.cast.dianzan.codes.UnitInfo;
import cn.org.cast.dianzan.codes.UnitType;
import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.core.Form;
import cn.org.cast.dianzan.engines.LocalEngines;
import cn.org.cast.dianzan.engines.Provisioner;
import cn.org.cast.dianzan.engines.SamTemplate;
import cn.org.cast.dianzan.functions.media.MediaUploadHandler;
import cn.org.cast.dianzan.testing.Answers;
import cn.org.cast.dianzan.testing.FakeLambdaContext;
import cn.org.cast.dianzan.testing.HttpEvents;
import cn.org.cast.dianzan.testing.TestContexts;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.LongStream;
import javax.imageio.ImageIO;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * bin/bench-upload: N uploads of a 1 MB landscape JPEG (sign, PUT to the presigned URL, complete)
 * through the media-upload handler on dynalite and S3Proxy, each step timed on its own. Every upload
 * goes to the landscape slot of one case: the first warm-up upload fills it, so each timed completion
 * replaces a photo (the common path: its old object is deleted once the case points at the new one).
 */
public final class BenchUpload {

    private static final int PHOTO_BYTES = 1_048_576;
    private static final int WARM_UP = 20;
    /** Inside the 2026 campaign's submission window, as the ITs set it; from there the clock runs on. */
    private static final String OPEN = "2026-06-20T10:00:00+08:00";
    private static final Map<String, String> UNIT = HttpEvents.recommender("bench-unit");
    private static final Map<String, String> OWNER = HttpEvents.implementer("bench-impl");

    /** One upload's steps in nanoseconds; whole runs from the signing call to the completion's answer. */
    private record Timing(long sign, long put, long complete, long whole) {
    }

    private final MediaUploadHandler handler;
    private final String caseId;
    private final byte[] photo;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private BenchUpload(MediaUploadHandler handler, String caseId, byte[] photo) {
        this.handler = handler;
        this.caseId = caseId;
        this.photo = photo;
    }

    public static void main(String[] args) throws Exception {
        int uploads = uploads(args);
        String loadBefore = loadAverage();
        try (LocalEngines engines = LocalEngines.inMemory(Files.createTempDirectory("bench-upload").resolve("logs"))) {
            Provisioner.Provisioned provisioned = Provisioner.provision(engines, SamTemplate.load(), "bench-");
            Clock open = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), TestContexts.instant(OPEN)));
            Map<String, Object> properties = new HashMap<>(provisioned.properties());
            // One account signs every upload of the run: above the 200 an hour a real account may sign.
            properties.put("dianzan.media.uploads-per-hour", 1_000_000);
            ApplicationContext context = ApplicationContext.builder().properties(properties).singletons(open).start();
            try (MediaUploadHandler handler = new MediaUploadHandler(context)) {
                BenchUpload bench = new BenchUpload(handler, newCase(context), landscapePhoto());
                for (int i = 0; i < WARM_UP; i++) {
                    bench.upload();
                }
                Timing[] timings = new Timing[uploads];
                for (int i = 0; i < uploads; i++) {
                    timings[i] = bench.upload();
                    if ((i + 1) % 50 == 0) {
                        System.out.printf("%d/%d uploads%n", i + 1, uploads);
                    }
                }
                requireOnlyTheLastPhoto(engines, provisioned.physicalNames().get("MediaBucket"));
                System.out.println();
                System.out.println(report(uploads, timings, loadBefore));
            }
        }
    }

    private static int uploads(String[] args) {
        if (args.length == 0) {
            return 200;
        }
        if (args.length != 2 || !args[0].equals("--uploads") || !args[1].matches("[1-9][0-9]{0,5}")) {
            System.err.println("usage: bin/bench-upload [--uploads N, default 200]");
            System.exit(2);
        }
        return Integer.parseInt(args[1]);
    }

    /** A unit with its code bound, an implementer who joined it, and one case of that implementer. */
    private static String newCase(ApplicationContext context) {
        IssuedCode issued = context.getBean(CodeService.class).issue(Caller.fromClaims(HttpEvents.admin("bench-admin")),
                List.of(new IssuedCode.IntendedUnit("甲省科协", UnitType.PROVINCIAL_ASSOCIATION, null))).get(0);
        String code = issued.code().display();
        BindingService bindings = context.getBean(BindingService.class);
        bindings.bind(Caller.fromClaims(UNIT), code, new UnitInfo("甲省科协", "某地1号", "王老师", "部长", "13912345678",
                "unit@example.cn"));
        bindings.join(Caller.fromClaims(OWNER), code, new JoinDetails("某市科技馆"));
        return context.getBean(CaseService.class).create(Caller.fromClaims(OWNER), Optional.of(UUID.randomUUID().toString()),
                CaseForm.read(Form.of(Map.of("name", "科学之夜")))).record().id();
    }

    /** Every completion replaced the photo before it: its object is gone, and nothing is left pending. */
    private static void requireOnlyTheLastPhoto(LocalEngines engines, String bucket) {
        try (S3Client s3 = engines.newS3Client()) {
            List<String> keys = s3.listObjectsV2(l -> l.bucket(bucket)).contents().stream().map(S3Object::key).toList();
            if (keys.size() != 1 || !keys.get(0).startsWith("media/")) {
                throw new IllegalStateException("expected the case's one photo under media/ in the bucket, found " + keys);
            }
        }
    }

    /** A 1600×1200 JPEG written by ImageIO, padded with zeros to exactly 1,048,576 bytes (readers stop at its end). */
    private static byte[] landscapePhoto() throws Exception {
        BufferedImage image = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 1200; y++) {
            for (int x = 0; x < 1600; x++) {
                image.setRGB(x, y, (x * 255 / 1600) << 16 | (y * 255 / 1200) << 8 | (x ^ y) & 0xFF);
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        if (jpeg.size() > PHOTO_BYTES) {
            throw new IllegalStateException("the JPEG alone is " + jpeg.size() + " bytes");
        }
        return Arrays.copyOf(jpeg.toByteArray(), PHOTO_BYTES);
    }

    /** Sign, PUT, complete; any answer outside 2xx stops the run. The events are built outside the timed calls. */
    private Timing upload() throws Exception {
        Map<String, Object> asked = Map.of("kind", FileKind.LANDSCAPE_PHOTO.name(), "fileName", "横版照片.jpg",
                "size", PHOTO_BYTES, "contentType", "image/jpeg");
        APIGatewayV2HTTPEvent signEvent = request("POST", "/cases/{id}/uploads").path("id", caseId).as(OWNER)
                .body(Answers.json(asked)).build();
        long start = System.nanoTime();
        Map<String, Object> signed = Answers.body(call("sign", signEvent));
        long signedAt = System.nanoTime();
        @SuppressWarnings("unchecked")
        Map<String, String> headers = (Map<String, String>) signed.get("headers");
        HttpRequest put = HttpRequest.newBuilder(URI.create((String) signed.get("url")))
                .header("Content-Type", headers.get("Content-Type"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(photo)).build();
        long putStart = System.nanoTime();
        HttpResponse<String> sent = http.send(put, HttpResponse.BodyHandlers.ofString());
        long putEnd = System.nanoTime();
        requireSuccess("PUT", sent.statusCode(), sent.body());
        APIGatewayV2HTTPEvent completeEvent = request("POST", "/uploads/{id}/complete")
                .path("id", (String) signed.get("uploadId")).as(OWNER).build();
        long completeStart = System.nanoTime();
        call("complete", completeEvent);
        long end = System.nanoTime();
        return new Timing(signedAt - start, putEnd - putStart, end - completeStart, end - start);
    }

    private APIGatewayV2HTTPResponse call(String step, APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new FakeLambdaContext());
        requireSuccess(step, response.getStatusCode(), response.getBody());
        return response;
    }

    private static void requireSuccess(String step, int status, String body) {
        if (status / 100 != 2) {
            throw new IllegalStateException(step + " answered " + status + ": " + body);
        }
    }

    private static String report(int uploads, Timing[] timings, String loadBefore) throws Exception {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "Measured %s at commit `%s` with `bin/bench-upload --uploads %d`: %d uploads after %d untimed ones, one"
                        + " after another, every answer 2xx (sign 201, PUT 200, complete 200). Machine: %s; load average"
                        + " (1, 5, 15 min) %s before, %s after.%n%n",
                LocalDate.now(ZoneOffset.UTC), System.getProperty("dianzan.commit", "unknown"), uploads, uploads,
                WARM_UP, System.getProperty("dianzan.machine", "unknown"), loadBefore, loadAverage()));
        md.append("| step | median ms | p90 ms | p99 ms | max ms |\n|---|--:|--:|--:|--:|\n");
        row(md, "sign: `POST /cases/{id}/uploads` (handler call)", Arrays.stream(timings).mapToLong(Timing::sign));
        row(md, "PUT of 1,048,576 bytes to the presigned URL (HTTP to S3Proxy)", Arrays.stream(timings).mapToLong(Timing::put));
        row(md, "complete: `POST /uploads/{id}/complete` (handler call)", Arrays.stream(timings).mapToLong(Timing::complete));
        row(md, "whole upload (sign to the completion's answer)", Arrays.stream(timings).mapToLong(Timing::whole));
        return md.toString();
    }

    private static void row(StringBuilder md, String step, LongStream nanos) {
        long[] sorted = nanos.sorted().toArray();
        md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", step, median(sorted) / 1e6,
                rank(sorted, 0.90) / 1e6, rank(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6));
    }

    private static double median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** The percentile by nearest rank: the smallest value with at least that share of all at or below it. */
    private static double rank(long[] sorted, double share) {
        return sorted[(int) Math.ceil(share * sorted.length) - 1];
    }

    /** How busy the machine was: on a shared machine the absolute times move with it. */
    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return String.join(" ", fields[0], fields[1], fields[2]);
    }
}

package cn.org.cast.dianzan.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * GET /uploads/{id} without a framework: MediaService.link's work. The upload (a consistent GetItem;
 * 404 unless it is a completed upload of the caller's), its case (a consistent GetItem, the form and
 * warnings JSON parsed as CaseRepository parses them; 404 unless the caller is an admin, its owner or
 * the owner of its unit, which takes the unit's GetItem), the case's files item (a consistent GetItem,
 * each file's JSON parsed), then a 5-minute presigned GET with the original name (RFC 5987) and type.
 * The S3 client and the presigner are built when Lambda constructs the handler, as the function's
 * MediaStorage builds them, though this route uses only the presigner: the function's other routes
 * need the client. The bench seeds the sample's completed upload, its case and files item before the
 * warm-up (bench/runner's Seeds); other routes are not what this baseline measures: 501.
 */
public class MediaUploadBaseline extends BaselineHandler {

    private static final Pattern UPLOAD_ID = Pattern.compile("U[0-9a-f]{32}");
    private static final Pattern CASE_ID = Pattern.compile("C[0-9a-f]{32}");
    private static final Duration LINK_WINDOW = Duration.ofMinutes(5);
    private static final DateTimeFormatter CHINA_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX").withZone(ZoneOffset.ofHours(8));

    private final String bucket = System.getenv("DIANZAN_BUCKETS_MEDIA");
    /** Built as the function's eager singleton is; this route never calls it. */
    @SuppressWarnings("unused")
    private final S3Client s3 = s3Client();
    private final S3Presigner presigner = s3Presigner();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        if (!"GET /uploads/{id}".equals(event.get("routeKey"))) {
            return error(501, "NOT_MEASURED");
        }
        return signedIn(event, subject -> {
            Object parameters = event.get("pathParameters");
            Object id = parameters instanceof Map<?, ?> map ? map.get("id") : null;
            Map<String, AttributeValue> upload = id instanceof String uploadId && UPLOAD_ID.matcher(uploadId).matches()
                    ? item("UPLOAD#" + uploadId, "META") : null;
            if (upload == null || !"Upload".equals(string(upload, "type")) || !"COMPLETED".equals(string(upload, "status"))) {
                return error(404, "NOT_FOUND");
            }
            String caseId = string(upload, "caseId");
            Map<String, AttributeValue> record = CASE_ID.matcher(caseId).matches() ? item("CASE#" + caseId, "META") : null;
            if (record == null || !visible(event, subject, record)) {
                return error(404, "NOT_FOUND");
            }
            JsonNode file = files(caseId).stream().filter(f -> f.path("id").asText().equals(id)).findFirst().orElse(null);
            if (file == null) {
                return error(404, "NOT_FOUND");
            }
            Instant expires = Instant.now().plus(LINK_WINDOW);
            String url = presigner.presignGetObject(p -> p.signatureDuration(LINK_WINDOW)
                    .getObjectRequest(g -> g.bucket(bucket).key(file.path("key").asText())
                            .responseContentDisposition(contentDisposition(file.path("fileName").asText()))
                            .responseContentType(file.path("contentType").asText()))).url().toString();
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("id", file.path("id").asText());
            link.put("caseId", caseId);
            link.put("kind", file.path("kind").asText());
            link.put("fileName", file.path("fileName").asText());
            link.put("contentType", file.path("contentType").asText());
            link.put("size", file.path("size").asLong());
            link.put("url", url);
            link.put("expiresAt", CHINA_SECONDS.format(expires));
            return response(200, link, Map.of());
        });
    }

    /** CaseService.visible: the case read as a record (its JSON parsed), then admin, owner or the unit's owner. */
    private boolean visible(Map<String, Object> event, String subject, Map<String, AttributeValue> record) {
        readJson(string(record, "form"));
        readJson(string(record, "warnings"));
        if (String.valueOf(claim(event, "groups")).contains("admin") || subject.equals(string(record, "ownerSubject"))) {
            return true;
        }
        if (!"RECOMMENDER".equals(claim(event, "account_type"))) {
            return false;
        }
        Map<String, AttributeValue> unit = item("UNIT#" + string(record, "unitId"), "META");
        return unit != null && subject.equals(string(unit, "ownerSubject"));
    }

    /** CaseFileRepository.all: every slot's files, oldest first. */
    private List<JsonNode> files(String caseId) {
        Map<String, AttributeValue> item = item("CASE#" + caseId, "FILES");
        List<JsonNode> files = new ArrayList<>();
        if (item != null) {
            item.values().stream().filter(AttributeValue::hasM)
                    .forEach(slot -> slot.m().values().forEach(f -> files.add(readJson(f.s()))));
        }
        files.sort(Comparator.comparing((JsonNode f) -> Instant.parse(f.path("attachedAt").asText()))
                .thenComparing(f -> f.path("id").asText()));
        return files;
    }

    /** MediaService.contentDisposition: an ASCII fallback, then the UTF-8 name (RFC 5987). */
    private static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static JsonNode readJson(String text) {
        try {
            return JacksonSerializer.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

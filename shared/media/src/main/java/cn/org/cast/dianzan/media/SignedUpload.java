package cn.org.cast.dianzan.media;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** Where and how the client sends the bytes: a presigned PUT and the headers it must send as signed. */
@Serdeable
public record SignedUpload(String uploadId, String caseId, String kind, String method, String url,
                           Map<String, String> headers, String expiresAt) {
}

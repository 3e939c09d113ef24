package cn.org.cast.dianzan.summary;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * Where to PUT the stamped scan: the URL, the headers to send exactly (type and length are signed),
 * the sheet it is for, and until when (China time) the URL works; then confirm with {@code scanId}.
 */
@Serdeable
public record SignedScan(String scanId, String kind, String sheetId, String verificationCode, String method,
                         String url, Map<String, String> headers, String expiresAt) {
}

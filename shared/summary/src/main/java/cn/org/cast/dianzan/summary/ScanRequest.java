package cn.org.cast.dianzan.summary;

import cn.org.cast.dianzan.core.Form;
import java.util.Locale;
import java.util.Set;

/**
 * What a unit asks to upload as its stamped scan: the kind (the media flow's kind, STAMPED_SUMMARY,
 * may be sent or left out), the file's name, byte size and type, optionally its SHA-256. Checked
 * before anything is signed, every problem at once.
 */
public record ScanRequest(String fileName, long size, String contentType, String sha256) {

    public static final String KIND = "STAMPED_SUMMARY";
    public static final long MAX_BYTES = 20_971_520;
    public static final Set<String> TYPES = Set.of("application/pdf", "image/jpeg", "image/png");

    public static ScanRequest from(Form f) {
        String kind = f.optional("kind", k -> f.text(k, "文件类别", 40));
        if (kind != null && !kind.equals(KIND)) {
            f.error("kind", "UNKNOWN_VALUE", "此处只能上传盖章汇总表扫描件（" + KIND + "）");
        }
        String fileName = f.text("fileName", "文件名", 100);
        if (fileName != null && (fileName.contains("/") || fileName.contains("\\"))) {
            f.error("fileName", "INVALID_FILE_NAME", "文件名不能含有路径分隔符（/ 或 \\）");
        }
        Long size = f.wholeNumber("size", "文件大小（字节）");
        if (size != null && size < 1) {
            f.error("size", "OUT_OF_RANGE", "文件大小须大于0字节，当前" + size + "字节");
        } else if (size != null && size > MAX_BYTES) {
            f.error("size", "TOO_LARGE", "盖章汇总表扫描件不超过20MB（20,971,520字节），当前"
                    + String.format("%,d", size) + "字节");
        }
        String contentType = f.text("contentType", "文件格式", 100);
        if (contentType != null && !TYPES.contains(contentType)) {
            f.error("contentType", "UNSUPPORTED_TYPE", "盖章汇总表扫描件的格式须为PDF、JPEG或PNG"
                    + "（application/pdf、image/jpeg、image/png）");
        }
        String sha256 = f.optional("sha256", k -> f.text(k, "SHA-256", 64));
        if (sha256 != null && !sha256.matches("[0-9a-fA-F]{64}")) {
            f.error("sha256", "INVALID_SHA256", "SHA-256 须为64位十六进制数字");
        }
        f.throwIfInvalid();
        return new ScanRequest(fileName, size, contentType, sha256 == null ? null : sha256.toLowerCase(Locale.ROOT));
    }
}

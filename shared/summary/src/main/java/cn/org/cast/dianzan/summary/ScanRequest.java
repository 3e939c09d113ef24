package cn.org.cast.dianzan.summary;

import cn.org.cast.dianzan.core.Form;
import cn.org.cast.dianzan.media.UploadRequest;
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
        String fileName = UploadRequest.fileName(f);
        Long size = UploadRequest.size(f, "盖章汇总表扫描件", MAX_BYTES, "20MB（20,971,520字节）");
        String contentType = f.text("contentType", "文件格式", 100);
        if (contentType != null && !TYPES.contains(contentType)) {
            f.error("contentType", "UNSUPPORTED_TYPE", "盖章汇总表扫描件的格式须为PDF、JPEG或PNG"
                    + "（application/pdf、image/jpeg、image/png）");
        }
        String sha256 = UploadRequest.sha256(f);
        f.throwIfInvalid();
        return new ScanRequest(fileName, size, contentType, sha256);
    }
}

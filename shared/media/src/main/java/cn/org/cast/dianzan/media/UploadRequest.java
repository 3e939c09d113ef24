package cn.org.cast.dianzan.media;

import cn.org.cast.dianzan.cases.FileKind;
import cn.org.cast.dianzan.core.Form;
import java.util.stream.Collectors;

/**
 * What a client asks to upload: the kind of file, its name, byte size and type, for an award proof
 * the award it proves, and optionally the file's SHA-256 (hex), checked on completion. Checked against the kind's limits before anything is signed, every
 * problem at once, so an oversized photo is refused here with its exact size, never with a bare 413.
 */
public record UploadRequest(FileKind kind, String fileName, long size, String contentType, Integer awardIndex,
                            String sha256) {

    /** Without a checksum. */
    public UploadRequest(FileKind kind, String fileName, long size, String contentType, Integer awardIndex) {
        this(kind, fileName, size, contentType, awardIndex, null);
    }

    public static final int FILE_NAME_MAX = 100;

    public static UploadRequest from(Form f) {
        FileKind kind = f.choice("kind", "文件类别", FileKind.class, FileKind::label);
        String fileName = fileName(f);
        Long size = size(f, kind == null ? null : noun(kind), kind == null ? Long.MAX_VALUE : kind.maxBytes(),
                kind == null ? null : kind.limitText());
        String contentType = f.text("contentType", "文件格式", 100);
        if (contentType != null && kind != null && !kind.contentTypes().contains(contentType)) {
            f.error("contentType", "UNSUPPORTED_TYPE", kind.label() + "的格式须为以下之一："
                    + kind.contentTypes().stream().sorted().collect(Collectors.joining("、")));
        }
        Integer awardIndex = f.optional("awardIndex", k -> f.integer(k, "奖项序号", 0, 99));
        if (kind != null && kind.perAward() && awardIndex == null && !f.hasErrorOn("awardIndex")) {
            f.error("awardIndex", "REQUIRED", "上传获奖证明材料须指明是第几个奖项（awardIndex，从0开始）");
        }
        String sha256 = sha256(f);
        f.throwIfInvalid();
        return new UploadRequest(kind, fileName, size, contentType, kind.perAward() ? awardIndex : null,
                sha256);
    }

    /** The file's name as the user gave it, never a path: what any upload, of a case file or a scan, declares. */
    public static String fileName(Form f) {
        String fileName = f.text("fileName", "文件名", FILE_NAME_MAX);
        if (fileName != null && (fileName.contains("/") || fileName.contains("\\") || fileName.equals("..")
                || fileName.equals("."))) {
            f.error("fileName", "INVALID_FILE_NAME", "文件名不能含有路径分隔符（/ 或 \\）");
        }
        return fileName;
    }

    /**
     * The declared byte size: at least 1, at most {@code maxBytes}, refused with the limit as people
     * read it ("照片不超过1MB（1,048,576字节），当前1,048,577字节").
     */
    public static Long size(Form f, String noun, long maxBytes, String limitText) {
        Long size = f.wholeNumber("size", "文件大小（字节）");
        if (size != null && size < 1) {
            f.error("size", "OUT_OF_RANGE", "文件大小须大于0字节，当前" + size + "字节");
        } else if (size != null && size > maxBytes) {
            f.error("size", "TOO_LARGE", noun + "不超过" + limitText + "，当前"
                    + String.format(java.util.Locale.ROOT, "%,d", size) + "字节");
        }
        return size;
    }

    /** The optional SHA-256 the upload is checked against on completion, in lower-case hex. */
    public static String sha256(Form f) {
        String sha256 = f.optional("sha256", k -> f.text(k, "SHA-256", 64));
        if (sha256 != null && !sha256.matches("[0-9a-fA-F]{64}")) {
            f.error("sha256", "INVALID_SHA256", "SHA-256 须为64位十六进制数字");
            return null;
        }
        return sha256 == null ? null : sha256.toLowerCase(java.util.Locale.ROOT);
    }

    /** The photos are both "照片" in a message, as the notice says "照片不超过1MB". */
    private static String noun(FileKind kind) {
        return kind.orientation() != null ? "照片" : kind.label();
    }
}

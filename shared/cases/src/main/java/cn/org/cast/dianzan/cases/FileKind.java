package cn.org.cast.dianzan.cases;

import java.util.Set;

/**
 * The files a case may carry, with their limits: the one table the upload checks, the submission
 * checks and the contract describe. The notice fixes the photos (one landscape, one portrait, at
 * most 1 MB each) and asks for proof of every award; the other limits are our choices.
 */
public enum FileKind {
    LANDSCAPE_PHOTO("横版照片", 1_048_576, Set.of("image/jpeg", "image/png"), 1, Orientation.LANDSCAPE),
    PORTRAIT_PHOTO("竖版照片", 1_048_576, Set.of("image/jpeg", "image/png"), 1, Orientation.PORTRAIT),
    AWARD_PROOF("获奖证明材料", 10_485_760, Set.of("application/pdf", "image/jpeg", "image/png"), 5, null),
    VIDEO("视频", 524_288_000, Set.of("video/mp4"), 1, null),
    PICTURE("图片", 10_485_760, Set.of("image/jpeg", "image/png"), 9, null),
    DOCUMENT("文档", 20_971_520, Set.of("application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), 5, null);

    /** How a photo must look once its EXIF orientation is applied. */
    public enum Orientation { LANDSCAPE, PORTRAIT }

    private final String label;
    private final long maxBytes;
    private final Set<String> contentTypes;
    private final int maxCount;
    private final Orientation orientation;

    FileKind(String label, long maxBytes, Set<String> contentTypes, int maxCount, Orientation orientation) {
        this.label = label;
        this.maxBytes = maxBytes;
        this.contentTypes = contentTypes;
        this.maxCount = maxCount;
        this.orientation = orientation;
    }

    public String label() {
        return label;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Set<String> contentTypes() {
        return contentTypes;
    }

    /** At most this many at once: per case, or per award for award proofs. */
    public int maxCount() {
        return maxCount;
    }

    /** The required orientation of a photo; null for every other kind. */
    public Orientation orientation() {
        return orientation;
    }

    /** A photo slot holds one file: a new upload replaces the old one instead of being refused. */
    public boolean replaces() {
        return maxCount == 1 && orientation != null;
    }

    public boolean perAward() {
        return this == AWARD_PROOF;
    }

    /** "1MB（1,048,576字节）": how a limit reads in a message. */
    public String limitText() {
        long mb = maxBytes / 1_048_576;
        return mb + "MB（" + String.format(java.util.Locale.ROOT, "%,d", maxBytes) + "字节）";
    }
}

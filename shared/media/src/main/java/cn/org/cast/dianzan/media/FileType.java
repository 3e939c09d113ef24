package cn.org.cast.dianzan.media;

/** The kinds of case file we accept, each known by its leading bytes (see {@link MagicBytes}). */
public enum FileType {
    JPEG("image/jpeg"),
    PNG("image/png"),
    PDF("application/pdf"),
    MP4("video/mp4"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final String contentType;

    FileType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}

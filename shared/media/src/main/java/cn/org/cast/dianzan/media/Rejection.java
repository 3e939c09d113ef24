package cn.org.cast.dianzan.media;

import cn.org.cast.dianzan.core.Failure;

/**
 * Why an upload does not count (the {@code reason} of a FILE_REJECTED answer, the same list as
 * openapi.yaml's FileRejectionReason), and how the message reads with the values that were expected
 * and that arrived.
 */
public enum Rejection {
    SIZE_MISMATCH, TYPE_MISMATCH, NOT_AN_IMAGE, WRONG_ORIENTATION, CHECKSUM_MISMATCH, ALREADY_REJECTED, CANCELLED,
    ABANDONED;

    String message(Upload upload, String expected, String actual) {
        return switch (this) {
            case SIZE_MISMATCH -> "收到的文件大小与申请时不符（应为" + expected + "，实际" + actual + "），已删除，请重新上传";
            case TYPE_MISMATCH -> "文件内容与声明的格式不符（声明" + expected + "，实际" + actual + "），已删除，请重新上传";
            case NOT_AN_IMAGE -> upload.kind().label() + "须为可识别的JPEG或PNG图片，已删除，请重新上传";
            case WRONG_ORIENTATION -> upload.kind().label() + "须" + expected + "，该照片为" + actual + "，已删除，请重新上传";
            case CHECKSUM_MISMATCH -> "收到的文件与申请时给出的SHA-256不符，文件可能在传输中损坏，已删除，请重新上传";
            case CANCELLED -> "该上传已取消，请重新申请上传";
            case ABANDONED -> "该上传超过" + PendingUploadCleanup.ABANDONED_AFTER.toHours() + "小时未完成，已清除，请重新上传";
            case ALREADY_REJECTED -> Failure.FILE_REJECTED.message();
        };
    }
}

package cn.org.cast.dianzan.media;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * Where and how the client sends the bytes. {@code PUT}: one presigned PUT ({@code url}) with the
 * {@code headers} it must send as signed. {@code MULTIPART}: a large file cut into {@code parts}, each
 * PUT to its own presigned URL with exactly its {@code size} bytes; a failed part is simply sent again.
 */
@Serdeable
public record SignedUpload(String uploadId, String caseId, String kind, String method, String url,
                           Map<String, String> headers, Long size, Long partSize, Integer partCount,
                           List<SignedPart> parts, String expiresAt) {

    /** One part of a multipart upload: bytes {@code offset} to {@code offset + size - 1} of the file. */
    @Serdeable
    public record SignedPart(int partNumber, long offset, long size, String url) {
    }
}

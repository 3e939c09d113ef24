package cn.org.cast.dianzan.cases;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A verified file attached to a case. {@code id} is the upload's id; {@code key} the S3 object it
 * is stored as (never built from the user's file name); {@code fileName} the cleaned original name
 * given back on download; width and height as seen, for images.
 */
@Serdeable
public record CaseFile(String id, String caseId, FileKind kind, Integer awardIndex, String key, String fileName,
                       String contentType, long size, Integer width, Integer height, Instant attachedAt,
                       String attachedBy) {

    /** The attribute of the case's files item that holds this file: one per kind, one per award for proofs. */
    public String slot() {
        return slot(kind, awardIndex);
    }

    public static String slot(FileKind kind, Integer awardIndex) {
        return kind.perAward() ? kind.name() + "_" + awardIndex : kind.name();
    }
}

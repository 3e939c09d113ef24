package cn.org.cast.dianzan.media;

import io.micronaut.serde.annotation.Serdeable;

/** A short-lived link to read a case's file, answered with its original name (RFC 5987). */
@Serdeable
public record FileLink(String id, String caseId, String kind, String fileName, String contentType, long size,
                       String url, String expiresAt) {
}

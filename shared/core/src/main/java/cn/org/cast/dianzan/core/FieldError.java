package cn.org.cast.dianzan.core;

import io.micronaut.serde.annotation.Serdeable;

/** One field that failed validation: its path in the request, a stable code and a Chinese message. */
@Serdeable
public record FieldError(String field, String code, String message) {
}

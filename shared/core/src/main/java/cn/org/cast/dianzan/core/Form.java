package cn.org.cast.dianzan.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A form as someone filled it in: a tree of plain values (maps, lists, strings, numbers, booleans)
 * however it arrived. The domain reads its fields into typed commands and collects every problem
 * before failing, so a user sees all that is wrong at once ({@link #throwIfInvalid()}), each with
 * its field path. An adapter builds it from its own input (a JSON body, a CSV row); a test from a map.
 */
public final class Form {

    private static final java.util.regex.Pattern MOBILE = java.util.regex.Pattern.compile("1[3-9]\\d{9}");
    private static final java.util.regex.Pattern LANDLINE =
            java.util.regex.Pattern.compile("0\\d{2,3}-?[2-9]\\d{6,7}(-\\d{1,6})?");
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile(
            "[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,24}");

    private final Map<String, ?> node;
    private final String prefix;
    private final List<FieldError> errors;
    private final boolean absent;

    private Form(Map<String, ?> node, String prefix, List<FieldError> errors, boolean absent) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
        this.absent = absent;
    }

    /** The top-level fields of a form; values are maps, lists, strings, numbers, booleans or null. */
    public static Form of(Map<String, ?> fields) {
        return new Form(fields, "", new ArrayList<>(), false);
    }

    /** A required text field, trimmed, at most {@code maxLength} characters as a reader counts them. */
    public String text(String field, String label, int maxLength) {
        return readText(field, label, maxLength, false);
    }

    /** An optional text field: absent, null or blank is null; otherwise checked as {@link #text}. */
    public String optionalText(String field, String label, int maxLength) {
        Object value = absent ? null : node.get(field);
        if (value == null || (value instanceof String text && text.isBlank())) {
            return null;
        }
        return text(field, label, maxLength);
    }

    /** A required value of an enumeration, given by its constant name; the message lists the choices. */
    public <E extends Enum<E>> E choice(String field, String label, Class<E> type, java.util.function.Function<E, String> describe) {
        String value = text(field, label, 64);
        if (value == null) {
            return null;
        }
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equals(value)) {
                return candidate;
            }
        }
        error(field, "UNKNOWN_VALUE", label + "须为以下之一：" + java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> c.name() + "（" + describe.apply(c) + "）").collect(java.util.stream.Collectors.joining("、")));
        return null;
    }

    /** A required mainland China phone: a mobile (1[3-9] and 9 digits) or a landline with its area code. */
    public String phone(String field, String label) {
        String value = text(field, label, 32);
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("[\\s()（）]", "").replaceFirst("^(\\+86|0086)-?", "");
        if (!MOBILE.matcher(digits).matches() && !LANDLINE.matcher(digits).matches()) {
            error(field, "INVALID_PHONE", label + "须为手机号码（11位）或带区号的固定电话，如 010-12345678");
            return null;
        }
        return digits;
    }

    /** A required secret (a password): the string exactly as sent, never trimmed, never quoted in a message. */
    public String secret(String field, String label) {
        Object value = present(field, label);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String secret)) {
            return typeError(field, label, "文字");
        }
        if (secret.isEmpty()) {
            error(field, "REQUIRED", label + "为必填项");
            return null;
        }
        return secret;
    }

    /** A required e-mail address. */
    public String email(String field, String label) {
        String value = text(field, label, 254);
        if (value == null) {
            return null;
        }
        if (!EMAIL.matcher(value).matches()) {
            error(field, "INVALID_EMAIL", label + "格式不正确，如 name@example.cn");
            return null;
        }
        return value;
    }

    /** A required array of objects, 1 to {@code max} of them, each read with an indexed path. */
    public List<Form> objects(String field, String label, int max) {
        Object value = present(field, label);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            typeError(field, label, "数组");
            return List.of();
        }
        if (list.isEmpty() || list.size() > max) {
            error(field, "COUNT_OUT_OF_RANGE", label + "须为1到" + max + "项，当前" + list.size() + "项");
            return List.of();
        }
        List<Form> items = new ArrayList<>();
        int index = 0;
        for (Object item : list) {
            String path = path(field) + "[" + index++ + "]";
            if (!(item instanceof Map<?, ?> object)) {
                errors.add(new FieldError(path, "INVALID_TYPE", label + "的每一项须为对象"));
                continue;
            }
            items.add(new Form(fieldsOf(object), path + ".", errors, false));
        }
        return items;
    }

    /** Reads a field only if it was sent: absent, null or a blank string is null, with no error. */
    public <T> T optional(String field, java.util.function.Function<String, T> reader) {
        Object value = absent ? null : node.get(field);
        if (value == null || (value instanceof String text && text.isBlank())) {
            return null;
        }
        return reader.apply(field);
    }

    /** A required multi-line text (line breaks and tabs allowed), trimmed, at most {@code maxLength} characters. */
    public String multilineText(String field, String label, int maxLength) {
        return readText(field, label, maxLength, true);
    }

    private String readText(String field, String label, int maxLength, boolean multiline) {
        Object value = present(field, label);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String typed)) {
            return typeError(field, label, "文本");
        }
        String text = typed.strip();
        if (text.isEmpty()) {
            error(field, "REQUIRED", label + "为必填项");
            return null;
        }
        if (TextLength.hasControlCharacters(text, multiline)) {
            error(field, "CONTROL_CHARACTERS", label + "含有不可见的控制字符");
            return null;
        }
        int length = TextLength.of(text);
        if (length > maxLength) {
            error(field, "TOO_LONG", label + "不超过" + maxLength + "字，当前" + length + "字");
            return null;
        }
        return text;
    }

    /** A required calendar date, {@code 2025-03-01}. */
    public java.time.LocalDate date(String field, String label) {
        String value = text(field, label, 10);
        if (value == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            error(field, "INVALID_DATE", label + "须为日期，如 2025-03-01");
            return null;
        }
    }

    /** A required web link: http or https only (no javascript:, data: or other schemes), with a host. */
    public String webLink(String field, String label) {
        String value = text(field, label, 2048);
        if (value == null) {
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank()) {
                return value;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        error(field, "INVALID_URL", label + "须为以 http:// 或 https:// 开头的网址");
        return null;
    }

    /** An optional array of objects, at most {@code max} of them, each read with an indexed path. */
    public List<Form> optionalObjects(String field, String label, int max) {
        Object value = absent ? null : node.get(field);
        if (value == null || (value instanceof List<?> list && list.isEmpty())) {
            return List.of();
        }
        if (value instanceof List<?> list && list.size() > max) {
            error(field, "TOO_MANY", label + "不超过" + max + "项，当前" + list.size() + "项");
            return List.of();
        }
        return objects(field, label, max);
    }

    /** A required date-time with an explicit offset, e.g. {@code 2026-06-30T23:59:59+08:00}. */
    public Instant instant(String field, String label) {
        Object value = present(field, label);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            return typeError(field, label, "日期时间");
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            error(field, "INVALID_DATETIME", label + "须为带时区的日期时间，如 2026-06-30T23:59:59+08:00");
            return null;
        }
    }

    /** A required whole number of any size (a byte count, say); the caller checks its range. */
    public Long wholeNumber(String field, String label) {
        Object value = present(field, label);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number typed) || typed.doubleValue() != Math.rint(typed.doubleValue())
                || Math.abs(typed.doubleValue()) > Long.MAX_VALUE / 2) {
            return typeError(field, label, "整数");
        }
        return typed.longValue();
    }

    /** A required whole number within [min, max]. */
    public Integer integer(String field, String label, int min, int max) {
        Object value = present(field, label);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number typed) || typed.doubleValue() != Math.rint(typed.doubleValue())) {
            return typeError(field, label, "整数");
        }
        double number = typed.doubleValue();
        if (number < min || number > max) {
            error(field, "OUT_OF_RANGE", label + "须在" + min + "到" + max + "之间");
            return null;
        }
        return (int) number;
    }

    /** A required nested object, read with the same error list and a dotted path. */
    public Form object(String field, String label) {
        Object value = present(field, label);
        if (value != null && !(value instanceof Map<?, ?>)) {
            typeError(field, label, "对象");
            value = null;
        }
        // The fields of a missing object are not reported again one by one.
        return new Form(value == null ? Map.of() : fieldsOf((Map<?, ?>) value), path(field) + ".", errors,
                value == null);
    }

    public void error(String field, String code, String message) {
        errors.add(new FieldError(path(field), code, message));
    }

    public boolean hasErrorOn(String field) {
        String path = path(field);
        return errors.stream().anyMatch(e -> e.field().equals(path));
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw DomainException.validation(errors);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> fieldsOf(Map<?, ?> object) {
        return (Map<String, ?>) object;
    }

    private Object present(String field, String label) {
        Object value = node.get(field);
        if (absent) {
            return null;
        }
        if (value == null) {
            error(field, "REQUIRED", label + "为必填项");
            return null;
        }
        return value;
    }

    private <T> T typeError(String field, String label, String expected) {
        error(field, "INVALID_TYPE", label + "须为" + expected);
        return null;
    }

    private String path(String field) {
        return prefix + field;
    }
}

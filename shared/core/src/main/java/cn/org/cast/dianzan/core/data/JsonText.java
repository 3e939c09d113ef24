package cn.org.cast.dianzan.core.data;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Values kept as JSON text inside an item (a form, a file, an audit state). Our own records always
 * serialize; a failure here is a bug or a damaged item, not a caller's mistake, so it is unchecked.
 */
public final class JsonText {

    private JsonText() {
    }

    public static String write(JsonMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(JsonMapper json, String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

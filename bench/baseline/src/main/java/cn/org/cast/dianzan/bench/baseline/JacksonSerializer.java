package cn.org.cast.dianzan.bench.baseline;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Events and responses read and written with plain Jackson, offered through the same Lambda SPI
 * through which the functions offer Micronaut's serializer: the bench drives both kinds of jar
 * the same way, and the baseline pays for its own JSON as the functions pay for theirs.
 */
public final class JacksonSerializer implements CustomPojoSerializer {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public <T> T fromJson(InputStream input, Type type) {
        try {
            return MAPPER.readValue(input, MAPPER.constructType(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> T fromJson(String input, Type type) {
        return fromJson(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), type);
    }

    @Override
    public <T> void toJson(T value, OutputStream output, Type type) {
        try {
            MAPPER.writeValue(output, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package cn.org.cast.dianzan.lambda;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.function.aws.CustomPojoSerializerException;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Lambda's serializer of our functions (their only {@code CustomPojoSerializer} service): the event
 * read and the answer written by the JSON mapper of the handler's own context. Micronaut's
 * {@code SerdeCustomPojoSerializer} starts a second ApplicationContext for that mapper
 * ({@code ObjectMapper.create}), which costs every cold start its start-up. Lambda builds the handler
 * first and loads the serializer after it (the runtime's EventHandlerLoader), and the mapper is looked
 * up on first use, so the handler's context is there to share; where no handler has started (a tool
 * or test that reads an event before building one), it starts the same context Micronaut's would.
 */
public final class HandlerContextSerializer implements CustomPojoSerializer {

    /** Where SerdeCustomPojoSerializer finds the Lambda events' serdes: the same package, for the fallback. */
    private static final String EVENTS_SERDE_PACKAGE = "io.micronaut.aws.lambda.events.serde";

    private static volatile ApplicationContext handlerContext;

    private volatile JsonMapper mapper;

    /** Called by the handler bases' constructor that Lambda calls, once their context has started. */
    public static void handlerStarted(ApplicationContext context) {
        handlerContext = context;
    }

    @Override
    public <T> T fromJson(InputStream input, Type type) {
        try {
            return mapper().readValue(input, argument(type));
        } catch (IOException e) {
            throw new CustomPojoSerializerException(e);
        }
    }

    @Override
    public <T> T fromJson(String input, Type type) {
        try {
            return mapper().readValue(input, argument(type));
        } catch (IOException e) {
            throw new CustomPojoSerializerException(e);
        }
    }

    @Override
    public <T> void toJson(T value, OutputStream output, Type type) {
        try {
            mapper().writeValue(output, argument(type), value);
        } catch (IOException e) {
            throw new CustomPojoSerializerException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Argument<T> argument(Type type) {
        return (Argument<T>) Argument.of(type);
    }

    /** The mapper, found on first use: the started handler's, else one of its own as Micronaut's serializer makes. */
    JsonMapper mapper() {
        JsonMapper resolved = mapper;
        if (resolved == null) {
            synchronized (this) {
                resolved = mapper;
                if (resolved == null) {
                    ApplicationContext context = handlerContext;
                    resolved = context != null && context.isRunning() ? context.getBean(JsonMapper.class)
                            : ObjectMapper.create(Map.of(), EVENTS_SERDE_PACKAGE);
                    mapper = resolved;
                }
            }
        }
        return resolved;
    }
}

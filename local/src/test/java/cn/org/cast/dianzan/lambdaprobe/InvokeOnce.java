package cn.org.cast.dianzan.lambdaprobe;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * Run in a JVM of its own with a function jar and nothing else: builds the handler as Lambda does,
 * reads one event file through the jar's serializer and prints the response JSON.
 * Arguments: handler class, event class, event file.
 */
public final class InvokeOnce {

    private InvokeOnce() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        CustomPojoSerializer serializer = ServiceLoader.load(CustomPojoSerializer.class).findFirst().orElseThrow();
        Object event = serializer.fromJson(Files.readString(Path.of(args[2]), StandardCharsets.UTF_8), Class.forName(args[1]));
        RequestHandler<Object, Object> handler =
                (RequestHandler<Object, Object>) Class.forName(args[0]).getConstructor().newInstance();
        Object response = handler.handleRequest(event, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(response, out, response.getClass());
        System.out.println("RESPONSE " + out.toString(StandardCharsets.UTF_8));
    }
}

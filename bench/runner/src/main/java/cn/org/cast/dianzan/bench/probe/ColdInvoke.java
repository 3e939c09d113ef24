package cn.org.cast.dianzan.bench.probe;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Lambda's part of a cold start, and nothing more, in a fresh JVM beside one function jar. Init, in
 * the order of the Java runtime interface client (EventHandlerLoader: the handler built with its
 * no-arg constructor, then, as the PojoHandlerAsStreamHandler wrapping it is built, the jar's one
 * CustomPojoSerializer loaded by PojoSerializerLoader, which refuses a jar with more than one).
 * First invoke: read one event through that serializer, call the handler, write the response. It
 * prints INIT and RESPONSE
 * as each ends, for the bench to time from outside, then the peak RSS and the CPU time (all threads)
 * so far. Arguments: handler
 * class, event class, event file. It needs Lambda's core API only and sits alone on the class path
 * beside the jar, so that it loads nothing the jar would not.
 */
public final class ColdInvoke {

    private ColdInvoke() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        RequestHandler<Object, Object> handler =
                (RequestHandler<Object, Object>) Class.forName(args[0]).getConstructor().newInstance();
        List<ServiceLoader.Provider<CustomPojoSerializer>> serializers =
                ServiceLoader.load(CustomPojoSerializer.class).stream().toList();
        if (serializers.size() != 1) {
            throw new IllegalStateException(serializers.size() + " CustomPojoSerializer services in the jar: Lambda"
                    + " takes exactly one (none: its own serializers; more: it refuses to start)");
        }
        CustomPojoSerializer serializer = serializers.get(0).get();
        System.out.println("INIT");
        Object event = serializer.fromJson(Files.readString(Path.of(args[2]), StandardCharsets.UTF_8),
                Class.forName(args[1]));
        Object response = handler.handleRequest(event, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(response, out, response.getClass());
        System.out.println("RESPONSE " + out.toString(StandardCharsets.UTF_8));
        System.out.println("PEAK_RSS_KB " + peakRssKb());
        System.out.println("CPU_MS " + ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis());
    }

    /** VmHWM: the resident set's high-water mark, which is what a Lambda's memory limit is held to. */
    private static long peakRssKb() throws IOException {
        try (BufferedReader status = Files.newBufferedReader(Path.of("/proc/self/status"))) {
            for (String line = status.readLine(); line != null; line = status.readLine()) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        }
        return -1;
    }
}

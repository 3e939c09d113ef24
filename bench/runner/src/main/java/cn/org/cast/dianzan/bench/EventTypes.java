package cn.org.cast.dianzan.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The event class a handler declares, as Lambda reads it: the first type argument of the nearest
 * generic superclass (or interface) that is a {@code RequestHandler} — {@code APIGatewayV2HTTPEvent}
 * for an HTTP function, the EventBridge record for a scheduled one. Read here, in the runner, from
 * the jar in a throw-away loader (classes loaded, none initialized), so that the measured JVM
 * does no more than it did: it is handed the class name.
 */
final class EventTypes {

    private static final String REQUEST_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";

    private EventTypes() {
    }

    static String declaredBy(Path jar, String handler) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it (bin/bench-cold does)");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> type = Class.forName(handler, false, loader);
            for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
                for (Type generic : t.getGenericInterfaces()) {
                    String event = firstArgumentIfHandler(generic);
                    if (event != null) {
                        return event;
                    }
                }
                String event = firstArgumentIfHandler(t.getGenericSuperclass());
                if (event != null) {
                    return event;
                }
            }
            throw new IllegalStateException(handler + " in " + jar + " declares no event type (RequestHandler<I, O>)");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(handler + " is not in " + jar, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstArgumentIfHandler(Type type) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                && isRequestHandler(raw) && generic.getActualTypeArguments()[0] instanceof Class<?> event) {
            return event.getName();
        }
        return null;
    }

    private static boolean isRequestHandler(Class<?> type) {
        if (type.getName().equals(REQUEST_HANDLER)) {
            return true;
        }
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            for (Class<?> i : t.getInterfaces()) {
                if (isRequestHandler(i)) {
                    return true;
                }
            }
        }
        return false;
    }
}

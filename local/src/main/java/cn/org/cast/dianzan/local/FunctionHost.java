package cn.org.cast.dianzan.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;

/**
 * One function as Lambda hosts it: its own jar in its own class loader, its handler built once with
 * the no-arg constructor, events read and responses written by the function's own serializer.
 */
final class FunctionHost implements AutoCloseable {

    private static final LambdaLogger LOGGER = new LambdaLogger() {
        @Override
        public void log(String message) {
            System.out.print(message);
        }

        @Override
        public void log(byte[] message) {
            System.out.print(new String(message, java.nio.charset.StandardCharsets.UTF_8));
        }
    };

    private final String name;
    private final URLClassLoader loader;
    private final Object handler;
    private final Method handleRequest;
    private final CustomPojoSerializer serializer;
    private final Class<?> eventType;

    private FunctionHost(String name, URLClassLoader loader, Object handler, Method handleRequest,
                         CustomPojoSerializer serializer, Class<?> eventType) {
        this.name = name;
        this.loader = loader;
        this.handler = handler;
        this.handleRequest = handleRequest;
        this.serializer = serializer;
        this.eventType = eventType;
    }

    /** Loads the jar and builds the handler; the event type is the one its RequestHandler declares, as Lambda reads it. */
    static FunctionHost load(String name, Path jar, String handlerClass) {
        if (!Files.isRegularFile(jar)) {
            throw new LocalSystemException("函数 " + name + " 的包不存在 / function jar missing: " + jar
                    + " (run mvn package first)");
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader(name, new URL[] {jar.toUri().toURL()},
                    new LambdaApiClassLoader(FunctionHost.class.getClassLoader()));
        } catch (IOException e) {
            throw new LocalSystemException("无法读取 / cannot read " + jar, e);
        }
        return withContextLoader(loader, () -> {
            CustomPojoSerializer serializer = ServiceLoader.load(CustomPojoSerializer.class, loader).findFirst()
                    .orElseThrow(() -> new LocalSystemException(name + ": no CustomPojoSerializer in " + jar));
            Class<?> type = Class.forName(handlerClass, true, loader);
            Object handler = type.getConstructor().newInstance();
            Method method = type.getMethod("handleRequest", Object.class, Context.class);
            return new FunctionHost(name, loader, handler, method, serializer, eventType(type));
        });
    }

    String name() {
        return name;
    }

    /**
     * The first type argument of the nearest generic superclass whose raw type implements
     * {@code RequestHandler}: {@code APIGatewayV2HTTPEvent} for an HTTP handler, the EventBridge
     * record for a scheduled one.
     */
    static Class<?> eventType(Class<?> handler) {
        for (Class<?> type = handler; type != null && type != Object.class; type = type.getSuperclass()) {
            if (type.getGenericSuperclass() instanceof ParameterizedType generic
                    && implementsRequestHandler((Class<?>) generic.getRawType())
                    && generic.getActualTypeArguments()[0] instanceof Class<?> event) {
                return event;
            }
        }
        throw new LocalSystemException(handler.getName() + " declares no event type (RequestHandler<I, O>)");
    }

    private static boolean implementsRequestHandler(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            for (Class<?> i : t.getInterfaces()) {
                if (i.getName().equals(RequestHandler.class.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The routes the handler declares, route key to access level ({@code "PUT /campaign" -> "ADMIN"});
     * empty for a function that serves no HTTP routes.
     */
    @SuppressWarnings("unchecked")
    Map<String, String> routeAccess() {
        return withContextLoader(loader, () -> {
            try {
                return Map.copyOf((Map<String, String>) handler.getClass().getMethod("routeAccess").invoke(handler));
            } catch (NoSuchMethodException e) {
                return Map.of();
            }
        });
    }

    /**
     * Calls a public static method of the function's own code that takes and answers strings (the admin
     * bootstrap command, say), in the function's loader. A failure inside is answered as its message.
     */
    String callStatic(String className, String method, String... args) {
        return withContextLoader(loader, () -> {
            Class<?>[] types = new Class<?>[args.length];
            java.util.Arrays.fill(types, String.class);
            try {
                return (String) Class.forName(className, true, loader).getMethod(method, types).invoke(null, (Object[]) args);
            } catch (InvocationTargetException e) {
                throw new LocalSystemException(e.getCause().getMessage(), e.getCause());
            }
        });
    }

    /** Invokes the handler with an event given as JSON and answers the response as JSON. */
    byte[] invoke(String eventJson) {
        return withContextLoader(loader, () -> {
            Object event = serializer.fromJson(eventJson, eventType);
            Object response;
            try {
                response = handleRequest.invoke(handler, event, context());
            } catch (InvocationTargetException e) {
                throw new LocalSystemException(name + " failed: " + e.getCause(), e.getCause());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            serializer.toJson(response, out, response.getClass());
            return out.toByteArray();
        });
    }

    private Context context() {
        String requestId = UUID.randomUUID().toString();
        return (Context) Proxy.newProxyInstance(loader, new Class<?>[] {Context.class}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "getAwsRequestId" -> requestId;
                    case "getFunctionName", "getLogStreamName" -> name;
                    case "getLogGroupName" -> "/aws/lambda/" + name;
                    case "getFunctionVersion" -> "$LATEST";
                    case "getInvokedFunctionArn" -> "arn:aws:lambda:local:000000000000:function:" + name;
                    case "getRemainingTimeInMillis" -> 15_000;
                    case "getMemoryLimitInMB" -> 1024;
                    case "getLogger" -> LOGGER;
                    case "toString" -> "LocalContext[" + name + "]";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    interface Action<T> {
        T run() throws Exception;
    }

    /** A function runs with its own loader as the thread's context loader, as Micronaut expects. */
    private static <T> T withContextLoader(ClassLoader loader, Action<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.run();
        } catch (LocalSystemException e) {
            throw e;
        } catch (Exception e) {
            throw new LocalSystemException("function call failed: " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() {
        if (handler instanceof AutoCloseable closeable) {
            withContextLoader(loader, () -> {
                closeable.close();
                return null;
            });
        }
    }
}

package cn.org.cast.dianzan.local;

/**
 * The parent of every function's class loader: it shows a function the Lambda core API
 * ({@code com.amazonaws.services.lambda.runtime} and {@code .logging}) and the JDK, nothing else of
 * the runner, as the real runtime does. Everything else comes from the function's own jar.
 */
final class LambdaApiClassLoader extends ClassLoader {

    private static final String API = "com.amazonaws.services.lambda.runtime.";

    private final ClassLoader runner;

    LambdaApiClassLoader(ClassLoader runner) {
        super("lambda-api", ClassLoader.getPlatformClassLoader());
        this.runner = runner;
    }

    static boolean isLambdaApi(String className) {
        if (!className.startsWith(API)) {
            return false;
        }
        String rest = className.substring(API.length());
        return rest.indexOf('.') < 0 || (rest.startsWith("logging.") && rest.indexOf('.', "logging.".length()) < 0);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (isLambdaApi(name)) {
            return runner.loadClass(name);
        }
        throw new ClassNotFoundException(name);
    }
}

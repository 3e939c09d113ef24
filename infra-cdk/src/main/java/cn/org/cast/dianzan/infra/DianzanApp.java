package cn.org.cast.dianzan.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app. {@code new App()} outside the CDK CLI ignores cdk.json and the CLI's defaults, so the app is
 * always built with cdk.json's context and those defaults: tests, {@code exec:java} and {@code cdk synth}
 * produce the same template.
 */
public final class DianzanApp {

    public static final String STACK_NAME = "DianzanKepu";

    private DianzanApp() {
    }

    /**
     * cdk-nag calls back into Java once per rule and resource, and jsii nests each callback's answer on the
     * calling thread's stack: the default stack (exec:java runs the app on a thread of its own) overflowed once
     * the accounts function's routes were added. The tests run with -Xss16m; the app gets a thread with room.
     */
    private static final long APP_THREAD_STACK_BYTES = 64L * 1024 * 1024;

    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(System.getProperty("dianzan.home", "..")).toAbsolutePath().normalize();
        Throwable[] failure = new Throwable[1];
        Thread synth = new Thread(null, () -> {
            try {
                App app = app(home, null);
                stack(app, FunctionCode.builtJars(home));
                app.synth();
            } catch (RuntimeException | Error e) {
                failure[0] = e;
            }
        }, "cdk-app", APP_THREAD_STACK_BYTES);
        synth.start();
        synth.join();
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
    }

    public static App app(Path home, String outdir) {
        return app(home, outdir, Map.of());
    }

    /** The app with cdk.json's context, {@code overrides} on top (as {@code -c name=value} would give them). */
    @SuppressWarnings("unchecked")
    public static App app(Path home, String outdir, Map<String, Object> overrides) {
        Map<String, Object> context;
        try {
            context = (Map<String, Object>) new ObjectMapper()
                    .readValue(home.resolve("infra-cdk/cdk.json").toFile(), Map.class).get("context");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // What the CLI adds unless told otherwise (its own values win): resource paths, asset paths and the
        // CDKMetadata resource, by which cfn-lint recognizes a CDK template.
        Map<String, Object> withCliDefaults = new LinkedHashMap<>(Map.of("aws:cdk:enable-path-metadata", true,
                "aws:cdk:enable-asset-metadata", true, "aws:cdk:version-reporting", true));
        withCliDefaults.putAll(context);
        withCliDefaults.putAll(overrides);
        AppProps.Builder props = AppProps.builder().context(withCliDefaults);
        if (outdir != null) {
            props.outdir(outdir);
        }
        return new App(props.build());
    }

    /**
     * The stack for the partition the context names ({@code partition}: {@code aws}, the default, or
     * {@code aws-cn}), with its cdk-nag suppressions, and the AwsSolutions checks over the whole app.
     */
    public static DianzanStack stack(App app, FunctionCode code) {
        StackSettings settings = StackSettings.of(app);
        DianzanStack stack = new DianzanStack(app, STACK_NAME, StackProps.builder()
                .description("典赞·科普中国 case collection system (partition " + settings.partition().id() + ")")
                .build(), code, settings);
        NagSuppressionsWithReasons.apply(stack);
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stack;
    }
}

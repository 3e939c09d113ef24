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

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("dianzan.home", "..")).toAbsolutePath().normalize();
        App app = app(home, null);
        stack(app, FunctionCode.builtJars(home));
        app.synth();
    }

    @SuppressWarnings("unchecked")
    public static App app(Path home, String outdir) {
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
        AppProps.Builder props = AppProps.builder().context(withCliDefaults);
        if (outdir != null) {
            props.outdir(outdir);
        }
        return new App(props.build());
    }

    /** The stack with its cdk-nag suppressions, and the AwsSolutions checks over the whole app. */
    public static DianzanStack stack(App app, FunctionCode code) {
        String origin = (String) app.getNode().tryGetContext("webOrigin");
        DianzanStack stack = new DianzanStack(app, STACK_NAME, StackProps.builder()
                .description("典赞·科普中国 case collection system").build(), code, origin);
        NagSuppressionsWithReasons.apply(stack);
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stack;
    }
}

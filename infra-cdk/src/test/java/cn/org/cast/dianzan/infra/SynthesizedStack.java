package cn.org.cast.dianzan.infra;

import cn.org.cast.dianzan.engines.ProjectHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;

/**
 * One synthesized stack per test JVM: starting jsii is most of the cost. The tests look at the
 * infrastructure, not at the code, so every function gets the same stand-in asset and no jar needs to be
 * built first.
 */
final class SynthesizedStack {

    private static DianzanStack stack;
    private static Template template;
    private static Path templateFile;

    private SynthesizedStack() {
    }

    static synchronized DianzanStack stack() {
        if (stack == null) {
            try {
                Path standIn = Files.createTempDirectory("function-code");
                Files.writeString(standIn.resolve("README"), "stands in for a function jar in tests");
                App app = DianzanApp.app(ProjectHome.locate(), Files.createTempDirectory("cdk-out").toString());
                stack = DianzanApp.stack(app, spec -> Code.fromAsset(standIn.toString()));
                templateFile = Path.of(app.synth().getStackByName(stack.getStackName()).getTemplateFullPath());
                template = Template.fromStack(stack);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stack;
    }

    static synchronized Template template() {
        stack();
        return template;
    }

    /** The synthesized CloudFormation template, as {@code cdk synth} writes it. */
    static synchronized Path templateFile() {
        stack();
        return templateFile;
    }
}

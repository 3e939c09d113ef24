package cn.org.cast.dianzan.infra;

import cn.org.cast.dianzan.engines.ProjectHome;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/** One synthesized stack per test JVM: starting jsii is most of the cost. */
final class SynthesizedStack {

    private static DianzanStack stack;
    private static Template template;

    private SynthesizedStack() {
    }

    static synchronized DianzanStack stack() {
        if (stack == null) {
            Path home = ProjectHome.locate();
            try {
                App app = DianzanApp.app(home, Files.createTempDirectory("cdk-out").toString());
                stack = DianzanApp.stack(app, home);
                app.synth();
                template = Template.fromStack(stack);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return stack;
    }

    static synchronized Template template() {
        stack();
        return template;
    }
}

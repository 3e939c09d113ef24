package cn.org.cast.dianzan.infra;

import cn.org.cast.dianzan.engines.ProjectHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;

/**
 * One synthesized stack per partition per test JVM: starting jsii is most of the cost. The tests look at the
 * infrastructure, not at the code, so every function gets the same stand-in asset and no jar needs to be
 * built first. Each partition is synthesized as {@code cdk synth -c partition=<id>} would: cdk.json's context
 * with the partition on top.
 */
final class SynthesizedStack {

    private record Synthesized(DianzanStack stack, Template template, Path templateFile) {
    }

    private static final Map<Partition, Synthesized> SYNTHESIZED = new EnumMap<>(Partition.class);

    private SynthesizedStack() {
    }

    private static synchronized Synthesized of(Partition partition) {
        return SYNTHESIZED.computeIfAbsent(partition, p -> {
            try {
                Path standIn = Files.createTempDirectory("function-code");
                Files.writeString(standIn.resolve("README"), "stands in for a function jar in tests");
                App app = DianzanApp.app(ProjectHome.locate(), Files.createTempDirectory("cdk-out").toString(),
                        Map.of("partition", p.id()));
                DianzanStack stack = DianzanApp.stack(app, spec -> Code.fromAsset(standIn.toString()));
                Path templateFile = Path.of(app.synth().getStackByName(stack.getStackName()).getTemplateFullPath());
                return new Synthesized(stack, Template.fromStack(stack), templateFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The global stack. */
    static DianzanStack stack() {
        return stack(Partition.GLOBAL);
    }

    static Template template() {
        return template(Partition.GLOBAL);
    }

    static Path templateFile() {
        return templateFile(Partition.GLOBAL);
    }

    static DianzanStack stack(Partition partition) {
        return of(partition).stack();
    }

    static Template template(Partition partition) {
        return of(partition).template();
    }

    /** The synthesized CloudFormation template, as {@code cdk synth} writes it. */
    static Path templateFile(Partition partition) {
        return of(partition).templateFile();
    }
}

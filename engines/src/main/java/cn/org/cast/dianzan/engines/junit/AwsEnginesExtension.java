package cn.org.cast.dianzan.engines.junit;

import cn.org.cast.dianzan.engines.AwsEngines;
import cn.org.cast.dianzan.engines.LocalEngines;
import cn.org.cast.dianzan.engines.Provisioner;
import cn.org.cast.dianzan.engines.SamTemplate;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Engines for integration tests: one pair per test JVM (dynalite + S3Proxy by default, LocalStack
 * with {@code -Ddianzan.engines=localstack}), and fresh tables and buckets from template.yaml for
 * every test class, so classes never see each other's data.
 */
public final class AwsEnginesExtension implements BeforeAllCallback, ExecutionCondition, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AwsEnginesExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        resources(context);
    }

    /** Without a Docker engine the LocalStack run disables the tests: reported as skipped, never as passed. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if ("localstack".equals(System.getProperty("dianzan.engines")) && !LocalStackEngines.dockerAvailable()) {
            return ConditionEvaluationResult.disabled(LocalStackEngines.NO_DOCKER);
        }
        return ConditionEvaluationResult.enabled("engines available");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AwsResources.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return resources(context);
    }

    private static AwsResources resources(ExtensionContext context) {
        ExtensionContext classContext = context.getTestClass().isPresent() && context.getTestMethod().isPresent()
                ? context.getParent().orElse(context) : context;
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent("resources", key -> {
            AwsEngines engines = engines(context);
            SamTemplate template = SamTemplate.load();
            String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
            Provisioner.Provisioned provisioned = Provisioner.provision(engines, template, prefix);
            return new ClosingResources(new AwsResources(engines, provisioned.properties(), provisioned.physicalNames()));
        }, ClosingResources.class).resources();
    }

    private static AwsEngines engines(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("engines", key -> {
            String kind = System.getProperty("dianzan.engines", "local");
            AwsEngines engines = "localstack".equals(kind) ? LocalStackEngines.start() : startLocal();
            return new ClosingEngines(engines);
        }, ClosingEngines.class).engines();
    }

    private static AwsEngines startLocal() {
        try {
            return LocalEngines.inMemory(Files.createTempDirectory("dianzan-engines"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record ClosingEngines(AwsEngines engines) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            engines.close();
        }
    }

    private record ClosingResources(AwsResources resources) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            resources.close();
        }
    }

}

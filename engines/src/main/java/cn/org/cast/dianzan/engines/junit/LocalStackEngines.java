package cn.org.cast.dianzan.engines.junit;

import cn.org.cast.dianzan.engines.AwsEngines;
import cn.org.cast.dianzan.engines.Credentials;
import java.net.URI;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/** LocalStack through Testcontainers, where a Docker engine exists; elsewhere the tests are skipped. */
final class LocalStackEngines implements AwsEngines {

    private static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.4.0");

    private final LocalStackContainer container;

    private LocalStackEngines(LocalStackContainer container) {
        this.container = container;
    }

    static final String NO_DOCKER = "没有 Docker 引擎，LocalStack 测试跳过 / no Docker engine: LocalStack ITs skipped, not passed";

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static LocalStackEngines start() {
        if (!dockerAvailable()) {
            throw new TestAbortedException(NO_DOCKER);
        }
        LocalStackContainer container = new LocalStackContainer(IMAGE)
                .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.S3);
        container.start();
        return new LocalStackEngines(container);
    }

    @Override
    public URI dynamoEndpoint() {
        return container.getEndpointOverride(LocalStackContainer.Service.DYNAMODB);
    }

    @Override
    public URI s3Endpoint() {
        return container.getEndpointOverride(LocalStackContainer.Service.S3);
    }

    @Override
    public Credentials credentials() {
        return new Credentials(container.getAccessKey(), container.getSecretKey());
    }

    @Override
    public void close() {
        container.stop();
    }
}

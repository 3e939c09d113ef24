package cn.org.cast.dianzan.engines.junit;

import cn.org.cast.dianzan.engines.AwsEngines;
import cn.org.cast.dianzan.engines.ChildProcess;
import cn.org.cast.dianzan.engines.Credentials;
import cn.org.cast.dianzan.engines.GreenMailServer;
import cn.org.cast.dianzan.engines.ProjectHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack through Testcontainers, where a Docker engine exists; elsewhere the tests are skipped.
 * Mail goes to a GreenMail child process here as well: the same SMTP path and the same way to read it.
 */
final class LocalStackEngines implements AwsEngines {

    private static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.4.0");

    private final LocalStackContainer container;
    private final GreenMailServer greenMail;

    private LocalStackEngines(LocalStackContainer container, GreenMailServer greenMail) {
        this.container = container;
        this.greenMail = greenMail;
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
        try {
            int[] mailPorts = ChildProcess.freePorts(2);
            return new LocalStackEngines(container, GreenMailServer.start(ProjectHome.locate(), mailPorts[0],
                    mailPorts[1], Files.createTempDirectory("dianzan-greenmail")));
        } catch (IOException | RuntimeException e) {
            container.stop();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
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
    public GreenMailServer greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        container.stop();
        greenMail.close();
    }
}

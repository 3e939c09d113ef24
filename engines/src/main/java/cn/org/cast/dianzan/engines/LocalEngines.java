package cn.org.cast.dianzan.engines;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** dynalite and S3Proxy as child processes: in memory for tests, on disk for the local system. */
public final class LocalEngines implements AwsEngines {

    private final Dynalite dynalite;
    private final S3ProxyServer s3proxy;

    private LocalEngines(Dynalite dynalite, S3ProxyServer s3proxy) {
        this.dynalite = dynalite;
        this.s3proxy = s3proxy;
    }

    /** In-memory engines on free ports, logs under {@code workDir}. */
    public static LocalEngines inMemory(Path workDir) {
        return start(null, workDir, List.of(), ChildProcess.freePort(), ChildProcess.freePort());
    }

    /**
     * Engines that keep their data under {@code dataDir} ({@code dynamodb/} and {@code s3/}).
     * Both start in parallel: S3Proxy's JVM takes about a second, dynalite a fraction of it.
     */
    public static LocalEngines onDisk(Path dataDir, List<String> corsOrigins, int dynamoPort, int s3Port) {
        return start(dataDir, dataDir.resolve("logs"), corsOrigins, dynamoPort, s3Port);
    }

    private static LocalEngines start(Path dataDir, Path workDir, List<String> corsOrigins, int dynamoPort, int s3Port) {
        Path home = ProjectHome.locate();
        java.util.concurrent.CompletableFuture<S3ProxyServer> s3 = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                S3ProxyServer.start(home, s3Port, dataDir == null ? null : dataDir.resolve("s3"), corsOrigins,
                        Credentials.LOCAL, workDir));
        Dynalite dynalite;
        try {
            dynalite = Dynalite.start(home, dynamoPort, dataDir == null ? null : dataDir.resolve("dynamodb"), workDir);
        } catch (RuntimeException e) {
            s3.thenAccept(S3ProxyServer::close);
            throw e;
        }
        try {
            return new LocalEngines(dynalite, s3.join());
        } catch (java.util.concurrent.CompletionException e) {
            dynalite.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public URI dynamoEndpoint() {
        return dynalite.endpoint();
    }

    @Override
    public URI s3Endpoint() {
        return s3proxy.endpoint();
    }

    @Override
    public Credentials credentials() {
        return Credentials.LOCAL;
    }

    public Dynalite dynalite() {
        return dynalite;
    }

    @Override
    public void close() {
        dynalite.close();
        s3proxy.close();
    }
}

package cn.org.cast.dianzan.engines;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * dynalite, S3Proxy and GreenMail as child processes: in memory for tests, on disk for the local
 * system. GreenMail keeps mail in memory only, on disk too: received mail is gone after a restart.
 */
public final class LocalEngines implements AwsEngines {

    /** A thread per engine start: the common pool has a single thread on a two-core machine. */
    private static final Executor OWN_THREAD = start -> {
        Thread thread = new Thread(start, "engine-start");
        thread.setDaemon(true);
        thread.start();
    };

    private final Dynalite dynalite;
    private final S3ProxyServer s3proxy;
    private final GreenMailServer greenMail;

    private LocalEngines(Dynalite dynalite, S3ProxyServer s3proxy, GreenMailServer greenMail) {
        this.dynalite = dynalite;
        this.s3proxy = s3proxy;
        this.greenMail = greenMail;
    }

    /** In-memory engines on free ports, logs under {@code workDir}. */
    public static LocalEngines inMemory(Path workDir) {
        int[] ports = ChildProcess.freePorts(2);
        return start(null, workDir, List.of(), ports[0], ports[1]);
    }

    /**
     * Engines that keep their data under {@code dataDir} ({@code dynamodb/} and {@code s3/}); GreenMail
     * on free ports ({@link #smtpPort()}, {@link GreenMailServer#apiEndpoint()}). All three start in
     * parallel: S3Proxy's and GreenMail's JVMs take about a second each, dynalite a fraction of it.
     */
    public static LocalEngines onDisk(Path dataDir, List<String> corsOrigins, int dynamoPort, int s3Port) {
        return start(dataDir, dataDir.resolve("logs"), corsOrigins, dynamoPort, s3Port);
    }

    private static LocalEngines start(Path dataDir, Path workDir, List<String> corsOrigins, int dynamoPort, int s3Port) {
        Path home = ProjectHome.locate();
        // chosen before any engine binds its own: distinct from each other and from DynamoDB's and S3's
        int[] mailPorts = ChildProcess.freePorts(2, dynamoPort, s3Port);
        CompletableFuture<S3ProxyServer> s3 = CompletableFuture.supplyAsync(() ->
                S3ProxyServer.start(home, s3Port, dataDir == null ? null : dataDir.resolve("s3"), corsOrigins,
                        Credentials.LOCAL, workDir), OWN_THREAD);
        CompletableFuture<GreenMailServer> mail = CompletableFuture.supplyAsync(() ->
                GreenMailServer.start(home, mailPorts[0], mailPorts[1], workDir), OWN_THREAD);
        Dynalite dynalite;
        try {
            dynalite = Dynalite.start(home, dynamoPort, dataDir == null ? null : dataDir.resolve("dynamodb"), workDir);
        } catch (RuntimeException e) {
            s3.thenAccept(S3ProxyServer::close);
            mail.thenAccept(GreenMailServer::close);
            throw e;
        }
        try {
            return new LocalEngines(dynalite, s3.join(), mail.join());
        } catch (CompletionException e) {
            dynalite.close();
            s3.thenAccept(S3ProxyServer::close);
            mail.thenAccept(GreenMailServer::close);
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
    public GreenMailServer greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        dynalite.close();
        s3proxy.close();
        greenMail.close();
    }
}

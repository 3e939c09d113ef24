package cn.org.cast.dianzan.engines;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * S3Proxy 2.6.0 as S3, from its all-in-one jar in a JVM of its own (embedding it clashes with the
 * Micronaut platform's Jetty and leaks Netty into function jars). Transient or filesystem backend.
 */
public final class S3ProxyServer implements AutoCloseable {

    private final ChildProcess process;
    private final URI endpoint;

    private S3ProxyServer(ChildProcess process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static S3ProxyServer start(Path home, int port, Path dataDir, List<String> corsOrigins,
                                      Credentials credentials, Path workDir) {
        Path jar = locateJar(home);
        try {
            Files.createDirectories(workDir);
            Path properties = workDir.resolve("s3proxy-" + port + ".properties");
            Path logback = workDir.resolve("s3proxy-logback.xml");
            Files.writeString(logback, """
                    <configuration>
                      <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d %-5level %logger{20} - %msg%n</pattern></encoder>
                      </appender>
                      <root level="WARN"><appender-ref ref="OUT"/></root>
                    </configuration>
                    """, StandardCharsets.UTF_8);
            Properties props = new Properties();
            props.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
            props.setProperty("s3proxy.authorization", "aws-v2-or-v4");
            props.setProperty("s3proxy.identity", credentials.accessKeyId());
            props.setProperty("s3proxy.credential", credentials.secretAccessKey());
            props.setProperty("jclouds.identity", credentials.accessKeyId());
            props.setProperty("jclouds.credential", credentials.secretAccessKey());
            props.putAll(corsSettings(corsOrigins));
            if (dataDir == null) {
                props.setProperty("jclouds.provider", "transient");
            } else {
                Files.createDirectories(dataDir);
                props.setProperty("jclouds.provider", "filesystem");
                props.setProperty("jclouds.filesystem.basedir", dataDir.toAbsolutePath().toString());
            }
            // Written by Properties itself: a regular expression's backslashes and a data path's
            // Chinese characters survive only escaped.
            try (OutputStream out = Files.newOutputStream(properties)) {
                props.store(out, "S3Proxy for the local engines");
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ChildProcess process = ChildProcess.start("s3proxy", List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=" + logback,
                    "-jar", jar.toString(), "--properties", properties.toString()),
                    workDir.resolve("s3proxy-" + port + ".log"));
            process.awaitPort(port, Duration.ofSeconds(60));
            return new S3ProxyServer(process, URI.create("http://127.0.0.1:" + port));
        } catch (IOException e) {
            throw new EngineException("无法准备 S3Proxy / cannot prepare S3Proxy: " + e.getMessage(), e);
        }
    }

    /**
     * What a browser page of an allowed origin may do with presigned URLs: PUT (photos and parts), GET
     * and HEAD, reading ETag. S3Proxy matches the origins as regular expressions and the headers a
     * preflight names as they come, which a browser lowercases.
     */
    static Properties corsSettings(List<String> corsOrigins) {
        Properties cors = new Properties();
        if (!corsOrigins.isEmpty()) {
            cors.setProperty("s3proxy.cors-allow-origins",
                    corsOrigins.stream().map(Pattern::quote).collect(Collectors.joining(" ")));
            cors.setProperty("s3proxy.cors-allow-methods", "GET PUT HEAD");
            cors.setProperty("s3proxy.cors-allow-headers", "content-type content-length content-md5");
            cors.setProperty("s3proxy.cors-exposed-headers", "ETag");
        }
        return cors;
    }

    static Path locateJar(Path home) {
        String configured = System.getProperty("dianzan.s3proxy.jar");
        Path jar = configured != null ? Path.of(configured) : home.resolve(".engines/s3proxy.jar");
        if (!Files.isRegularFile(jar)) {
            throw new EngineException("未找到 S3Proxy：请先运行 mvn -pl engines generate-resources / S3Proxy jar missing at " + jar
                    + ": build the engines module first");
        }
        return jar;
    }

    public URI endpoint() {
        return endpoint;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}

package cn.org.cast.dianzan.engines;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** dynalite (npm, pinned in package.json) as DynamoDB: in memory, or on disk under a data directory. */
public final class Dynalite implements AutoCloseable {

    private final ChildProcess process;
    private final URI endpoint;

    private Dynalite(ChildProcess process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static Dynalite start(Path home, int port, Path dataDir, Path logDir) {
        Path cli = home.resolve("node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new EngineException("未安装 dynalite：请在项目根目录运行 npm ci / dynalite is not installed: run `npm ci` in " + home);
        }
        requireNode();
        List<String> command = new ArrayList<>(List.of("node", cli.toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (dataDir != null) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new EngineException("无法创建数据目录 / cannot create data dir " + dataDir + ": " + e.getMessage(), e);
            }
            command.addAll(List.of("--path", dataDir.toString()));
        }
        ChildProcess process = ChildProcess.start("dynalite", command, logDir.resolve("dynalite-" + port + ".log"));
        process.awaitPort(port, Duration.ofSeconds(30));
        return new Dynalite(process, URI.create("http://127.0.0.1:" + port));
    }

    static void requireNode() {
        try {
            Process probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String version = new String(probe.getInputStream().readAllBytes()).trim();
            if (probe.waitFor() != 0 || !version.startsWith("v")) {
                throw new EngineException("node 无法运行 / node does not run: " + version);
            }
            int major = Integer.parseInt(version.substring(1, version.indexOf('.')));
            if (major < 20) {
                throw new EngineException("需要 Node.js 20 或更高版本 / Node.js 20+ is required, found " + version);
            }
        } catch (IOException e) {
            throw new EngineException("未找到 node：请安装 Node.js 20+ / node not found on PATH: install Node.js 20+", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted", e);
        }
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

package cn.org.cast.dianzan.local;

import cn.org.cast.dianzan.engines.ChildProcess;
import cn.org.cast.dianzan.engines.EngineException;
import cn.org.cast.dianzan.engines.LocalEngines;
import cn.org.cast.dianzan.engines.ProjectHome;
import cn.org.cast.dianzan.engines.Provisioner;
import cn.org.cast.dianzan.engines.SamTemplate;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole system on this machine: dynalite and S3Proxy with data on disk, the tables and bucket
 * of template.yaml, every function from its own jar, and the HTTP API routed by template.yaml.
 */
public final class LocalSystem implements AutoCloseable {

    record Options(int port, Path dataDir) {

        static Options parse(String[] args, Path home) {
            int port = 8080;
            Path data = home.resolve(".local-data");
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--port" -> {
                        port = parsePort(value);
                        i++;
                    }
                    case "--data" -> {
                        if (value == null) {
                            throw new LocalSystemException("--data 需要一个目录 / --data needs a directory");
                        }
                        data = Path.of(value).toAbsolutePath().normalize();
                        i++;
                    }
                    case "--help", "-h" -> throw new LocalSystemException(usage());
                    default -> throw new LocalSystemException("未知参数 / unknown argument: " + args[i] + "\n" + usage());
                }
            }
            return new Options(port, data);
        }

        private static int parsePort(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException | NullPointerException e) {
                throw new LocalSystemException("--port 须为 1 到 65535 的端口号 / --port needs a port number, got " + value);
            }
        }

        static String usage() {
            return "usage: bin/local [--port 8080] [--data .local-data]";
        }
    }

    private final List<AutoCloseable> resources = new ArrayList<>();
    private LocalAccounts accounts;
    private Gateway gateway;
    private LocalScheduler scheduler;
    private final Map<String, FunctionHost> functions = new LinkedHashMap<>();

    private LocalSystem() {
    }

    public static void main(String[] args) {
        try {
            LocalSystem system = start(args);
            Runtime.getRuntime().addShutdownHook(new Thread(system::close, "local-system-stop"));
        } catch (LocalSystemException | EngineException e) {
            System.err.println();
            System.err.println("本地系统无法启动 / the local system cannot start:");
            System.err.println("  " + e.getMessage());
            System.exit(2);
        }
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts everything; on failure whatever was started is stopped again before the error is thrown. */
    public static LocalSystem start(String... args) {
        LocalSystem system = new LocalSystem();
        try {
            system.startAll(args);
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    public int port() {
        return gateway.port();
    }

    private void startAll(String[] args) {
        Path home = ProjectHome.locate();
        Options options = Options.parse(args, home);
        Path data = prepareDataDir(options.dataDir());
        HttpServer server = Gateway.bind(options.port());
        resources.add(() -> server.stop(0));
        SamTemplate template = SamTemplate.load(home.resolve("template.yaml"));

        String origin = "http://127.0.0.1:" + options.port();
        System.out.println("Starting dynalite and S3Proxy with data in " + data + " ...");
        int[] enginePorts = ChildProcess.freePorts(2, options.port());
        LocalEngines engines = LocalEngines.onDisk(data, List.of(origin, "http://localhost:" + options.port()),
                enginePorts[0], enginePorts[1]);
        resources.add(0, engines);
        Map<String, String> properties;
        try {
            properties = Provisioner.provision(engines, template, "").properties();
        } catch (RuntimeException e) {
            String engineLog = engines.dynalite().process().isAlive() ? "" : "\n  dynalite exited:\n"
                    + engines.dynalite().process().logTail();
            throw new LocalSystemException("无法在数据目录中建表，数据可能已损坏 / cannot provision tables, the data directory "
                    + data + " may be damaged (" + e.getMessage() + "); logs: " + data.resolve("logs") + engineLog, e);
        }
        // Tokens: the accounts function signs with a key file here; the issuer is this origin, the audience
        // the one template.yaml's JWT authorizer trusts. The gateway verifies with the function's JWKS.
        String audience = JwtAuthorizerSettings.audience(home.resolve("template.yaml"));
        properties = new LinkedHashMap<>(properties);
        properties.put("dianzan.tokens.issuer", origin);
        properties.put("dianzan.tokens.audience", audience);
        properties.put("dianzan.tokens.key-file", data.resolve("keys").resolve("signing-key.json").toString());
        Path previousKey = data.resolve("keys").resolve("previous-signing-key.json");
        if (Files.exists(previousKey)) {
            properties.put("dianzan.tokens.previous-key-file", previousKey.toString());
        }
        properties.forEach(System::setProperty);

        ObjectMapper json = new ObjectMapper();
        AtomicReference<Gateway> started = new AtomicReference<>();
        JwtVerifier verifier = new JwtVerifier(origin, audience,
                () -> started.get().call("GET", "/.well-known/jwks.json", Map.of(), null).text(), Clock.systemUTC());
        accounts = new LocalAccounts(data.resolve("local-accounts.json"), engines.greenMail(), json, Clock.systemUTC());
        LocalScheduler scheduler = new LocalScheduler(verifier, json, Clock.systemUTC());
        for (SamTemplate.Function function : template.functions()) {
            System.out.println("Loading " + function.logicalId() + " from " + function.codeUri());
            FunctionHost host = FunctionHost.load(function.logicalId(), home.resolve(function.codeUri()),
                    function.handler());
            resources.add(0, host);
            if (function.scheduled()) {
                scheduler.add(function, host);
            } else {
                functions.put(function.logicalId(), host);
            }
        }
        RouteTable routeTable = new RouteTable(template);
        WebClient web = new WebClient(home.resolve("web").resolve("dist"), json);
        gateway = Gateway.start(server, routeTable, functions, verifier, accounts, json, Clock.systemUTC(),
                home.resolve("openapi.yaml"), web);
        started.set(gateway);
        resources.add(0, gateway);
        this.scheduler = scheduler;
        resources.add(0, scheduler);

        Gateway.Response campaign = gateway.call("GET", "/campaign", Map.of(), null);
        if (campaign.status() != 200) {
            throw new LocalSystemException("无法读取征集活动 / cannot read the campaign: " + campaign.status() + " "
                    + campaign.text());
        }
        String accountsFunction = routeTable.match("GET", "/.well-known/jwks.json")
                .orElseThrow(() -> new LocalSystemException("template.yaml has no accounts function (GET /.well-known/jwks.json)"))
                .target().function().logicalId();
        accounts.seed(gateway, functions.get(accountsFunction));
        scheduler.start(server);
        printWelcome(origin, template, campaign.text(), scheduler, web);
    }

    /** Each HTTP function's declared routes with their access levels, by the function's logical id. */
    public Map<String, Map<String, String>> routeAccess() {
        Map<String, Map<String, String>> access = new LinkedHashMap<>();
        functions.forEach((id, host) -> access.put(id, host.routeAccess()));
        return access;
    }

    /** The newest six-digit code GreenMail received for the address (tests read registrations' codes so). */
    public String mailedCode(String email) {
        return accounts.codeFor(email);
    }

    /** The seeded admin's authenticator code now. */
    public String adminTotp() {
        return String.valueOf(accounts.adminCode().get("code"));
    }

    /** Runs a scheduled function now, as its rule would; answers its report as JSON. */
    public String runJob(String logicalId) {
        return scheduler.run(logicalId);
    }

    private void printWelcome(String origin, SamTemplate template, String campaign, LocalScheduler scheduler,
                              WebClient web) {
        System.out.println();
        System.out.println("典赞·科普中国 local system is up: " + origin);
        System.out.println(web.built()
                ? "  web client: " + origin + "/  (from " + web.root() + ")"
                : "  web client: 尚未构建 / not built: run `" + WebClient.BUILD_HINT + "` (bin/local does), then open "
                        + origin + "/");
        System.out.println("  campaign: " + campaign);
        System.out.println("  routes (from template.yaml, with who may call each as its handler declares):");
        Map<String, Map<String, String>> access = routeAccess();
        new RouteTable(template).targets().forEach(t -> System.out.println("    " + t.route().routeKey() + "   ["
                + access.get(t.function().logicalId()).get(t.route().routeKey()) + "]  -> " + t.function().logicalId()));
        scheduler.jobNames().forEach(job -> System.out.println("  scheduled: " + job + " (on its rate, and on demand: "
                + "curl -X POST " + origin + LocalScheduler.PATH + job + " -H 'Authorization: Bearer <admin token>')"));
        accounts.printWelcome(origin);
        System.out.println("  contract: " + origin + "/openapi.yaml");
        System.out.println("  Ctrl-C stops everything; data stays for the next start.");
    }

    private Path prepareDataDir(Path data) {
        try {
            if (Files.exists(data) && !Files.isDirectory(data)) {
                throw new LocalSystemException("数据目录不是目录 / the data path is not a directory: " + data);
            }
            Files.createDirectories(data);
            FileChannel channel = FileChannel.open(data.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new LocalSystemException("数据目录正被另一个本地系统使用 / another local system uses " + data);
            }
            resources.add(channel);
            return data;
        } catch (IOException e) {
            throw new LocalSystemException("无法使用数据目录 / cannot use the data directory " + data + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
        resources.clear();
    }
}

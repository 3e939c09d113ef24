package cn.org.cast.dianzan.local;

import cn.org.cast.dianzan.engines.SamTemplate;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge for the local system: each scheduled function of template.yaml runs once as the
 * system starts (catching up on what happened while it was stopped), then on its {@code rate(...)},
 * and on demand, {@code POST /local/jobs/{id}} with an admin's token. Each run hands the function a
 * scheduled event as a rule would.
 */
final class LocalScheduler implements AutoCloseable {

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    static final String PATH = "/local/jobs/";

    private record Job(SamTemplate.Function function, FunctionHost host) {
    }

    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final JwtVerifier identity;
    private final ObjectMapper json;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "local-scheduler");
        thread.setDaemon(true);
        return thread;
    });

    LocalScheduler(JwtVerifier identity, ObjectMapper json, Clock clock) {
        this.identity = identity;
        this.json = json;
        this.clock = clock;
    }

    void add(SamTemplate.Function function, FunctionHost host) {
        jobs.put(function.logicalId(), new Job(function, host));
    }

    /** Starts the timers and serves the on-demand runs on the gateway's server. */
    void start(HttpServer server) {
        server.createContext(PATH, this::serve);
        for (Job job : jobs.values()) {
            runLogged(job);
            for (SamTemplate.Schedule schedule : job.function().schedules()) {
                Optional<Duration> period = period(schedule.expression());
                if (period.isEmpty()) {
                    System.out.println("  " + job.function().logicalId() + ": " + schedule.expression()
                            + " is not run on a timer locally; run it with POST " + PATH + job.function().logicalId());
                    continue;
                }
                long seconds = period.get().toSeconds();
                timer.scheduleAtFixedRate(() -> runLogged(job), seconds, seconds, TimeUnit.SECONDS);
            }
        }
    }

    static Optional<Duration> period(String expression) {
        Matcher m = RATE.matcher(expression.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "minute", "minutes" -> Duration.ofMinutes(n);
            case "hour", "hours" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        });
    }

    Iterable<String> jobNames() {
        return jobs.keySet();
    }

    /** One run of a job, as EventBridge would start it; answers the function's report as JSON. */
    String run(String logicalId) {
        Job job = jobs.get(logicalId);
        if (job == null) {
            throw new LocalSystemException("no scheduled function " + logicalId);
        }
        synchronized (job) {
            return new String(job.host().invoke(event(job)), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private void runLogged(Job job) {
        try {
            System.out.println("[scheduler] " + job.function().logicalId() + " -> " + run(job.function().logicalId()));
        } catch (RuntimeException e) {
            // EventBridge would retry and then dead-letter; locally the next tick tries again.
            System.err.println("[scheduler] " + job.function().logicalId() + " failed: " + e.getMessage());
        }
    }

    private String event(Job job) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", "000000000000");
        event.put("time", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        event.put("region", "local");
        event.put("resources", new String[] {"arn:aws:events:local:000000000000:rule/" + job.function().logicalId()});
        event.put("detail", Map.of());
        try {
            return json.writeValueAsString(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring(PATH.length());
        int status;
        Object body;
        Optional<Map<String, String>> claims = identity.verify(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!exchange.getRequestMethod().equals("POST")) {
            status = 405;
            body = Map.of("message", "Method Not Allowed");
        } else if (claims.isEmpty()) {
            status = 401;
            body = Map.of("message", "Unauthorized");
        } else if (!isAdmin(claims.get())) {
            status = 403;
            body = Map.of("error", Map.of("code", "ADMIN_ONLY", "message", "仅管理员可以执行此操作"));
        } else if (!jobs.containsKey(name)) {
            status = 404;
            body = Map.of("error", Map.of("code", "NOT_FOUND", "message", "没有名为 " + name + " 的定时任务"));
        } else {
            try {
                body = json.readTree(run(name));
                status = 200;
            } catch (RuntimeException failed) {
                // As EventBridge would see it: the run failed; the answer still has the error shape.
                System.err.println("[scheduler] " + name + " failed: " + failed.getMessage());
                status = 500;
                body = Map.of("error", Map.of("code", "INTERNAL_ERROR", "message", "系统繁忙，请稍后再试"));
            }
        }
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static boolean isAdmin(Map<String, String> claims) {
        return Arrays.stream(claims.getOrDefault("groups", "").replace("[", "").replace("]", "").split("[\\s,]+"))
                .anyMatch("admin"::equals);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

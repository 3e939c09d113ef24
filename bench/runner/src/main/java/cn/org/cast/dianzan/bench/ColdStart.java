package cn.org.cast.dianzan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts one fresh JVM for a subject, pinned to one CPU as a small Lambda sandbox is, and times it
 * from outside: from starting the process to the probe's INIT and RESPONSE lines. The JVM takes the
 * function's memory size for its machine's (MaxRAM), so its heap and GC ergonomics are a sandbox's.
 */
final class ColdStart implements AutoCloseable {

    /**
     * One cold start: wall seconds to the response and to the end of init, the CPU seconds it took
     * (less disturbed than wall time by whatever else shares the CPU), peak RSS, and the answer: an
     * HTTP function's status code, a scheduled job's outcome (its JobReport's); failed for a 5xx.
     */
    record Sample(double seconds, double initSeconds, double cpuSeconds, double peakRssMb, String answer,
                  boolean failed) {
    }

    /** The measured JVMs' CPU; bin/bench-cold keeps this runner and the engines on another. */
    private static final String MEASURED_CPU = "0";
    /** Named, never loaded here: the probe's Lambda API is on the function jar's class path, not on ours. */
    private static final String PROBE = "cn.org.cast.dianzan.bench.probe.ColdInvoke";
    private static final long TIMEOUT_SECONDS = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path probeClassPath;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "cold-start-deadline");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Process running;
    private volatile boolean closed;

    ColdStart(Path workDir) throws IOException {
        probeClassPath = extractProbe(workDir.resolve("probe"));
        // Ctrl-C: the JVM being measured goes with us.
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "stop-cold-start"));
    }

    Sample run(Subject subject) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("taskset", "-c", MEASURED_CPU,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:MaxRAM=" + subject.memoryMb() + "m",
                "-cp", subject.jar() + File.pathSeparator + probeClassPath, PROBE,
                subject.handler(), subject.eventClass(), subject.event().toString()))
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(ColdStart::notLambdas);
        builder.environment().putAll(subject.environment());
        long start = System.nanoTime();
        Process process = builder.start();
        running = process;
        ScheduledFuture<?> deadline = deadlines.schedule(process::destroyForcibly, TIMEOUT_SECONDS, TimeUnit.SECONDS);
        try {
            return read(subject, process, start);
        } finally {
            deadline.cancel(false);
            process.waitFor();
            running = null;
        }
    }

    private Sample read(Subject subject, Process process, long start) throws IOException {
        double init = -1;
        double seconds = -1;
        String answer = null;
        boolean failed = false;
        long peakRssKb = -1;
        long cpuMs = -1;
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader lines = process.inputReader(StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                if (line.equals("INIT")) {
                    init = elapsed;
                } else if (line.startsWith("RESPONSE ")) {
                    seconds = elapsed;
                    JsonNode response = JSON.readTree(line.substring("RESPONSE ".length()));
                    if (response.has("statusCode")) {
                        int status = response.path("statusCode").asInt();
                        answer = Integer.toString(status);
                        failed = status >= 500;
                    } else {
                        answer = response.path("outcome").asText("?");
                    }
                } else if (line.startsWith("PEAK_RSS_KB ")) {
                    peakRssKb = Long.parseLong(line.substring("PEAK_RSS_KB ".length()));
                } else if (line.startsWith("CPU_MS ")) {
                    cpuMs = Long.parseLong(line.substring("CPU_MS ".length()));
                } else {
                    tail.addLast(line);
                    if (tail.size() > 40) {
                        tail.removeFirst();
                    }
                }
            }
        }
        if (closed) {
            // Ctrl-C reached the measured JVM too: whatever it answered while stopping means nothing.
            throw new CancellationException("stopped");
        }
        if (seconds < 0 || peakRssKb < 0 || cpuMs < 0) {
            throw new IllegalStateException(subject.handler() + " in " + subject.jar() + " gave no response:\n"
                    + String.join("\n", tail));
        }
        return new Sample(seconds, init, cpuMs / 1000.0, peakRssKb / 1024.0, answer, failed);
    }

    /** This shell's AWS and JVM settings are not the function's: Lambda would not pass them on. */
    private static boolean notLambdas(String variable) {
        return variable.startsWith("DIANZAN_") || variable.startsWith("AWS_")
                || List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS").contains(variable);
    }

    /** The probe's class file alone in a directory: beside the jar, the measured JVM sees nothing else of ours. */
    private static Path extractProbe(Path dir) throws IOException {
        String file = PROBE.replace('.', '/') + ".class";
        Path target = dir.resolve(file);
        Files.createDirectories(target.getParent());
        try (InputStream probe = ColdStart.class.getClassLoader().getResourceAsStream(file)) {
            if (probe == null) {
                throw new IllegalStateException(file + " is missing from the runner's jar");
            }
            Files.copy(probe, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    @Override
    public void close() {
        closed = true;
        Process process = running;
        if (process != null) {
            process.destroyForcibly();
        }
        deadlines.shutdownNow();
    }
}

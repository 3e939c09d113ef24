package cn.org.cast.dianzan.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An engine started as a child process behind a small shell watchdog: when this JVM dies, even by
 * SIGKILL, the watchdog sees its parent gone within a second and ends the engine, so no engine
 * outlives the tests or the local system that started it.
 */
public final class ChildProcess implements AutoCloseable {

    private static final String WATCHDOG = """
            parent=$1; shift
            "$@" &
            child=$!
            trap 'kill $child 2>/dev/null; wait $child; exit 0' TERM INT HUP
            while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1 & wait $!; done
            kill $child 2>/dev/null
            wait $child
            """;

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static ChildProcess start(String name, List<String> command, Path log) {
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG, "watchdog",
                Long.toString(ProcessHandle.current().pid())));
        wrapped.addAll(command);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(wrapped)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            ChildProcess child = new ChildProcess(name, process, log);
            Runtime.getRuntime().addShutdownHook(new Thread(child::close, "stop-" + name));
            return child;
        } catch (IOException e) {
            throw new EngineException("无法启动 " + name + " / cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Polls the port until the engine accepts connections; fails fast, with its log, if it exits. */
    public void awaitPort(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new EngineException(name + " 启动失败 / exited during start (code " + process.exitValue() + "):\n"
                        + logTail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        close();
        throw new EngineException(name + " 未在 " + timeout.toSeconds() + " 秒内就绪 / not ready in time:\n" + logTail());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + log + ")";
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for an engine", e);
        }
    }

    /**
     * {@code count} distinct free ports, none of them one of {@code taken} (ports chosen before but not yet
     * bound by their engine): the sockets are held open until all are chosen, so two calls in a row
     * cannot hand out the same port, as two {@link #freePort()} calls can.
     */
    public static int[] freePorts(int count, int... taken) {
        java.util.List<java.net.ServerSocket> held = new java.util.ArrayList<>();
        java.util.Set<Integer> avoid = java.util.Arrays.stream(taken).boxed().collect(java.util.stream.Collectors.toSet());
        try {
            int[] ports = new int[count];
            int found = 0;
            while (found < count) {
                java.net.ServerSocket socket = new java.net.ServerSocket(0);
                held.add(socket);
                if (avoid.add(socket.getLocalPort())) {
                    ports[found++] = socket.getLocalPort();
                }
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (java.net.ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a probe socket: nothing to do
                }
            }
        }
    }

    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package cn.org.cast.dianzan.bench.accounts;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Argon2id cost alone: PasswordHasher's defaults and parameter sets around them (OWASP's five, RFC 9106's
 * second), each in a fresh JVM limited as a Lambda is ({@link Argon2Cost}: pinned to one CPU with taskset,
 * {@code -XX:ActiveProcessorCount=1}, the function's memory as MaxRAM); then, from the cost per pass measured
 * at 19 and 46 MiB, the passes that bring those sizes nearest 100 ms on this CPU and 100 ms on a Lambda of
 * the function's memory size (which gets {@code memory / 1769} of a vCPU), measured as well.
 */
final class Argon2Bench {

    /** Lambda gives a function one vCPU-second per second at this memory size, proportionally less below it. */
    static final int ONE_VCPU_MB = 1769;

    private record Candidate(Argon2Parameters parameters, String note) {
    }

    /** One set's figures (ms), or why it could not be measured. */
    private record Measured(Candidate candidate, double hash, double hashP90, double verify, double verifyP90,
                            double verifyCpu, double gcPerCall, double firstHash, double firstHashCpu, double firstVerify,
                            double mean, long heapMb, int storedLength, String failure) {
        Measured noted(String more) {
            return new Measured(new Candidate(candidate.parameters(), candidate.note() + "; " + more), hash, hashP90,
                    verify, verifyP90, verifyCpu, gcPerCall, firstHash, firstHashCpu, firstVerify, mean, heapMb,
                    storedLength, failure);
        }

        boolean failed() {
            return failure != null;
        }
    }

    /** The Markdown section, and the default's figures for the comparison with sign-ins through the handler. */
    record Result(String markdown, double verifyMs, double meanMs) {
    }

    private Argon2Bench() {
    }

    static Result run(int lambdaMb, int runs, int warmUp) throws IOException, InterruptedException {
        Argon2Parameters defaults = Argon2Parameters.defaults();
        boolean pinned = onPath("taskset");
        List<Candidate> candidates = List.of(
                new Candidate(defaults, "**the default** (PasswordHasher's)"),
                new Candidate(new Argon2Parameters(7168, 5, 1), "OWASP option"),
                new Candidate(new Argon2Parameters(9216, 4, 1), "OWASP option"),
                new Candidate(new Argon2Parameters(12288, 3, 1), "OWASP option"),
                new Candidate(new Argon2Parameters(19456, 2, 1), "OWASP option"),
                new Candidate(new Argon2Parameters(47104, 1, 1), "OWASP option"),
                new Candidate(new Argon2Parameters(65536, 3, 1), "RFC 9106's second option, one lane"),
                new Candidate(new Argon2Parameters(65536, 3, 4), "RFC 9106's second option (4 lanes)"),
                new Candidate(new Argon2Parameters(defaults.memoryKib(), defaults.iterations(), 2), "the default, 2 lanes"));
        Map<Argon2Parameters, Measured> measured = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            Measured before = measured.get(candidate.parameters());
            measured.put(candidate.parameters(), before == null ? measure(candidate, lambdaMb, runs, warmUp, pinned)
                    : before.noted(candidate.note()));
        }

        double lambdaShare = Math.min(1.0, lambdaMb / (double) ONE_VCPU_MB);
        Map<String, Double> targets = new LinkedHashMap<>();
        targets.put("≈ 100 ms on this CPU", 100.0);
        targets.put(String.format(Locale.ROOT, "≈ 100 ms on a %d MB Lambda (%.0f ms here)", lambdaMb, 100.0 * lambdaShare),
                100.0 * lambdaShare);
        for (Map.Entry<String, Double> target : targets.entrySet()) {
            for (int memoryKib : new int[] {19456, 47104}) {
                // the cost of one pass at this size, from a one-lane set of the same size measured above
                double msPerPass = measured.values().stream().filter(m -> !m.failed()
                                && m.candidate().parameters().parallelism() == 1
                                && m.candidate().parameters().memoryKib() == memoryKib)
                        .mapToDouble(m -> m.mean() / m.candidate().parameters().iterations()).min().orElseThrow();
                int passes = (int) Math.max(1, Math.round(target.getValue() / msPerPass));
                Argon2Parameters proposal = new Argon2Parameters(memoryKib, passes, 1);
                Measured again = measured.get(proposal);
                measured.put(proposal, again == null
                        ? measure(new Candidate(proposal, "calibrated: " + target.getKey()), lambdaMb, runs, warmUp, pinned)
                        : again.noted("calibrated: " + target.getKey()));
            }
        }
        Measured standard = measured.get(defaults);
        return new Result(markdown(measured.values(), standard, runs, warmUp, lambdaMb, lambdaShare, pinned),
                standard.verify(), standard.mean());
    }

    private static Measured measure(Candidate candidate, int lambdaMb, int runs, int warmUp, boolean pinned)
            throws IOException, InterruptedException {
        String jar;
        try {
            jar = Path.of(Argon2Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Argon2Parameters p = candidate.parameters();
        List<String> command = new ArrayList<>();
        if (pinned) {
            command.addAll(List.of("taskset", "-c", "0"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ActiveProcessorCount=1", "-XX:MaxRAM=" + lambdaMb + "m", BenchAccounts.QUIET_PASSWORD4J,
                "-cp", jar, Argon2Cost.class.getName(), "--memory-kib", Integer.toString(p.memoryKib()),
                "--iterations", Integer.toString(p.iterations()), "--parallelism", Integer.toString(p.parallelism()),
                "--runs", Integer.toString(runs), "--warmup", Integer.toString(warmUp)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        String line = output.lines().filter(l -> l.startsWith("RESULT ") || l.startsWith("FAILED ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the Argon2 JVM for " + p + " exited " + exit + ":\n" + output));
        if (line.startsWith("FAILED ")) {
            System.err.println("  " + p + ": " + line.substring("FAILED ".length()));
            return new Measured(candidate, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, line.substring("FAILED ".length()));
        }
        String[] f = line.split(" ");
        double[] v = Arrays.stream(f, 1, 11).mapToDouble(Double::parseDouble).toArray();
        Measured m = new Measured(candidate, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9],
                Long.parseLong(f[11]), Integer.parseInt(f[12]), null);
        System.err.printf(Locale.ROOT, "  %-40s hash %6.1f ms, verify %6.1f ms (medians), first hash %6.0f ms%n", p,
                m.hash(), m.verify(), m.firstHash());
        return m;
    }

    private static String markdown(java.util.Collection<Measured> measured, Measured standard, int runs, int warmUp,
                                   int lambdaMb, double lambdaShare, boolean pinned) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "Argon2id through PasswordHasher (password4j 1.8.4), each parameter set in a fresh JVM limited as a"
                        + " Lambda is: %s`-XX:ActiveProcessorCount=1`, `-XX:MaxRAM=%dm` (heap %d MB). Per set: the"
                        + " first hash (PasswordHasher's constructor, as at the function's init), %d untimed hash + verify"
                        + " rounds, then %d timed hashes and %d timed verifies, alternating. Mean: over all the timed"
                        + " calls, the garbage collections they cause included (each call copies an m-KiB block array;"
                        + " where the collections fall decides which of hash and verify has the higher median). The last"
                        + " column is that mean ÷ %.2f: a %d MB Lambda gets %.2f of a vCPU (one at %d MB), if a vCPU"
                        + " there is as fast as one here.%n%n",
                pinned ? "pinned to one CPU (`taskset -c 0`), " : "(no taskset: not pinned), ", lambdaMb,
                standard.heapMb(), warmUp, runs, runs, lambdaShare, lambdaMb, lambdaShare, ONE_VCPU_MB));
        md.append("| parameters | why | hash ms: median | p90 | verify ms: median | p90 | mean ms | verify CPU ms (mean) |"
                + " GC ms per call | first hash, fresh JVM ms | on a " + lambdaMb + " MB Lambda, est. ms |\n"
                + "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (Measured m : measured) {
            if (m.failed()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | | | | | | | | |%n", m.candidate().parameters(),
                        m.candidate().note(), m.failure()));
            } else {
                md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f |%n",
                        m.candidate().parameters(), m.candidate().note(), m.hash(), m.hashP90(), m.verify(),
                        m.verifyP90(), m.mean(), m.verifyCpu(), m.gcPerCall(), m.firstHash(), m.mean() / lambdaShare));
            }
        }
        md.append(String.format(Locale.ROOT, "%nThe calibrated rows: the passes that bring 19 and 46 MiB nearest each"
                + " target, from the mean cost per pass measured at that size. The default's first hash in a fresh JVM"
                + " took %.0f ms (%.0f ms CPU), its first verify after that %.0f ms. Stored hash: %d characters.%n",
                standard.firstHash(), standard.firstHashCpu(), standard.firstVerify(), standard.storedLength()));
        return md.toString();
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}

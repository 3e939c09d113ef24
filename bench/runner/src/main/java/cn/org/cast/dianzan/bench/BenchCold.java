package cn.org.cast.dianzan.bench;

import cn.org.cast.dianzan.bench.ColdStart.Sample;
import cn.org.cast.dianzan.engines.LocalEngines;
import cn.org.cast.dianzan.engines.ProjectHome;
import cn.org.cast.dianzan.engines.Provisioner;
import cn.org.cast.dianzan.engines.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * bin/bench-cold: the cold start (JVM start to first response) of every function of template.yaml
 * against a plain handler doing the same DynamoDB work, on dynalite, each in fresh JVMs pinned to
 * one CPU. A benchmark, not a test: a missed goal is reported, not failed.
 */
public final class BenchCold {

    private record Options(int runs, String record, String commit, String machine) {

        /** --runs and --record come from the user; --commit and --machine from bin/bench-cold. */
        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>(Map.of("--runs", "15", "--commit", "unknown", "--machine", "unknown"));
            for (int i = 0; i < args.length; i += 2) {
                if (!(values.containsKey(args[i]) || args[i].equals("--record")) || i + 1 >= args.length) {
                    throw new IllegalArgumentException("usage: bin/bench-cold [--runs N] [--record \"section title\"]");
                }
                values.put(args[i], args[i + 1]);
            }
            int runs = Integer.parseInt(values.get("--runs"));
            if (runs < 1) {
                throw new IllegalArgumentException("--runs must be at least 1");
            }
            return new Options(runs, values.get("--record"), values.get("--commit"), values.get("--machine"));
        }
    }

    private BenchCold() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path home = ProjectHome.locate();
        SamTemplate template = SamTemplate.load();
        Path work = Files.createTempDirectory("bench-cold");
        try (LocalEngines engines = LocalEngines.inMemory(work.resolve("logs")); ColdStart cold = new ColdStart(work)) {
            Map<String, String> tables = Provisioner.provision(engines, template, "bench-").physicalNames();
            List<Comparison> comparisons = Scenarios.discover(home, template, (function, seed, event) -> {
                if (seed == null) {
                    return withLocalStandIns(function, engines.lambdaEnvironment(function, tables), work);
                }
                // Tables of its own: what it seeds (a case of the samples' account) must not change
                // what the other functions' samples read (that account's cases and binding).
                Map<String, String> own = Provisioner.provision(engines, template,
                        "bench-" + Scenarios.name(function.logicalId()) + "-").physicalNames();
                try (DynamoDbClient dynamo = engines.newDynamoClient()) {
                    seed.write(dynamo, own, event);
                }
                return withLocalStandIns(function, engines.lambdaEnvironment(function, own), work);
            });
            for (Comparison c : comparisons) {
                for (Subject subject : c.inOrder(0)) {
                    if (!Files.isRegularFile(subject.jar())) {
                        throw new IllegalStateException(subject.jar() + " is missing: build it (bin/bench-cold does)");
                    }
                }
            }
            String loadBefore = loadAverage();
            List<Report.Result> results;
            try {
                results = measure(cold, comparisons, options.runs());
            } catch (CancellationException stopped) {
                System.out.println("stopped");
                return;
            }
            String markdown = Report.markdown(String.format(Locale.ROOT,
                    "Measured %s at commit `%s` with `bin/bench-cold --runs %d`: per function and variant %d cold"
                            + " JVMs after one untimed warm-up, the variants interleaved. Machine: %s; load average"
                            + " (1, 5, 15 min) %s before, %s after.",
                    LocalDate.now(ZoneOffset.UTC), options.commit(), options.runs(), options.runs(), options.machine(),
                    loadBefore, loadAverage()), results);
            System.out.println();
            System.out.println(markdown);
            if (options.record() != null) {
                Path doc = home.resolve("docs/performance.md");
                Report.record(doc, options.record(), markdown);
                System.out.println("recorded in " + doc + " under \"" + options.record() + "\"");
            }
        }
    }

    /**
     * Round 0 is the warm-up: the jars into the page cache; the real function run once alone first,
     * so that both variants then find the state it leaves (the campaign stored, the deadline job's
     * closing recorded) and every timed sample of either does the same reads and writes; then both
     * variants, their answers compared.
     */
    private static List<Report.Result> measure(ColdStart cold, List<Comparison> comparisons, int runs) throws Exception {
        Map<Subject, List<Sample>> timed = new HashMap<>();
        for (int round = 0; round <= runs; round++) {
            StringBuilder progress = new StringBuilder(round == 0 ? "warm-up    " : String.format("round %2d/%d", round, runs));
            for (Comparison comparison : comparisons) {
                if (round == 0) {
                    Sample first = succeeded(comparison, comparison.real(), cold.run(comparison.real()));
                    if (comparison.expected() != null && !comparison.expected().equals(first.answer())) {
                        throw new IllegalStateException(comparison.function() + " answered " + first.answer() + " to "
                                + comparison.event() + ", not " + comparison.expected() + ": its seed no longer matches"
                                + " what the function reads (bench/runner's Seeds)");
                    }
                    progress.append(String.format(Locale.ROOT, "  %s (first: %s)", comparison.function(), first.answer()));
                }
                Map<Subject, Sample> samples = new HashMap<>();
                for (Subject subject : comparison.inOrder(round)) {
                    Sample sample = succeeded(comparison, subject, cold.run(subject));
                    samples.put(subject, sample);
                    if (round > 0) {
                        timed.computeIfAbsent(subject, s -> new ArrayList<>()).add(sample);
                    }
                }
                if (round == 0) {
                    requireSameAnswer(comparison, samples);
                }
                progress.append(String.format(Locale.ROOT, "  %s %.2f", comparison.function(),
                        samples.get(comparison.real()).seconds()));
                if (comparison.baseline() != null) {
                    progress.append(String.format(Locale.ROOT, "/%.2f s", samples.get(comparison.baseline()).seconds()));
                }
            }
            System.out.println(progress);
        }
        return comparisons.stream().map(c -> new Report.Result(c, timed.get(c.real()),
                c.baseline() == null ? List.of() : timed.get(c.baseline()))).toList();
    }

    /**
     * What only a deployment knows, given locally as LambdaEnvironmentIT gives it: for a function that signs
     * tokens (its template names DIANZAN_TOKENS_ISSUER, the API's domain) a local issuer and, instead of the
     * KMS key, a key file, made by the function's first run (the warm-up's, alone) and read by every later
     * one, its baseline's included.
     */
    private static Map<String, String> withLocalStandIns(SamTemplate.Function function, Map<String, String> environment,
                                                         Path work) {
        if (function.environment().stream().noneMatch(v -> v.name().equals("DIANZAN_TOKENS_ISSUER"))) {
            return environment;
        }
        Map<String, String> all = new java.util.LinkedHashMap<>(environment);
        all.putIfAbsent("DIANZAN_TOKENS_ISSUER", "http://127.0.0.1:8080");
        all.putIfAbsent("DIANZAN_TOKENS_KEY_FILE", work.resolve("keys").resolve(Scenarios.name(function.logicalId())
                + "-signing-key.json").toString());
        return all;
    }

    private static Sample succeeded(Comparison comparison, Subject subject, Sample sample) {
        if (sample.failed()) {
            throw new IllegalStateException(comparison.function() + " (" + subject.variant() + ") answered "
                    + sample.answer() + " to " + comparison.event() + ": the bench wants a call that succeeds");
        }
        return sample;
    }

    /** How busy the machine was: on a shared machine the absolute times move with it, the ratios much less. */
    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return String.join(" ", fields[0], fields[1], fields[2]);
    }

    /** A baseline that answers otherwise than its function does other work, and the ratio would mean nothing. */
    private static void requireSameAnswer(Comparison comparison, Map<Subject, Sample> samples) {
        if (comparison.baseline() != null
                && !samples.get(comparison.real()).answer().equals(samples.get(comparison.baseline()).answer())) {
            throw new IllegalStateException(comparison.function() + " answers " + samples.get(comparison.real()).answer()
                    + " to " + comparison.event() + " but its baseline " + samples.get(comparison.baseline()).answer()
                    + ": they do not do the same work");
        }
    }
}

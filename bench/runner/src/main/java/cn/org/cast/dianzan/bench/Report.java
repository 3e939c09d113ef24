package cn.org.cast.dianzan.bench;

import cn.org.cast.dianzan.bench.ColdStart.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * One run's table in Markdown, with the project's goals checked: printed, and recorded as a section
 * of docs/performance.md when asked (a later run under the same title replaces that section).
 */
final class Report {

    private static final double RATIO_GOAL = 1.15;
    private static final double JAR_GOAL_MB = 12;

    /** A function's timed samples per variant; no baseline samples where no baseline is written yet. */
    record Result(Comparison comparison, List<Sample> real, List<Sample> baseline) {

        /** The goal's ratio: real over baseline, of the median cold start. */
        double ratio() {
            return ratio(Sample::seconds);
        }

        /** The same of the median CPU time: a check on the wall-time ratio when the machine is busy. */
        double cpuRatio() {
            return ratio(Sample::cpuSeconds);
        }

        private double ratio(ToDoubleFunction<Sample> value) {
            return baseline.isEmpty() ? Double.NaN : median(real, value) / median(baseline, value);
        }
    }

    private Report() {
    }

    static String markdown(String header, List<Result> results) {
        StringBuilder md = new StringBuilder(header).append("\n\n")
                .append("| function | event | variant | jar MB | cold s: median | min | p90 | max | init s (median)"
                        + " | CPU s (median) | peak RSS MB (median) | answer | real / baseline: cold (CPU) |\n")
                .append("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (Result result : results) {
            Comparison c = result.comparison();
            md.append(row(c.function(), c.event(), c.real(), result.real(),
                    result.baseline().isEmpty() ? "no baseline yet"
                            : String.format(Locale.ROOT, "**%.2f×** (%.2f×)", result.ratio(), result.cpuRatio())));
            if (!result.baseline().isEmpty()) {
                md.append(row("", "", c.baseline(), result.baseline(), ""));
            }
        }
        md.append("\nGoal per function: real / baseline ≤ ").append(RATIO_GOAL).append("× and jar ≤ ")
                .append((int) JAR_GOAL_MB).append(" MB.\n\n");
        for (Result result : results) {
            double jar = result.comparison().real().jarMegabytes();
            md.append(String.format(Locale.ROOT, "- %s: %s, jar %.1f MB (%s)%n", result.comparison().function(),
                    Double.isNaN(result.ratio()) ? "no baseline to compare with"
                            : String.format(Locale.ROOT, "%.2f× (%s)", result.ratio(), met(result.ratio() <= RATIO_GOAL)),
                    jar, met(jar <= JAR_GOAL_MB)));
        }
        return md.toString();
    }

    /** Replaces the section {@code ## title} of the document, or appends it. */
    static void record(Path doc, String title, String markdown) throws IOException {
        String heading = "## " + title + "\n";
        String section = heading + "\n" + markdown.strip() + "\n";
        String text = Files.isRegularFile(doc) ? Files.readString(doc) : "# Performance\n";
        int at = text.indexOf("\n" + heading);
        if (at < 0) {
            text = text.stripTrailing() + "\n\n" + section;
        } else {
            int next = text.indexOf("\n## ", at + 1);
            text = text.substring(0, at + 1) + section + (next < 0 ? "" : "\n" + text.substring(next + 1));
        }
        Files.writeString(doc, text);
    }

    private static String row(String function, String event, Subject subject, List<Sample> samples, String ratio) {
        Spread cold = Spread.of(samples.stream().map(Sample::seconds).toList());
        String statuses = samples.stream().map(Sample::answer).distinct().collect(Collectors.joining("/"));
        return String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %s | %s |%n",
                function, event, subject.variant(), subject.jarMegabytes(), cold.median(), cold.min(), cold.p90(),
                cold.max(), median(samples, Sample::initSeconds), median(samples, Sample::cpuSeconds),
                median(samples, Sample::peakRssMb), statuses, ratio);
    }

    private static double median(List<Sample> samples, ToDoubleFunction<Sample> value) {
        return Spread.of(samples.stream().map(value::applyAsDouble).toList()).median();
    }

    private static String met(boolean met) {
        return met ? "met" : "missed";
    }
}

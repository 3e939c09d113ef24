package cn.org.cast.dianzan.bench.summary;

import cn.org.cast.dianzan.summary.print.CaseSheet;
import cn.org.cast.dianzan.summary.print.CaseSheetPdf;
import cn.org.cast.dianzan.summary.print.Rendered;
import cn.org.cast.dianzan.summary.print.SummarySheet;
import cn.org.cast.dianzan.summary.print.SummarySheetPdf;
import cn.org.cast.dianzan.summary.print.SummarySheetXlsx;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * bin/bench-summary: what printing costs the summary function, warm. The summary sheet of a unit at
 * its full quota (6 cases) as PDF and XLSX, together (POST /units/me/summary renders both) and each
 * alone, and one case sheet with two photos of ~1 MB (GET /cases/{id}/sheet); the renderers called
 * directly, no engines, no handler. First each document's first call in a fresh JVM (the font parsed,
 * PDFBox, POI and ImageIO loaded: what the first request after a cold start pays on top), then in
 * this JVM untimed warm-up rounds and the timed runs, the documents interleaved; per document the
 * median, p90, min and max, the bytes allocated per call, the output's size and pages, and the heap.
 * A benchmark, not a test: it asserts only that each renderer gives a document.
 */
public final class BenchSummary {

    /** A measured call: which renderers, and what they make of the fixtures. */
    private enum Document {
        SUMMARY_BOTH("summary sheet, PDF + XLSX (`SummarySheetPdf` then `SummarySheetXlsx`)"),
        SUMMARY_PDF("summary sheet, PDF alone (`SummarySheetPdf`)"),
        SUMMARY_XLSX("summary sheet, XLSX alone (`SummarySheetXlsx`)"),
        CASE_PDF("case sheet with two ~1 MB photos, PDF (`CaseSheetPdf`)");

        final String label;

        Document(String label) {
            this.label = label;
        }

        Output render(SummarySheet summary, CaseSheet caseSheet) {
            return switch (this) {
                case SUMMARY_PDF -> pdf(SummarySheetPdf.render(summary));
                case SUMMARY_XLSX -> xlsx(SummarySheetXlsx.render(summary));
                case SUMMARY_BOTH -> {
                    Output pdf = pdf(SummarySheetPdf.render(summary));
                    Output xlsx = xlsx(SummarySheetXlsx.render(summary));
                    yield new Output(pdf.bytes() + xlsx.bytes(), pdf.pages(), pdf.unprintable());
                }
                case CASE_PDF -> pdf(CaseSheetPdf.render(caseSheet));
            };
        }
    }

    /** What a call made: its bytes, its (PDF's) pages, the characters the font could not draw. */
    private record Output(long bytes, int pages, List<String> unprintable) {
    }


    private record Options(int runs, int warmup) {

        static Options parse(String[] args) {
            int runs = 50;
            int warmup = 10;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length || !args[i + 1].matches("[0-9]{1,6}")) {
                    usage();
                }
                switch (args[i]) {
                    case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                    case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                    default -> usage();
                }
            }
            if (runs < 1) {
                usage();
            }
            return new Options(runs, warmup);
        }

        private static void usage() {
            System.err.println("usage: bin/bench-summary [--runs N, default 50] [--warmup N, default 10]");
            System.exit(2);
        }
    }

    private static final String COLD_FIRST = "--cold-first";
    private static final long COLD_TIMEOUT_SECONDS = 180;

    private BenchSummary() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals(COLD_FIRST)) {
            coldFirst(Document.valueOf(args[1]), Path.of(args[2]));
            return;
        }
        Options options = Options.parse(args);
        String loadBefore = loadAverage();
        Path work = Files.createTempDirectory("bench-summary");
        try {
            // The summary sheet's first calls, before the photos are made.
            Map<Document, Double> firstMs = new EnumMap<>(Document.class);
            for (Document document : List.of(Document.SUMMARY_BOTH, Document.SUMMARY_PDF, Document.SUMMARY_XLSX)) {
                firstMs.put(document, firstCallInFreshJvm(document, work));
                System.out.printf(Locale.ROOT, "first call in a fresh JVM: %s %.0f ms%n", document.name(), firstMs.get(document));
            }
            long start = System.nanoTime();
            Photos.Photo landscape = Photos.jpeg(2400, 1600, 2026);
            Photos.Photo portrait = Photos.jpeg(1800, 2400, 626);
            System.out.printf(Locale.ROOT, "photos made in %.1f s: %s; %s%n", (System.nanoTime() - start) / 1e9,
                    describe(landscape), describe(portrait));
            Files.write(work.resolve("landscape.jpg"), landscape.jpeg());
            Files.write(work.resolve("portrait.jpg"), portrait.jpeg());
            firstMs.put(Document.CASE_PDF, firstCallInFreshJvm(Document.CASE_PDF, work));
            System.out.printf(Locale.ROOT, "first call in a fresh JVM: %s %.0f ms%n", Document.CASE_PDF.name(),
                    firstMs.get(Document.CASE_PDF));
            SummarySheet summary = Fixtures.summarySheet();
            CaseSheet caseSheet = Fixtures.caseSheet(landscape.jpeg(), portrait.jpeg());

            Map<Document, Output> outputs = new EnumMap<>(Document.class);
            for (int round = 0; round < options.warmup(); round++) {
                for (Document document : Document.values()) {
                    outputs.put(document, document.render(summary, caseSheet));
                }
            }
            System.out.printf("warmed up: %d rounds%n", options.warmup());

            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            Map<Document, double[]> millis = new EnumMap<>(Document.class);
            Map<Document, double[]> allocatedMb = new EnumMap<>(Document.class);
            for (Document document : Document.values()) {
                millis.put(document, new double[options.runs()]);
                allocatedMb.put(document, new double[options.runs()]);
            }
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .forEach(MemoryPoolMXBean::resetPeakUsage);
            long[] gcBefore = gc();
            for (int run = 0; run < options.runs(); run++) {
                for (Document document : Document.values()) {
                    long allocated = threads.getCurrentThreadAllocatedBytes();
                    long t0 = System.nanoTime();
                    Output output = document.render(summary, caseSheet);
                    long nanos = System.nanoTime() - t0;
                    millis.get(document)[run] = nanos / 1e6;
                    allocatedMb.get(document)[run] = (threads.getCurrentThreadAllocatedBytes() - allocated) / 1048576.0;
                    outputs.put(document, output);
                }
            }
            long[] gcAfter = gc();
            long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.gc();
            long heapAfter = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long heapMax = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();

            StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                    "%nMeasured %s at commit `%s` with `bin/bench-summary --runs %d --warmup %d`: each document's first"
                            + " call in a fresh JVM, then in one JVM %d untimed rounds and %d timed ones, the documents"
                            + " interleaved. Machine: %s; JVM options %s; load average (1, 5, 15 min) %s before, %s after.%n%n",
                    LocalDate.now(ZoneOffset.UTC), System.getProperty("dianzan.commit", "unknown"), options.runs(),
                    options.warmup(), options.warmup(), options.runs(), System.getProperty("dianzan.machine", "unknown"),
                    jvmOptions().isEmpty() ? "none" : "`" + String.join(" ", jvmOptions()) + "`", loadBefore, loadAverage()));
            md.append(String.format(Locale.ROOT, "Documents: the summary sheet of a unit's 6 recommended cases (3 per"
                    + " category, names of 20 characters, one subtype 其他（…）); the case sheet of one of them, its form"
                    + " full (summary of 500 characters, detail of 3000, 3 media reports, 2 awards), with two JPEG photos:"
                    + " %s, %s.%n%n", describe(landscape), describe(portrait)));
            md.append("| document | first call, fresh JVM ms | median ms | p90 ms | min ms | max ms |"
                    + " allocated MB per call (median) | output bytes | pages |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
            for (Document document : Document.values()) {
                double[] ms = millis.get(document);
                Output output = outputs.get(document);
                md.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %,d | %s |%n",
                        document.label, firstMs.get(document), median(ms), p90(ms), min(ms), max(ms),
                        median(allocatedMb.get(document)), output.bytes(),
                        document == Document.SUMMARY_XLSX ? "–" : Integer.toString(output.pages())));
            }
            md.append(String.format(Locale.ROOT, "%nHeap over the timed runs: peak %.0f MB (the heap pools' peaks summed),"
                            + " %.0f MB in use after a full GC at the end, of %.0f MB at most; %d collections, %d ms in GC.%n",
                    peakHeap / 1048576.0, heapAfter / 1048576.0, heapMax / 1048576.0, gcAfter[0] - gcBefore[0],
                    gcAfter[1] - gcBefore[1]));
            Set<String> unprintable = new LinkedHashSet<>();
            outputs.values().forEach(o -> unprintable.addAll(o.unprintable()));
            if (!unprintable.isEmpty()) {
                md.append("\nCharacters the font could not draw (printed as 〓): ").append(String.join(" ", unprintable))
                        .append('\n');
            }
            System.out.println(md);
        } finally {
            try (Stream<Path> files = Files.list(work)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(work);
        }
    }

    /** In a child JVM: one first call of the document, its time printed for the parent (COLD nanos bytes pages). */
    private static void coldFirst(Document document, Path photos) throws IOException {
        SummarySheet summary = Fixtures.summarySheet();
        CaseSheet caseSheet = document != Document.CASE_PDF ? null : Fixtures.caseSheet(
                Files.readAllBytes(photos.resolve("landscape.jpg")), Files.readAllBytes(photos.resolve("portrait.jpg")));
        long start = System.nanoTime();
        Output output = document.render(summary, caseSheet);
        long nanos = System.nanoTime() - start;
        System.out.println("COLD " + nanos + " " + output.bytes() + " " + output.pages());
    }

    /** The first call of the document in a fresh JVM with this one's heap settings, in ms. */
    private static double firstCallInFreshJvm(Document document, Path photos) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchSummary.class.getName(),
                COLD_FIRST, document.name(), photos.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        }
        if (!process.waitFor(COLD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the first call of " + document + " took over " + COLD_TIMEOUT_SECONDS + " s");
        }
        for (String line : lines) {
            if (line.startsWith("COLD ")) {
                return Long.parseLong(line.split(" ")[1]) / 1e6;
            }
        }
        throw new IllegalStateException("the first call of " + document + " in a fresh JVM failed (exit "
                + process.exitValue() + "):\n" + String.join("\n", lines));
    }

    /** The heap and GC settings this JVM was started with (bin/bench-summary's), for the fresh JVMs too. */
    private static List<String> jvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-X")).toList();
    }


    private static Output pdf(Rendered rendered) {
        if (rendered.pages() < 1 || !new String(rendered.bytes(), 0, Math.min(5, rendered.bytes().length),
                StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new IllegalStateException("a renderer gave no PDF (" + rendered.bytes().length + " bytes, "
                    + rendered.pages() + " pages)");
        }
        return new Output(rendered.bytes().length, rendered.pages(), rendered.unprintable());
    }

    private static Output xlsx(byte[] xlsx) {
        if (xlsx.length < 4 || xlsx[0] != 'P' || xlsx[1] != 'K') {
            throw new IllegalStateException("SummarySheetXlsx gave no XLSX (a ZIP): " + xlsx.length + " bytes");
        }
        return new Output(xlsx.length, 0, List.of());
    }

    private static String describe(Photos.Photo photo) {
        return String.format(Locale.ROOT, "%s %d×%d, %,d bytes (%.3f MiB; JPEG quality %.2f, grain %d)",
                photo.width() > photo.height() ? "landscape" : "portrait", photo.width(), photo.height(),
                photo.jpeg().length, photo.jpeg().length / 1048576.0, photo.quality(), photo.grain());
    }

    /** Collections and milliseconds in GC so far, over every collector. */
    private static long[] gc() {
        long count = 0;
        long time = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            time += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {count, time};
    }

    /** Median, and p90 by nearest rank, as bench-cold's Spread computes them. */
    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double p90(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(0.9 * sorted.length) - 1];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    private static String loadAverage() throws IOException {
        return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
    }
}

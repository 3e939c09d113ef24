package cn.org.cast.dianzan.bench;

import cn.org.cast.dianzan.engines.SamTemplate;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What each function of template.yaml is measured with: for an HTTP function a read route that does
 * real DynamoDB work, for a scheduled one (EventBridge) a tick of its schedule, and its plain
 * counterpart in bench/baseline. A function not listed here yet is still measured, on the first GET
 * event of its events folder (the first event of any kind for a scheduled function), without a
 * baseline until someone writes one. The function's event class is the one its handler declares.
 * A scenario whose route reads state that no function leaves behind has a seed ({@link Seeds}),
 * written into tables of its own, and the answer its warm-up must give.
 */
final class Scenarios {

    private record Scenario(String event, String baselineHandler, Seeds.Seed seed, String expected) {

        Scenario(String event, String baselineHandler) {
            this(event, baselineHandler, null, null);
        }
    }

    /** The environment of a function on the engines: on the shared tables, or, given a seed, on tables of its own. */
    @FunctionalInterface
    interface Environments {
        Map<String, String> of(SamTemplate.Function function, Seeds.Seed seed, Path event);
    }

    private static final String BASELINES = "cn.org.cast.dianzan.bench.baseline.";
    private static final Map<String, Scenario> MEASURED = Map.of(
            "campaign", new Scenario("get-campaign.json", BASELINES + "CampaignBaseline"),
            "code-binding", new Scenario("who-am-i.json", BASELINES + "CodeBindingBaseline"),
            "case-save", new Scenario("list-cases.json", BASELINES + "CaseSaveBaseline"),
            "deadline-job", new Scenario("scheduled-tick.json", BASELINES + "DeadlineJobBaseline"),
            "media-upload", new Scenario("get-upload.json", BASELINES + "MediaUploadBaseline",
                    Seeds::completedUpload, "200"),
            "quota", new Scenario("get-unit-quota.json", BASELINES + "QuotaBaseline",
                    Seeds::unitWithRecommendation, "200"),
            "summary", new Scenario("get-summary.json", BASELINES + "SummaryBaseline",
                    Seeds::unitWithRecommendation, "200"),
            "accounts", new Scenario("sign-in.json", BASELINES + "AccountsBaseline",
                    Seeds::signedUpAccount, "200"));

    private static final Path BASELINE_JAR = Path.of("bench/baseline/target/baseline-function.jar");

    private Scenarios() {
    }

    /** Every HTTP or scheduled function of the template, its jar from CodeUri and its events from events/&lt;name&gt;/. */
    static List<Comparison> discover(Path home, SamTemplate template, Environments environments) {
        List<Comparison> comparisons = new ArrayList<>();
        for (SamTemplate.Function function : template.functions()) {
            String name = name(function.logicalId());
            if (function.routes().isEmpty() && !function.scheduled()) {
                System.out.println("skipped " + name + ": neither an HTTP nor a scheduled function, no event to send it");
                continue;
            }
            Path events = home.resolve("events").resolve(name);
            Optional<Scenario> scenario = Optional.ofNullable(MEASURED.get(name))
                    .or(() -> firstEvent(events, function.scheduled()).map(event -> new Scenario(event, null)));
            if (scenario.isEmpty()) {
                System.out.println("skipped " + name + ": no " + (function.scheduled() ? "" : "GET ") + "event in " + events);
                continue;
            }
            Path event = events.resolve(scenario.get().event());
            Map<String, String> variables = environments.of(function, scenario.get().seed(), event);
            Path jar = home.resolve(function.codeUri());
            Subject real = new Subject("Micronaut function", jar, function.handler(),
                    EventTypes.declaredBy(jar, function.handler()), event, function.memorySize(), variables);
            Subject baseline = scenario.get().baselineHandler() == null ? null
                    : new Subject("plain baseline", home.resolve(BASELINE_JAR), scenario.get().baselineHandler(),
                            Map.class.getName(), event, function.memorySize(), variables);
            comparisons.add(new Comparison(name, scenario.get().event(), real, baseline, scenario.get().expected()));
        }
        return comparisons;
    }

    /** CodeBindingFunction → code-binding: the name of its folders under functions/ and events/. */
    static String name(String logicalId) {
        return logicalId.replaceFirst("Function$", "").replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The first sample (by file name) of a scheduled function, or the first GET of an HTTP one. */
    private static Optional<String> firstEvent(Path events, boolean scheduled) {
        if (!Files.isDirectory(events)) {
            return Optional.empty();
        }
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(events)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted()
                    .filter(f -> scheduled || routeKey(json, f).startsWith("GET "))
                    .map(f -> f.getFileName().toString())
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String routeKey(ObjectMapper json, Path event) {
        try {
            return json.readTree(event.toFile()).path("routeKey").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

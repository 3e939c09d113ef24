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
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What each function of template.yaml is measured with: a read route that does real DynamoDB work,
 * and its plain counterpart in bench/baseline. A function not listed here yet is still measured, on
 * the first GET event of its events folder, without a baseline until someone writes one.
 */
final class Scenarios {

    private record Scenario(String event, String baselineHandler) {
    }

    private static final String BASELINES = "cn.org.cast.dianzan.bench.baseline.";
    private static final Map<String, Scenario> MEASURED = Map.of(
            "campaign", new Scenario("get-campaign.json", BASELINES + "CampaignBaseline"),
            "code-binding", new Scenario("who-am-i.json", BASELINES + "CodeBindingBaseline"),
            "case-save", new Scenario("list-cases.json", BASELINES + "CaseSaveBaseline"));

    private static final String HTTP_EVENT = "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent";
    private static final Path BASELINE_JAR = Path.of("bench/baseline/target/baseline-function.jar");

    private Scenarios() {
    }

    /** Every HTTP function of the template, its jar from CodeUri and its events from events/&lt;name&gt;/. */
    static List<Comparison> discover(Path home, SamTemplate template,
                                     Function<SamTemplate.Function, Map<String, String>> environment) {
        List<Comparison> comparisons = new ArrayList<>();
        for (SamTemplate.Function function : template.functions()) {
            String name = name(function.logicalId());
            if (function.routes().isEmpty()) {
                System.out.println("skipped " + name + ": not an HTTP function, no event type to send it");
                continue;
            }
            Path events = home.resolve("events").resolve(name);
            Optional<Scenario> scenario = Optional.ofNullable(MEASURED.get(name))
                    .or(() -> firstGetEvent(events).map(event -> new Scenario(event, null)));
            if (scenario.isEmpty()) {
                System.out.println("skipped " + name + ": no GET event in " + events);
                continue;
            }
            Path event = events.resolve(scenario.get().event());
            Map<String, String> variables = environment.apply(function);
            Subject real = new Subject("Micronaut function", home.resolve(function.codeUri()), function.handler(),
                    HTTP_EVENT, event, function.memorySize(), variables);
            Subject baseline = scenario.get().baselineHandler() == null ? null
                    : new Subject("plain baseline", home.resolve(BASELINE_JAR), scenario.get().baselineHandler(),
                            Map.class.getName(), event, function.memorySize(), variables);
            comparisons.add(new Comparison(name, scenario.get().event(), real, baseline));
        }
        return comparisons;
    }

    /** CodeBindingFunction → code-binding: the name of its folders under functions/ and events/. */
    static String name(String logicalId) {
        return logicalId.replaceFirst("Function$", "").replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Optional<String> firstGetEvent(Path events) {
        if (!Files.isDirectory(events)) {
            return Optional.empty();
        }
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(events)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted()
                    .filter(f -> routeKey(json, f).startsWith("GET "))
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

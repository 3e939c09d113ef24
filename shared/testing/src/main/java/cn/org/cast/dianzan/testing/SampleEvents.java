package cn.org.cast.dianzan.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The sample events of one folder of events/, each with the answer its name promises: a success with
 * what its body must show, or a failure with its error code. {@link #assertCoverFolder} holds the list
 * to the folder, so a sample added, renamed or pointed at an undeclared route cannot go unchecked.
 */
public final class SampleEvents implements Iterable<SampleEvents.Sample> {

    /** One sample: its file name, the status and error code it promises, and what else its answer must show. */
    public record Sample(String folder, String name, int status, String errorCode, String promise,
                         Consumer<APIGatewayV2HTTPResponse> then) {

        public APIGatewayV2HTTPEvent event() {
            return LambdaEvents.http(folder + "/" + name + ".json");
        }

        public void assertKeptBy(APIGatewayV2HTTPResponse response) {
            Answers.assertAnswer(response, status, errorCode);
            then.accept(response);
        }

        @Override
        public String toString() {
            return name + " -> " + status + (errorCode == null ? "" : " " + errorCode)
                    + (promise == null ? "" : ": " + promise);
        }
    }

    private final String folder;
    private final List<Sample> samples = new ArrayList<>();

    private SampleEvents(String folder) {
        this.folder = folder;
    }

    /** The samples of {@code events/<folder>/}. */
    public static SampleEvents in(String folder) {
        return new SampleEvents(folder);
    }

    /** A sample that succeeds with this status, and whose answer shows what {@code then} checks. */
    public SampleEvents answers(String name, int status, String promise, Consumer<APIGatewayV2HTTPResponse> then) {
        samples.add(new Sample(folder, name, status, null, promise, then));
        return this;
    }

    /** A sample that fails with this status and error code. */
    public SampleEvents fails(String name, int status, String errorCode) {
        samples.add(new Sample(folder, name, status, errorCode, null, response -> { }));
        return this;
    }

    @Override
    public Iterator<Sample> iterator() {
        return samples.iterator();
    }

    /** Every file of the folder is listed exactly once, and each names a route the handler declares. */
    public void assertCoverFolder(Set<String> declaredRouteKeys) {
        List<String> problems = new ArrayList<>();
        Set<String> files = files();
        Set<String> listed = new TreeSet<>();
        for (Sample sample : samples) {
            if (!listed.add(sample.name())) {
                problems.add(sample.name() + ": listed twice");
            }
        }
        files.stream().filter(f -> !listed.contains(f)).forEach(f -> problems.add(f + ": in the folder, not checked"));
        listed.stream().filter(s -> !files.contains(s)).forEach(s -> problems.add(s + ": checked, not in the folder"));
        listed.stream().filter(files::contains).forEach(name -> {
            String routeKey = LambdaEvents.http(folder + "/" + name + ".json").getRouteKey();
            if (!declaredRouteKeys.contains(routeKey)) {
                problems.add(name + ": " + routeKey + " is not a route of the handler");
            }
        });
        if (!problems.isEmpty()) {
            throw new AssertionError("events/" + folder + "/:\n" + String.join("\n", problems));
        }
    }

    private Set<String> files() {
        try (Stream<Path> files = Files.list(LambdaEvents.eventsDir().resolve(folder))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json"))
                    .map(f -> f.substring(0, f.length() - ".json".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

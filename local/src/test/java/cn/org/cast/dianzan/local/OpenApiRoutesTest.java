package cn.org.cast.dianzan.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.ProjectHome;
import cn.org.cast.dianzan.engines.SamTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * openapi.yaml describes exactly the routes of template.yaml (the one route table), each public or
 * secured alike: a route missing from either side, or guarded differently, fails.
 */
class OpenApiRoutesTest {

    private static final Path TEMPLATE = ProjectHome.templateFile();
    private static final Path CONTRACT = ProjectHome.locate().resolve("openapi.yaml");

    @TempDir
    Path dir;

    /** Each route key of the template, and whether API Gateway wants a token for it. */
    private static Map<String, Boolean> templateRoutes(SamTemplate template) {
        Map<String, Boolean> routes = new TreeMap<>();
        new RouteTable(template).targets().forEach(t -> routes.put(t.route().routeKey(), t.route().authorized()));
        return routes;
    }

    /** Every way the two route tables disagree, one line each. */
    private static List<String> differences(Map<String, Boolean> template, Map<String, Boolean> contract) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(template.keySet());
        keys.addAll(contract.keySet());
        for (String key : keys) {
            Boolean inTemplate = template.get(key);
            Boolean inContract = contract.get(key);
            if (inContract == null) {
                differences.add("in template.yaml, not in openapi.yaml: " + key);
            } else if (inTemplate == null) {
                differences.add("in openapi.yaml, not in template.yaml: " + key);
            } else if (!inTemplate.equals(inContract)) {
                differences.add(key + (inTemplate ? " needs a token in template.yaml, not in openapi.yaml"
                        : " needs a token in openapi.yaml, not in template.yaml"));
            }
        }
        return differences;
    }

    /** The file's text as the alteration leaves it; an alteration that changes nothing is a broken test. */
    private static String altered(Path file, String what, UnaryOperator<String> alter) throws IOException {
        String original = Files.readString(file, StandardCharsets.UTF_8);
        String altered = alter.apply(original);
        assertNotEquals(original, altered, "the alteration must apply: " + what);
        return altered;
    }

    private static void assertTheOneDifferenceIs(String route, List<String> differences) {
        assertEquals(1, differences.size(), differences.toString());
        assertTrue(differences.get(0).endsWith(route) || differences.get(0).startsWith(route + " "), differences.toString());
    }

    @Test
    void openApiYamlDescribesEveryRouteOfTemplateYamlAndNoOther() {
        Map<String, Boolean> template = templateRoutes(SamTemplate.load(TEMPLATE));

        assertEquals(List.of(), differences(template, OpenApiContract.load(CONTRACT).routes()));
        assertTrue(template.size() >= 21 && template.containsValue(false), template.toString());
    }

    static Stream<Arguments> templateAlterations() {
        return Stream.of(
                Arguments.of("a route added", "GET /whoami", (UnaryOperator<String>) t -> t.replace(
                        "            Path: /me\n            Method: GET\n",
                        "            Path: /me\n            Method: GET\n        WhoAmIAgain:\n          Type: HttpApi\n"
                                + "          Properties:\n            ApiId:\n              Ref: HttpApi\n"
                                + "            Path: /whoami\n            Method: GET\n")),
                Arguments.of("a route removed", "GET /me", (UnaryOperator<String>) t -> t.replace(
                        "        WhoAmI:\n          Type: HttpApi\n          Properties:\n            ApiId:\n"
                                + "              Ref: HttpApi\n            Path: /me\n            Method: GET\n", "")),
                Arguments.of("a secured route made public", "PUT /campaign", (UnaryOperator<String>) t -> t.replace(
                        "            Path: /campaign\n            Method: PUT\n",
                        "            Path: /campaign\n            Method: PUT\n            Auth:\n"
                                + "              Authorizer: NONE\n")));
    }

    @ParameterizedTest(name = "template.yaml drift caught: {0}")
    @MethodSource("templateAlterations")
    void aDeliberatelyAlteredCopyOfTemplateYamlIsCaught(String what, String route, UnaryOperator<String> alter)
            throws IOException {
        Path copy = Files.writeString(dir.resolve("template.yaml"), altered(TEMPLATE, what, alter), StandardCharsets.UTF_8);

        assertTheOneDifferenceIs(route, differences(templateRoutes(SamTemplate.load(copy)),
                OpenApiContract.load(CONTRACT).routes()));
    }

    static Stream<Arguments> contractAlterations() {
        return Stream.of(
                Arguments.of("an operation added", "GET /me/profile", (UnaryOperator<String>) c -> c.replace(
                        "  /case-form:\n",
                        "  /me/profile:\n    get:\n      operationId: getProfile\n      summary: 本单位资料\n"
                                + "      responses:\n        '200':\n          description: 本单位资料\n  /case-form:\n")),
                Arguments.of("an operation removed", "GET /me", (UnaryOperator<String>) c ->
                        c.replaceFirst("(?s)\n  /me:\n.*?(?=\n  /case-form:\n)", "")),
                Arguments.of("the public route secured", "GET /campaign", (UnaryOperator<String>) c ->
                        c.replaceFirst("      security: \\[\\]\n", "")));
    }

    @ParameterizedTest(name = "openapi.yaml drift caught: {0}")
    @MethodSource("contractAlterations")
    void aDeliberatelyAlteredCopyOfOpenApiYamlIsCaught(String what, String route, UnaryOperator<String> alter)
            throws IOException {
        assertTheOneDifferenceIs(route, differences(templateRoutes(SamTemplate.load(TEMPLATE)),
                OpenApiContract.parse(altered(CONTRACT, what, alter)).routes()));
    }
}

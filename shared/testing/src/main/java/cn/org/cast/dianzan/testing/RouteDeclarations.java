package cn.org.cast.dianzan.testing;

import cn.org.cast.dianzan.engines.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Holds a handler's declared routes to its function's routes in template.yaml, both ways: a route
 * declared but not deployed, deployed but not declared, or public on one side only is a mismatch.
 */
public final class RouteDeclarations {

    private RouteDeclarations() {
    }

    /** Every difference between the declarations ({@code routeKey -> access}) and the template's routes. */
    public static List<String> mismatches(Map<String, String> declared, SamTemplate.Function function) {
        List<String> problems = new ArrayList<>();
        Map<String, Boolean> deployed = new TreeMap<>();
        function.routes().forEach(route -> deployed.put(route.routeKey(), !route.authorized()));
        TreeSet<String> keys = new TreeSet<>(declared.keySet());
        keys.addAll(deployed.keySet());
        for (String key : keys) {
            if (!deployed.containsKey(key)) {
                problems.add(key + ": declared by the handler, missing from " + function.logicalId() + " in template.yaml");
            } else if (!declared.containsKey(key)) {
                problems.add(key + ": in template.yaml for " + function.logicalId() + ", not declared by the handler");
            } else if (deployed.get(key) != "PUBLIC".equals(declared.get(key))) {
                problems.add(key + ": the handler declares " + declared.get(key) + " but template.yaml has it "
                        + (deployed.get(key) ? "public (Auth: NONE)" : "behind the authorizer"));
            }
        }
        return problems;
    }

    public static void assertMatchTemplate(Map<String, String> declared, String functionLogicalId) {
        SamTemplate.Function function = SamTemplate.load().functions().stream()
                .filter(f -> f.logicalId().equals(functionLogicalId)).findFirst()
                .orElseThrow(() -> new AssertionError("no function " + functionLogicalId + " in template.yaml"));
        List<String> problems = mismatches(declared, function);
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
    }
}

package cn.org.cast.dianzan.local;

import cn.org.cast.dianzan.engines.SamTemplate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The README's API table, made from template.yaml's functions and each handler's declared routes. */
final class ApiTable {

    private static final Map<String, String> WHO = Map.of("PUBLIC", "anyone", "SIGNED_IN", "signed in",
            "RECOMMENDER", "recommending unit", "IMPLEMENTER", "implementing unit", "ADMIN", "admin");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE");

    private ApiTable() {
    }

    static String render(SamTemplate template, Map<String, Map<String, String>> accessByFunction) {
        StringBuilder table = new StringBuilder("| function | route | who may call it |\n|---|---|---|\n");
        for (SamTemplate.Function function : template.functions()) {
            String name = function.codeUri().split("/")[1];
            accessByFunction.getOrDefault(function.logicalId(), Map.of()).entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, String> e) -> e.getKey().split(" ", 2)[1])
                            .thenComparing(e -> METHODS.indexOf(e.getKey().split(" ", 2)[0])))
                    .forEach(e -> table.append("| ").append(name).append(" | `").append(e.getKey()).append("` | ")
                            .append(WHO.get(e.getValue())).append(" |\n"));
            function.schedules().forEach(s -> table.append("| ").append(name).append(" | schedule `")
                    .append(s.expression()).append("` | EventBridge |\n"));
        }
        return table.toString();
    }
}

package cn.org.cast.dianzan.local;

import cn.org.cast.dianzan.engines.SamTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** template.yaml's HttpApi routes, matched as API Gateway matches them: the most specific route wins. */
final class RouteTable {

    record Target(SamTemplate.Function function, SamTemplate.Route route) {
    }

    record Match(Target target, Map<String, String> pathParameters) {
    }

    private final List<Target> targets = new ArrayList<>();

    RouteTable(SamTemplate template) {
        for (SamTemplate.Function function : template.functions()) {
            for (SamTemplate.Route route : function.routes()) {
                targets.add(new Target(function, route));
            }
        }
    }

    List<Target> targets() {
        return List.copyOf(targets);
    }

    Optional<Match> match(String method, String path) {
        Match best = null;
        int bestLiterals = -1;
        for (Target target : targets) {
            String routeMethod = target.route().method();
            if (!routeMethod.equals(method) && !routeMethod.equals("ANY")) {
                continue;
            }
            Map<String, String> parameters = matchPath(target.route().path(), path);
            if (parameters == null) {
                continue;
            }
            int literals = target.route().path().split("/").length - parameters.size();
            if (literals > bestLiterals) {
                best = new Match(target, parameters);
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether some route, in whatever method, has this path. */
    boolean hasPath(String path) {
        return targets.stream().anyMatch(t -> matchPath(t.route().path(), path) != null);
    }

    /** The path parameters if {@code path} fits the template, else null. */
    static Map<String, String> matchPath(String template, String path) {
        String[] wanted = template.split("/", -1);
        String[] given = path.split("/", -1);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < wanted.length; i++) {
            String segment = wanted[i];
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                if (i >= given.length) {
                    return null;
                }
                parameters.put(segment.substring(1, segment.length() - 2),
                        String.join("/", java.util.Arrays.copyOfRange(given, i, given.length)));
                return parameters;
            }
            if (i >= given.length) {
                return null;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (given[i].isEmpty()) {
                    return null;
                }
                parameters.put(segment.substring(1, segment.length() - 1),
                        java.net.URLDecoder.decode(given[i].replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
            } else if (!segment.equals(given[i])) {
                return null;
            }
        }
        return wanted.length == given.length ? parameters : null;
    }
}

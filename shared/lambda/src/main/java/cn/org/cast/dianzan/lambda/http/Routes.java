package cn.org.cast.dianzan.lambda.http;

import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A function's routes with who may call each, declared once here: the local runner, the route
 * matrix test and the README's API table read the access from these declarations, and a test holds
 * them to template.yaml. Access is checked before the body is read, so a caller without the role
 * learns nothing from validation; services check the role again.
 */
public final class Routes {

    /** Who may call a route: anyone, any signed-in account, one account type, or admins. */
    public enum Access { PUBLIC, SIGNED_IN, RECOMMENDER, IMPLEMENTER, ADMIN }

    private record Route(Access access, Function<ApiRequest, ApiResponse> action) {
    }

    private final Map<String, Route> byKey = new HashMap<>();

    public Routes open(String routeKey, Function<ApiRequest, ApiResponse> action) {
        return add(routeKey, Access.PUBLIC, action);
    }

    public Routes signedIn(String routeKey, Function<ApiRequest, ApiResponse> action) {
        return add(routeKey, Access.SIGNED_IN, action);
    }

    public Routes admin(String routeKey, Function<ApiRequest, ApiResponse> action) {
        return add(routeKey, Access.ADMIN, action);
    }

    /** A route for recommending units' accounts only. */
    public Routes recommender(String routeKey, Function<ApiRequest, ApiResponse> action) {
        return add(routeKey, Access.RECOMMENDER, action);
    }

    /** A route for implementing units' accounts only. */
    public Routes implementer(String routeKey, Function<ApiRequest, ApiResponse> action) {
        return add(routeKey, Access.IMPLEMENTER, action);
    }

    /** Each declared route key ({@code "GET /campaign"}) with its access, in route-key order. */
    public Map<String, Access> declared() {
        Map<String, Access> declared = new TreeMap<>();
        byKey.forEach((key, route) -> declared.put(key, route.access()));
        return declared;
    }

    private Routes add(String routeKey, Access access, Function<ApiRequest, ApiResponse> action) {
        if (byKey.putIfAbsent(routeKey, new Route(access, action)) != null) {
            throw new IllegalStateException("route declared twice: " + routeKey);
        }
        return this;
    }

    public ApiResponse dispatch(ApiRequest request) {
        Route route = byKey.get(request.routeKey());
        if (route == null) {
            throw new DomainException(Failure.ROUTE_NOT_FOUND, "不支持的请求：" + request.routeKey(), List.of(),
                    Map.of());
        }
        switch (route.access()) {
            case SIGNED_IN -> request.caller().requireAuthenticated();
            case RECOMMENDER -> request.caller().requireAccountType(Caller.RECOMMENDER);
            case IMPLEMENTER -> request.caller().requireAccountType(Caller.IMPLEMENTER);
            case ADMIN -> request.caller().requireAdmin();
            case PUBLIC -> { }
        }
        return route.action().apply(request);
    }
}

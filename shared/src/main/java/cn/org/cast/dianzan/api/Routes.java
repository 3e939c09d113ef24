package cn.org.cast.dianzan.api;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A function's routes with who may call each. Access is checked before the body is read, so a
 * caller without the role learns nothing from validation; services check the role again.
 */
public final class Routes {

    public enum Access { PUBLIC, SIGNED_IN, ADMIN }

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

    private Routes add(String routeKey, Access access, Function<ApiRequest, ApiResponse> action) {
        if (byKey.putIfAbsent(routeKey, new Route(access, action)) != null) {
            throw new IllegalStateException("route declared twice: " + routeKey);
        }
        return this;
    }

    public ApiResponse dispatch(ApiRequest request) {
        Route route = byKey.get(request.routeKey());
        if (route == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "不支持的请求：" + request.routeKey(), java.util.List.of(),
                    Map.of());
        }
        switch (route.access()) {
            case SIGNED_IN -> request.caller().requireAuthenticated();
            case ADMIN -> request.caller().requireAdmin();
            case PUBLIC -> { }
        }
        return route.action().apply(request);
    }
}

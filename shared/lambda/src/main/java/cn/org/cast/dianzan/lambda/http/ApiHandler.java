package cn.org.cast.dianzan.lambda.http;

import cn.org.cast.dianzan.core.Form;
import cn.org.cast.dianzan.lambda.HandlerContextSerializer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.util.Map;
import java.util.TreeMap;

/**
 * The base of every HTTP function: a thin adapter that turns the event into an {@link ApiRequest},
 * lets the function route it to one service call, and maps the result or failure in one place.
 * Beans are looked up once, when the handler is built (before a SnapStart snapshot), not per call.
 */
public abstract class ApiHandler extends MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiResponses responses;
    private volatile Routes routes;

    /** The constructor Lambda calls. */
    protected ApiHandler() {
        super();
        this.responses = getApplicationContext().getBean(ApiResponses.class);
        HandlerContextSerializer.handlerStarted(getApplicationContext());
    }

    /** For tests: a context built with the engines' properties and, where time matters, a fixed clock. */
    protected ApiHandler(ApplicationContext context) {
        super(context);
        this.responses = getApplicationContext().getBean(ApiResponses.class);
    }

    @Override
    public final APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
        return responses.handle(event, routes()::dispatch);
    }

    /**
     * The declared routes, route key to access level ({@code "PUT /campaign" -> "ADMIN"}), in plain
     * JDK types: the local runner reads them through the function's own class loader.
     */
    public final Map<String, String> routeAccess() {
        Map<String, String> access = new TreeMap<>();
        routes().declared().forEach((key, level) -> access.put(key, level.name()));
        return access;
    }

    private Routes routes() {
        if (routes == null) {
            routes = routes(new Routes());
        }
        return routes;
    }

    /** Each route: parse, call one service method, return its result. No business rule here. */
    protected abstract Routes routes(Routes routes);

    protected <T> T bean(Class<T> type) {
        return getApplicationContext().getBean(type);
    }

    /** The request's JSON body as a form for the domain to read its command from. */
    protected Form form(ApiRequest request) {
        return JsonForms.parse(responses.json(), request.body());
    }
}

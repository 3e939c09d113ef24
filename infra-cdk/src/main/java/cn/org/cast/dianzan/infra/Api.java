package cn.org.cast.dianzan.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpStageOptions;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The HTTP API (payload 2.0): every route behind the Cognito JWT authorizer unless declared open, CORS for
 * the web origin, one throttled auto-deployed stage whose access logs are kept a year.
 */
final class Api extends Construct implements KeepsStackLevelIds {

    private final HttpApi httpApi;

    Api(Construct scope, String id, Identity identity, String webOrigin) {
        super(scope, id);
        httpApi = HttpApi.Builder.create(this, "HttpApi")
                .defaultAuthorizer(identity.jwtAuthorizer())
                .createDefaultStage(false)
                .corsPreflight(CorsPreflightOptions.builder()
                        .allowOrigins(List.of(webOrigin))
                        .allowMethods(List.of(CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT,
                                CorsHttpMethod.DELETE))
                        .allowHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match"))
                        .exposeHeaders(List.of("ETag"))
                        .maxAge(Duration.minutes(10))
                        .build())
                .build();
        LogGroup accessLogs = LogGroup.Builder.create(this, "HttpApiAccessLogs")
                .retention(RetentionDays.ONE_YEAR).removalPolicy(RemovalPolicy.RETAIN).build();
        httpApi.addStage("DefaultStage", HttpStageOptions.builder()
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder().rateLimit(2000).burstLimit(1000).build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return new LogGroupLogDestination(accessLogs);
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.jsonWithStandardFields();
                    }
                })
                .build());
    }

    /** Sends the function's routes to {@code target} (its live alias). */
    void route(FunctionSpec spec, IFunction target) {
        HttpLambdaIntegration integration = new HttpLambdaIntegration(spec.id() + "Integration", target);
        for (FunctionSpec.RouteSpec route : spec.routes()) {
            AddRoutesOptions.Builder options = AddRoutesOptions.builder()
                    .path(route.path())
                    .methods(List.of(HttpMethod.valueOf(route.method())))
                    .integration(integration);
            if (route.open()) {
                options.authorizer(new HttpNoneAuthorizer());
            }
            httpApi.addRoutes(options.build());
        }
    }

    String endpoint() {
        return httpApi.getApiEndpoint();
    }
}

package cn.org.cast.dianzan.infra;

import java.util.List;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.CfnApiMapping;
import software.amazon.awscdk.services.apigatewayv2.DomainName;
import software.amazon.awscdk.services.apigatewayv2.EndpointType;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.HttpStageOptions;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.SecurityPolicy;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The HTTP API (payload 2.0): every route behind the JWT authorizer unless declared open, CORS for the web
 * origin, one throttled auto-deployed stage whose access logs are kept a year, served on the API's custom domain
 * (the tokens' issuer; in the China regions it needs an ICP filing) with the certificate given at deploy time.
 */
final class Api extends Construct implements KeepsStackLevelIds {

    static final String CERTIFICATE_PARAMETER = "ApiCertificateArn";

    private final HttpApi httpApi;
    private final DomainName domain;

    Api(Construct scope, String id, Identity identity, String webOrigin, String apiDomainName) {
        super(scope, id);
        CfnParameter certificateArn = CfnParameter.Builder.create(this, CERTIFICATE_PARAMETER).type("String")
                .allowedPattern("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]+$")
                .description("The ACM certificate for the API's custom domain, in the stack's region (requested in "
                        + "ACM there, or issued by a certificate authority and imported into ACM there).")
                .build();
        domain = DomainName.Builder.create(this, "ApiDomain")
                .domainName(apiDomainName)
                .certificate(Certificate.fromCertificateArn(this, "ApiCertificate", certificateArn.getValueAsString()))
                .endpointType(EndpointType.REGIONAL)
                .securityPolicy(SecurityPolicy.TLS_1_2)
                .build();
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
        HttpStage stage = httpApi.addStage("DefaultStage", HttpStageOptions.builder()
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
        // The domain serves the stage at its root. Mapped here rather than by the stage's domainMapping, whose
        // mapping names the domain twice (DependsOn beside the Ref).
        CfnApiMapping mapping = CfnApiMapping.Builder.create(this, "ApiDomainMapping")
                .apiId(httpApi.getApiId())
                .domainName(domain.getName())
                .stage(stage.getStageName())
                .build();
        mapping.getNode().addDependency(stage);
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

    /** Where the custom domain's DNS name points (a CNAME). */
    String domainTarget() {
        return domain.getRegionalDomainName();
    }
}

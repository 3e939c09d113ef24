package cn.org.cast.dianzan.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
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
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.CfnUserPoolGroup;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardThreatProtectionMode;
import software.amazon.awscdk.services.cognito.StringAttribute;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.constructs.Construct;

/**
 * The whole cloud system: tables, media bucket, user pool, functions (SnapStart behind a "live"
 * alias) and the HTTP API with a Cognito JWT authorizer. template.yaml describes the same; a test
 * holds the two together.
 */
public class DianzanStack extends Stack {

    public static final int MEMORY_MB = 1024;
    public static final int TIMEOUT_SECONDS = 15;
    public static final String CAMPAIGN_ID = "2026";

    public DianzanStack(Construct scope, String id, StackProps props, Path home, String webOrigin) {
        super(scope, id, props);

        Table main = table("MainTable", "pk", "sk");
        main.addGlobalSecondaryIndex(index("gsi1", "gsi1pk", "gsi1sk"));
        main.addGlobalSecondaryIndex(index("gsi2", "gsi2pk", "gsi2sk"));
        Table audit = table("AuditTable", "pk", "sk");
        audit.addGlobalSecondaryIndex(index("byActor", "actor", "sk"));

        Bucket accessLogs = Bucket.Builder.create(this, "AccessLogsBucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .versioned(true)
                .lifecycleRules(List.of(LifecycleRule.builder().id("ExpireAccessLogs")
                        .expiration(Duration.days(365)).noncurrentVersionExpiration(Duration.days(30)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        Bucket media = Bucket.Builder.create(this, "MediaBucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .versioned(true)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("media/")
                .cors(List.of(CorsRule.builder()
                        .allowedMethods(List.of(HttpMethods.GET, HttpMethods.PUT, HttpMethods.HEAD))
                        .allowedOrigins(List.of(webOrigin))
                        .allowedHeaders(List.of("Content-Type", "Content-Length", "Content-MD5"))
                        .exposedHeaders(List.of("ETag"))
                        .maxAge(3000)
                        .build()))
                .lifecycleRules(List.of(LifecycleRule.builder().id("AbortIncompleteUploads")
                        .abortIncompleteMultipartUploadAfter(Duration.days(1)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();

        UserPool users = UserPool.Builder.create(this, "UserPool")
                .selfSignUpEnabled(true)
                .signInAliases(SignInAliases.builder().email(true).build())
                .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
                .passwordPolicy(PasswordPolicy.builder().minLength(12).requireDigits(true).requireLowercase(true)
                        .requireUppercase(true).requireSymbols(true).tempPasswordValidity(Duration.days(3)).build())
                .mfa(Mfa.OPTIONAL)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .customAttributes(Map.of("account_type",
                        StringAttribute.Builder.create().mutable(false).minLen(1).maxLen(20).build()))
                .featurePlan(FeaturePlan.PLUS)
                .standardThreatProtectionMode(StandardThreatProtectionMode.FULL_FUNCTION)
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        UserPoolClient client = users.addClient("UserPoolClient", UserPoolClientOptions.builder()
                .authFlows(AuthFlow.builder().userSrp(true).build())
                .generateSecret(false)
                .preventUserExistenceErrors(true)
                .build());
        CfnUserPoolGroup.Builder.create(this, "AdminGroup").userPoolId(users.getUserPoolId()).groupName("admin")
                .description("中国科协科普部管理员 / CAST administrators").build();

        HttpJwtAuthorizer authorizer = HttpJwtAuthorizer.Builder
                .create("CognitoJwt", "https://" + users.getUserPoolProviderUrl())
                .jwtAudience(List.of(client.getUserPoolClientId()))
                .identitySource(List.of("$request.header.Authorization"))
                .build();
        HttpApi api = HttpApi.Builder.create(this, "HttpApi")
                .defaultAuthorizer(authorizer)
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
        LogGroup apiLogs = LogGroup.Builder.create(this, "HttpApiAccessLogs")
                .retention(RetentionDays.ONE_YEAR).removalPolicy(RemovalPolicy.RETAIN).build();
        api.addStage("DefaultStage", HttpStageOptions.builder()
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder().rateLimit(2000).burstLimit(1000).build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return new LogGroupLogDestination(apiLogs);
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.jsonWithStandardFields();
                    }
                })
                .build());

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DIANZAN_TABLES_MAIN", main.getTableName());
        environment.put("DIANZAN_TABLES_AUDIT", audit.getTableName());
        environment.put("DIANZAN_BUCKETS_MEDIA", media.getBucketName());
        environment.put("DIANZAN_CAMPAIGN_ID", CAMPAIGN_ID);

        for (FunctionSpec spec : FunctionSpec.ALL) {
            Path jar = home.resolve(spec.jarPath());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("function jar missing: " + jar + " (run mvn package first)");
            }
            LogGroup logs = LogGroup.Builder.create(this, spec.id() + "Logs")
                    .retention(RetentionDays.SIX_MONTHS).removalPolicy(RemovalPolicy.RETAIN).build();
            Function function = Function.Builder.create(this, spec.id())
                    .description(spec.description())
                    .runtime(Runtime.JAVA_21)
                    .architecture(Architecture.X86_64)
                    .code(Code.fromAsset(jar.toString()))
                    .handler(spec.handler())
                    .memorySize(MEMORY_MB)
                    .timeout(Duration.seconds(TIMEOUT_SECONDS))
                    .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                    .environment(environment)
                    .logGroup(logs)
                    .build();
            Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                    "Versions are published: the API calls the live alias on the current version.");
            main.grantReadWriteData(function);
            audit.grantWriteData(function);
            Alias live = Alias.Builder.create(this, spec.id() + "Live")
                    .aliasName("live").version(function.getCurrentVersion()).build();
            HttpLambdaIntegration integration = new HttpLambdaIntegration(spec.id() + "Integration", live);
            for (FunctionSpec.RouteSpec route : spec.routes()) {
                AddRoutesOptions.Builder options = AddRoutesOptions.builder()
                        .path(route.path())
                        .methods(List.of(HttpMethod.valueOf(route.method())))
                        .integration(integration);
                if (route.open()) {
                    options.authorizer(new HttpNoneAuthorizer());
                }
                api.addRoutes(options.build());
            }
        }

        CfnOutput.Builder.create(this, "ApiUrl").value(api.getApiEndpoint()).build();
        CfnOutput.Builder.create(this, "UserPoolId").value(users.getUserPoolId()).build();
        CfnOutput.Builder.create(this, "UserPoolClientId").value(client.getUserPoolClientId()).build();
    }

    private Table table(String id, String partitionKey, String sortKey) {
        return Table.Builder.create(this, id)
                .partitionKey(Attribute.builder().name(partitionKey).type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name(sortKey).type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .encryption(TableEncryption.AWS_MANAGED)
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    private static GlobalSecondaryIndexProps index(String name, String partitionKey, String sortKey) {
        return GlobalSecondaryIndexProps.builder()
                .indexName(name)
                .partitionKey(Attribute.builder().name(partitionKey).type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name(sortKey).type(AttributeType.STRING).build())
                .projectionType(ProjectionType.ALL)
                .build();
    }
}

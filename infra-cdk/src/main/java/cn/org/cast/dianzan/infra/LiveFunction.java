package cn.org.cast.dianzan.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One function of the system: Java 21 with SnapStart, its own log group, only the DynamoDB and S3 actions
 * its spec grants, and the "live" alias on the current version that routes and schedules invoke.
 */
final class LiveFunction extends Construct implements KeepsStackLevelIds {

    static final int MEMORY_MB = 1024;
    static final int TIMEOUT_SECONDS = 15;

    private final FunctionSpec spec;
    private final Function function;
    private final Alias live;

    /** The children keep the ids they had when they sat in the stack; see {@link KeepsStackLevelIds}. */
    LiveFunction(Construct scope, FunctionSpec spec, Code code, Map<String, String> environment, DataStores data,
                 MediaStorage media) {
        super(scope, spec.module());
        this.spec = spec;
        LogGroup logs = LogGroup.Builder.create(this, spec.id() + "Logs")
                .retention(RetentionDays.SIX_MONTHS).removalPolicy(RemovalPolicy.RETAIN).build();
        function = Function.Builder.create(this, spec.id())
                .description(spec.description())
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.X86_64)
                .code(code)
                .handler(spec.handler())
                .memorySize(MEMORY_MB)
                .timeout(Duration.seconds(TIMEOUT_SECONDS))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .environment(environment)
                .logGroup(logs)
                .build();
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "Versions are published: routes and schedules invoke the live alias on the current version.");
        for (TableGrant grant : spec.grants()) {
            function.addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(grant.actions().stream().map(TableGrant.Action::iamAction).toList())
                    .resources(List.of(data.arnOf(grant)))
                    .build());
        }
        for (ObjectGrant grant : spec.objectGrants()) {
            function.addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(grant.actions().stream().map(ObjectGrant.Action::iamAction).toList())
                    .resources(media.objectArns(grant))
                    .build());
        }
        live = Alias.Builder.create(this, spec.id() + "Live")
                .aliasName("live").version(function.getCurrentVersion()).build();
    }

    IFunction live() {
        return live;
    }

    FunctionSpec spec() {
        return spec;
    }

    /** The function's execution role, which holds its grants. */
    IRole role() {
        return function.getRole();
    }
}

package cn.org.cast.dianzan.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.secretsmanager.Secret;

/** Every cdk-nag finding we accept, each with the reason we accept it. Nothing else is suppressed. */
final class NagSuppressionsWithReasons {

    private NagSuppressionsWithReasons() {
    }

    static void apply(Stack stack) {
        NagSuppressions.addStackSuppressions(stack, List.of(
                NagPackSuppression.builder().id("AwsSolutions-IAM4")
                        .reason("Functions use the AWS managed AWSLambdaBasicExecutionRole only to write their own logs.")
                        .appliesTo(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"))
                        .build(),
                NagPackSuppression.builder().id("AwsSolutions-L1")
                        .reason("The platform is fixed on the java21 runtime (Java 17 bytecode) until a newer LTS is qualified.")
                        .build(),
                NagPackSuppression.builder().id("AwsSolutions-APIG4")
                        .reason("Only routes declared open skip the JWT authorizer: GET /campaign (the public dates and "
                                + "quotas) and the accounts service's routes for people without a token yet (register, "
                                + "verify, sign in, refresh, sign out, password reset, invitations, OIDC discovery and "
                                + "JWKS); DianzanStackTest asserts every other route uses it.")
                        .build()), true);
        stack.getNode().findAll().stream().filter(Secret.class::isInstance).forEach(secret ->
                NagSuppressions.addResourceSuppressions(secret, List.of(NagPackSuppression.builder()
                        .id("AwsSolutions-SMG4")
                        .reason("The SMTP provider's credentials are issued by the provider, outside AWS: there is "
                                + "no rotation function to run; an operator replaces them (put-secret-value).")
                        .build()), true));
        NagSuppressions.addResourceSuppressionsByPath(stack, "/" + stack.getStackName() + "/MediaStorage/AccessLogsBucket/Resource",
                List.of(NagPackSuppression.builder().id("AwsSolutions-S1")
                        .reason("This is the access-log bucket itself; logging it into itself would loop.").build()));
        stack.getNode().findAll().stream().filter(FunctionSchedule.class::isInstance).forEach(schedule ->
                NagSuppressions.addResourceSuppressions(schedule, List.of(NagPackSuppression.builder()
                        .id("AwsSolutions-SQS3")
                        .reason("This queue is itself the dead-letter queue of the schedule's EventBridge target.")
                        .build()), true));
        // Object grants end in "<prefix>*" (keys are made per upload): accepted for exactly those ARNs, on the
        // granted function's role only; a grant on the whole bucket would still be reported.
        MediaStorage media = stack.getNode().findAll().stream().filter(MediaStorage.class::isInstance)
                .map(MediaStorage.class::cast).findFirst().orElseThrow();
        stack.getNode().findAll().stream().filter(LiveFunction.class::isInstance).map(LiveFunction.class::cast)
                .filter(function -> !function.spec().objectGrants().isEmpty())
                .forEach(function -> NagSuppressions.addResourceSuppressions(function.role(), List.of(
                        NagPackSuppression.builder().id("AwsSolutions-IAM5")
                                .reason("object keys are generated per upload under these prefixes; the "
                                        + "function may touch only them")
                                .appliesTo(function.spec().objectGrants().stream()
                                        .flatMap(grant -> grant.keyPrefixes().stream())
                                        .distinct()
                                        .map(prefix -> (Object) ("Resource::arn:<AWS::Partition>:s3:::<"
                                                + media.mediaBucketLogicalId() + ">/" + prefix + "*"))
                                        .toList())
                                .build()), true));
    }
}

package cn.org.cast.dianzan.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
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
import software.constructs.Construct;

/**
 * Who may call the API: the Cognito user pool (unit accounts sign up by email, an "admin" group for CAST),
 * the web client, and the JWT authorizer that checks their tokens.
 */
final class Identity extends Construct implements KeepsStackLevelIds {

    private final UserPool users;
    private final UserPoolClient client;

    Identity(Construct scope, String id) {
        super(scope, id);
        users = UserPool.Builder.create(this, "UserPool")
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
        client = users.addClient("UserPoolClient", UserPoolClientOptions.builder()
                .authFlows(AuthFlow.builder().userSrp(true).build())
                .generateSecret(false)
                .preventUserExistenceErrors(true)
                .build());
        CfnUserPoolGroup.Builder.create(this, "AdminGroup").userPoolId(users.getUserPoolId()).groupName("admin")
                .description("中国科协科普部管理员 / CAST administrators").build();
    }

    HttpJwtAuthorizer jwtAuthorizer() {
        return HttpJwtAuthorizer.Builder
                .create("CognitoJwt", "https://" + users.getUserPoolProviderUrl())
                .jwtAudience(List.of(client.getUserPoolClientId()))
                .identitySource(List.of("$request.header.Authorization"))
                .build();
    }

    String userPoolId() {
        return users.getUserPoolId();
    }

    String clientId() {
        return client.getUserPoolClientId();
    }
}

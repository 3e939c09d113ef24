package cn.org.cast.dianzan.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.CfnAlias;
import software.amazon.awscdk.services.kms.CfnKey;
import software.constructs.Construct;

/**
 * Who may call the API: access tokens that our accounts service signs (RS256) with a KMS key whose private key
 * never leaves KMS, checked by the JWT authorizer against the issuer {@code https://<apiDomainName>} (the
 * accounts service publishes its OIDC discovery and JWKS there) and the audience {@value #AUDIENCE}.
 *
 * <p>Two key slots, chosen by the parameter {@value #SLOT_PARAMETER}, so that a rotation is a parameter change:
 * switching the slot creates the other slot's key and drops the old one from the stack, which keeps it in the
 * account (retained); its id goes into {@value #PREVIOUS_KEY_PARAMETER}, whose public key the JWKS keeps until
 * the tokens it signed have expired. The keys' policies let the account administer them (through IAM, as every
 * key policy does) and let only the signing function's role sign and read the public key: a statement on the
 * role naming the key would make the role and the key refer to each other in template.yaml.
 */
final class Identity extends Construct implements KeepsStackLevelIds {

    static final String AUTHORIZER_NAME = "DianzanJwt";
    static final String AUDIENCE = "dianzan";
    static final String IDENTITY_SOURCE = "$request.header.Authorization";
    static final String SLOT_PARAMETER = "SigningKeySlot";
    static final String PREVIOUS_KEY_PARAMETER = "PreviousSigningKeyId";
    static final List<String> SIGNER_ACTIONS = List.of("kms:Sign", "kms:GetPublicKey");

    private final String issuer;
    private final PolicyDocument keyPolicy;
    private final String currentKeyArn;
    private final CfnParameter previousKeyId;

    Identity(Construct scope, String id, String issuer) {
        super(scope, id);
        this.issuer = issuer;
        CfnParameter slot = CfnParameter.Builder.create(this, SLOT_PARAMETER).type("String").defaultValue("A")
                .allowedValues(List.of("A", "B"))
                .description("Which of two KMS keys signs access tokens. Switching the slot creates a new key; the old "
                        + "one stays in the account (retained) and goes into PreviousSigningKeyId until tokens it "
                        + "signed have expired (README, Deploy).")
                .build();
        previousKeyId = CfnParameter.Builder.create(this, PREVIOUS_KEY_PARAMETER).type("String").defaultValue("")
                .allowedPattern("^(|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
                        + "|arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[0-9a-f-]+)$")
                .description("During a key rotation only - the previous signing key (id or ARN), whose public key "
                        + "stays in the JWKS so that tokens it signed still verify. Empty otherwise.")
                .build();
        keyPolicy = PolicyDocument.Builder.create().statements(List.of(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .principals(List.of(new AccountRootPrincipal()))
                .actions(List.of("kms:*"))
                .resources(List.of("*"))
                .build())).build();
        CfnKey slotA = signingKey("A", CfnCondition.Builder.create(this, "SigningKeyInSlotA")
                .expression(Fn.conditionEquals(slot.getValueAsString(), "A")).build());
        CfnCondition inSlotB = CfnCondition.Builder.create(this, "SigningKeyInSlotB")
                .expression(Fn.conditionEquals(slot.getValueAsString(), "B")).build();
        CfnKey slotB = signingKey("B", inSlotB);
        currentKeyArn = Token.asString(Fn.conditionIf(inSlotB.getLogicalId(), slotB.getAttrArn(), slotA.getAttrArn()));
        CfnAlias.Builder.create(this, "TokenSigningKeyAlias")
                .aliasName("alias/" + Aws.STACK_NAME + "/token-signing")
                .targetKeyId(currentKeyArn)
                .build();
    }

    private CfnKey signingKey(String slot, CfnCondition condition) {
        CfnKey key = CfnKey.Builder.create(this, "TokenSigningKey" + slot)
                .description("Signs the access tokens of the Dianzan accounts service (RS256).")
                .keySpec("RSA_2048")
                .keyUsage("SIGN_VERIFY")
                .pendingWindowInDays(30)
                .keyPolicy(keyPolicy)
                .build();
        key.getCfnOptions().setCondition(condition);
        key.applyRemovalPolicy(RemovalPolicy.RETAIN);
        return key;
    }

    /** The authorizer every route uses unless it is declared open. */
    HttpJwtAuthorizer jwtAuthorizer() {
        return HttpJwtAuthorizer.Builder.create(AUTHORIZER_NAME, issuer)
                .jwtAudience(List.of(AUDIENCE))
                .identitySource(List.of(IDENTITY_SOURCE))
                .build();
    }

    /** What the signing function reads: the same issuer and audience as the authorizer, and the keys. */
    Map<String, String> signerEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DIANZAN_TOKENS_ISSUER", issuer);
        environment.put("DIANZAN_TOKENS_AUDIENCE", AUDIENCE);
        environment.put("DIANZAN_TOKENS_KMS_KEY_ID", currentKeyArn);
        environment.put("DIANZAN_TOKENS_PREVIOUS_KMS_KEY_ID", previousKeyId.getValueAsString());
        return environment;
    }

    /** Lets {@code role} sign with the keys and read their public keys, in the keys' own policy. */
    void allowSigning(IRole role) {
        keyPolicy.addStatements(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .principals(List.of(role))
                .actions(SIGNER_ACTIONS)
                .resources(List.of("*"))
                .build());
    }

    /** The key now signing: the output an operator reads before switching slots. */
    String currentKeyArn() {
        return currentKeyArn;
    }
}

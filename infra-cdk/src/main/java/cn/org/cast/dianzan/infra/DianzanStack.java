package cn.org.cast.dianzan.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The whole cloud system: tables, media storage, identity (the token signing keys and the JWT authorizer), mail,
 * the HTTP API on its custom domain, and the functions (SnapStart behind a "live" alias) with their routes and
 * schedules, for one partition (global or China). template.yaml describes the same; a test holds the two
 * together.
 */
public class DianzanStack extends Stack {

    public static final String CAMPAIGN_ID = "2026";

    private final StackSettings settings;

    public DianzanStack(Construct scope, String id, StackProps props, FunctionCode code, StackSettings settings) {
        super(scope, id, props);
        this.settings = settings;

        DataStores data = new DataStores(this, "DataStores");
        MediaStorage media = new MediaStorage(this, "MediaStorage", settings.webOrigin());
        Identity identity = new Identity(this, "Identity", settings.tokenIssuer());
        Mail mail = new Mail(this, "Mail", settings);
        Api api = new Api(this, "Api", identity, settings.webOrigin(), settings.apiDomainName());

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DIANZAN_TABLES_MAIN", data.tableName(StoredTable.MAIN));
        environment.put("DIANZAN_TABLES_AUDIT", data.tableName(StoredTable.AUDIT));
        environment.put("DIANZAN_BUCKETS_MEDIA", media.mediaBucketName());
        environment.put("DIANZAN_CAMPAIGN_ID", CAMPAIGN_ID);

        for (FunctionSpec spec : FunctionSpec.ALL) {
            Map<String, String> functionEnvironment = new LinkedHashMap<>(environment);
            if (spec.capabilities().contains(FunctionSpec.Capability.SIGNS_TOKENS)) {
                functionEnvironment.putAll(identity.signerEnvironment());
            }
            if (spec.capabilities().contains(FunctionSpec.Capability.SENDS_MAIL)) {
                functionEnvironment.putAll(mail.environment());
            }
            LiveFunction function = new LiveFunction(this, spec, code.of(spec), functionEnvironment, data, media);
            if (spec.capabilities().contains(FunctionSpec.Capability.SIGNS_TOKENS)) {
                identity.allowSigning(function.role());
            }
            if (spec.capabilities().contains(FunctionSpec.Capability.SENDS_MAIL)) {
                mail.allowSending(function.role());
            }
            api.route(spec, function.live());
            spec.schedule().ifPresent(schedule ->
                    new FunctionSchedule(this, spec.id() + "Schedule", schedule, function.live()));
        }

        CfnOutput.Builder.create(this, "ApiUrl").value(api.endpoint()).build();
        CfnOutput.Builder.create(this, "ApiDomainUrl").value(settings.tokenIssuer() + "/").build();
        CfnOutput.Builder.create(this, "ApiDomainTarget")
                .description("The custom domain's DNS record points here (CNAME).")
                .value(api.domainTarget()).build();
        CfnOutput.Builder.create(this, "MainTableName")
                .description("For bin/admin-bootstrap (DIANZAN_TABLES_MAIN).")
                .value(data.tableName(StoredTable.MAIN)).build();
        CfnOutput.Builder.create(this, "AuditTableName")
                .description("For bin/admin-bootstrap (DIANZAN_TABLES_AUDIT).")
                .value(data.tableName(StoredTable.AUDIT)).build();
        CfnOutput.Builder.create(this, "SigningKeyArn")
                .description("The key now signing access tokens; after a slot switch, the previous one goes into "
                        + "PreviousSigningKeyId.")
                .value(identity.currentKeyArn()).build();
    }

    /** What this stack was built for. */
    public StackSettings settings() {
        return settings;
    }

    /** CDK's own scheme, with the {@link KeepsStackLevelIds} groupings left out of the path. */
    @Override
    protected String allocateLogicalId(CfnElement element) {
        List<String> path = new ArrayList<>();
        boolean belowThisStack = false;
        for (IConstruct scope : element.getNode().getScopes()) {
            if (belowThisStack && !(scope instanceof KeepsStackLevelIds)) {
                path.add(scope.getNode().getId());
            }
            belowThisStack |= scope == this;
        }
        return LogicalIds.of(path);
    }
}

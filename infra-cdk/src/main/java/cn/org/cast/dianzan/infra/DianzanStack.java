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
 * The whole cloud system: tables, media storage, identity, the HTTP API, and the functions (SnapStart
 * behind a "live" alias) with their routes and schedules. template.yaml describes the same; a test holds
 * the two together.
 */
public class DianzanStack extends Stack {

    public static final String CAMPAIGN_ID = "2026";

    public DianzanStack(Construct scope, String id, StackProps props, FunctionCode code, String webOrigin) {
        super(scope, id, props);

        DataStores data = new DataStores(this, "DataStores");
        MediaStorage media = new MediaStorage(this, "MediaStorage", webOrigin);
        Identity identity = new Identity(this, "Identity");
        Api api = new Api(this, "Api", identity, webOrigin);

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DIANZAN_TABLES_MAIN", data.tableName(StoredTable.MAIN));
        environment.put("DIANZAN_TABLES_AUDIT", data.tableName(StoredTable.AUDIT));
        environment.put("DIANZAN_BUCKETS_MEDIA", media.mediaBucketName());
        environment.put("DIANZAN_CAMPAIGN_ID", CAMPAIGN_ID);

        for (FunctionSpec spec : FunctionSpec.ALL) {
            LiveFunction function = new LiveFunction(this, spec, code.of(spec), environment, data, media);
            api.route(spec, function.live());
            spec.schedule().ifPresent(schedule ->
                    new FunctionSchedule(this, spec.id() + "Schedule", schedule, function.live()));
        }

        CfnOutput.Builder.create(this, "ApiUrl").value(api.endpoint()).build();
        CfnOutput.Builder.create(this, "UserPoolId").value(identity.userPoolId()).build();
        CfnOutput.Builder.create(this, "UserPoolClientId").value(identity.clientId()).build();
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

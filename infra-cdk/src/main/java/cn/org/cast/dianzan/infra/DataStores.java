package cn.org.cast.dianzan.infra;

import java.util.EnumMap;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/**
 * The DynamoDB tables: the main single table (gsi1, gsi2) and the append-only audit trail (byActor). Both
 * on demand, encrypted, with point-in-time recovery, protected from deletion and retained.
 */
final class DataStores extends Construct implements KeepsStackLevelIds {

    private final Map<StoredTable, Table> tables = new EnumMap<>(StoredTable.class);

    DataStores(Construct scope, String id) {
        super(scope, id);
        Table main = table(StoredTable.MAIN);
        main.addGlobalSecondaryIndex(index("gsi1", "gsi1pk", "gsi1sk"));
        main.addGlobalSecondaryIndex(index("gsi2", "gsi2pk", "gsi2sk"));
        table(StoredTable.AUDIT).addGlobalSecondaryIndex(index("byActor", "actor", "sk"));
    }

    String tableName(StoredTable table) {
        return tables.get(table).getTableName();
    }

    /** The ARN a grant applies to: the table's, or one index's. */
    String arnOf(TableGrant grant) {
        String tableArn = tables.get(grant.table()).getTableArn();
        return grant.index().map(index -> tableArn + "/index/" + index).orElse(tableArn);
    }

    private Table table(StoredTable table) {
        Table created = Table.Builder.create(this, table.logicalId())
                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("sk").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .encryption(TableEncryption.AWS_MANAGED)
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        tables.put(table, created);
        return created;
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

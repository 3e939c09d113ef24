package cn.org.cast.dianzan.engines;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * Creates the template's tables and buckets on an engine, under a name prefix, and returns the
 * properties that point the functions at them, derived from the template's environment variables
 * ({@code DIANZAN_TABLES_MAIN: {Ref: MainTable}} becomes {@code dianzan.tables.main=<prefix>MainTable}).
 */
public final class Provisioner {

    private Provisioner() {
    }

    /** What was provisioned: the Micronaut properties for the functions and each resource's physical name. */
    public record Provisioned(Map<String, String> properties, Map<String, String> physicalNames) {
    }

    public static Provisioned provision(AwsEngines engines, SamTemplate template, String prefix) {
        Map<String, String> physical = new LinkedHashMap<>();
        try (DynamoDbClient dynamo = engines.newDynamoClient(); S3Client s3 = engines.newS3Client()) {
            for (SamTemplate.Table table : template.tables()) {
                String name = prefix + table.logicalId();
                createTable(dynamo, table, name);
                physical.put(table.logicalId(), name);
            }
            for (SamTemplate.Bucket bucket : template.buckets()) {
                String name = bucketName(prefix, bucket.logicalId());
                try {
                    s3.createBucket(b -> b.bucket(name));
                } catch (BucketAlreadyOwnedByYouException alreadyThere) {
                    // a second start of the local system finds its bucket again
                }
                physical.put(bucket.logicalId(), name);
            }
        }
        Map<String, String> properties = new LinkedHashMap<>(engines.clientProperties());
        properties.putAll(functionProperties(template, physical));
        // Over any DIANZAN_MAIL_* the template gives: mail sent on the engines never leaves the machine.
        properties.putAll(engines.mailProperties());
        return new Provisioned(properties, physical);
    }

    /**
     * Each DIANZAN_* variable of the template as a Micronaut property, references to the provisioned tables and
     * buckets resolved. A variable whose value is known only when deployed (a template parameter such as
     * {@code MailFrom}, {@code Fn::If} on the partition, {@code Fn::Sub}, {@code Fn::GetAtt} of the signing key)
     * is left out: the local runner sets {@code dianzan.tokens.*} and {@code dianzan.mail.*} itself.
     */
    static Map<String, String> functionProperties(SamTemplate template, Map<String, String> physical) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (SamTemplate.Function function : template.functions()) {
            for (SamTemplate.EnvVar var : function.environment()) {
                if (!var.name().startsWith("DIANZAN_")) {
                    continue;
                }
                String value = var.ref() != null ? physical.get(var.ref()) : var.literal();
                if (value != null) {
                    properties.put(var.name().toLowerCase(Locale.ROOT).replace('_', '.'), value);
                }
            }
        }
        return properties;
    }

    static String bucketName(String prefix, String logicalId) {
        return (prefix + logicalId).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    private static void createTable(DynamoDbClient dynamo, SamTemplate.Table table, String name) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(keys(table.keys()))
                .attributeDefinitions(table.attributeTypes().entrySet().stream()
                        .map(e -> AttributeDefinition.builder().attributeName(e.getKey()).attributeType(e.getValue()).build())
                        .toList());
        if (!table.indexes().isEmpty()) {
            request.globalSecondaryIndexes(table.indexes().stream()
                    .map(i -> GlobalSecondaryIndex.builder().indexName(i.name()).keySchema(keys(i.keys()))
                            .projection(Projection.builder().projectionType(i.projection()).build()).build())
                    .toList());
        }
        try {
            dynamo.createTable(request.build());
        } catch (ResourceInUseException alreadyThere) {
            // kept from an earlier run of the local system
        }
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    }

    private static List<KeySchemaElement> keys(List<SamTemplate.KeyElement> keys) {
        return keys.stream()
                .map(k -> KeySchemaElement.builder().attributeName(k.attribute()).keyType(k.keyType()).build())
                .toList();
    }
}

package cn.org.cast.dianzan.engines.junit;

import cn.org.cast.dianzan.engines.AwsEngines;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What an integration test gets: engines over the wire, its own freshly created tables and buckets,
 * clients for them, and the properties that point a function's ApplicationContext at them.
 */
public final class AwsResources implements AutoCloseable {

    private final AwsEngines engines;
    private final Map<String, String> properties;
    private final Map<String, String> physicalNames;
    private final DynamoDbClient dynamo;
    private final S3Client s3;

    AwsResources(AwsEngines engines, Map<String, String> properties, Map<String, String> physicalNames) {
        this.engines = engines;
        this.properties = Map.copyOf(properties);
        this.physicalNames = Map.copyOf(physicalNames);
        this.dynamo = engines.newDynamoClient();
        this.s3 = engines.newS3Client();
    }

    public AwsEngines engines() {
        return engines;
    }

    /** Micronaut properties: endpoints, credentials and the table and bucket names of this test class. */
    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public S3Client s3() {
        return s3;
    }

    /** The physical name of a template resource (table or bucket) for this test class. */
    public String name(String logicalId) {
        String name = physicalNames.get(logicalId);
        if (name == null) {
            throw new IllegalArgumentException("template.yaml has no table or bucket " + logicalId);
        }
        return name;
    }

    @Override
    public void close() {
        dynamo.close();
        s3.close();
    }
}

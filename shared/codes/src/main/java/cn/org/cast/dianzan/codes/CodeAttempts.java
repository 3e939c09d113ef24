package cn.org.cast.dianzan.codes;

import cn.org.cast.dianzan.campaign.ChinaTime;
import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.core.audit.AuditLog;
import cn.org.cast.dianzan.core.aws.TableNames;
import cn.org.cast.dianzan.core.data.Items;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Guessing protection: an account that has looked up {@value #MAX_FAILURES} unknown codes within a
 * clock hour is refused further lookups until the hour ends. One counter item per account and hour.
 */
@Singleton
public class CodeAttempts {

    public static final int MAX_FAILURES = 10;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final AuditLog audit;

    public CodeAttempts(DynamoDbClient dynamo, TableNames tables, Clock clock, AuditLog audit) {
        this.dynamo = dynamo;
        this.table = tables.main();
        this.clock = clock;
        this.audit = audit;
    }

    /** Refuses (429, with the time to retry) an account that used up this hour's failed lookups. */
    public void requireAllowed(String subject) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(subject, now))
                .consistentRead(true)).item();
        if (item != null && Items.number(item, "failures") >= MAX_FAILURES) {
            Instant retryAt = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
            String at = ChinaTime.format(retryAt);
            throw new DomainException(Failure.TOO_MANY_CODE_ATTEMPTS,
                    "推荐码输入错误次数过多，请于北京时间 " + at.substring(11, 16) + " 后再试", List.of(),
                    Map.of("retryAt", at, "retryAfterSeconds", Math.max(1, retryAt.getEpochSecond() - now.getEpochSecond())));
        }
    }

    /** Counts a lookup of a code that does not exist, and puts it on the audit trail. */
    public void recordFailure(String subject, String attempted) {
        Instant now = clock.instant();
        dynamo.updateItem(b -> b.tableName(table).key(key(subject, now))
                .updateExpression("ADD failures :one SET #type = :type")
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(Map.of(":one", Items.n(1), ":type", Items.s("CodeAttempts"))));
        audit.record("ACCOUNT#" + subject, "CODE_LOOKUP_FAILED", subject, null, Map.of("attempted", attempted));
    }

    private static Map<String, AttributeValue> key(String subject, Instant now) {
        return Map.of("pk", Items.s("ACCOUNT#" + subject), "sk", Items.s("CODE-ATTEMPTS#" + HOUR.format(now)));
    }
}

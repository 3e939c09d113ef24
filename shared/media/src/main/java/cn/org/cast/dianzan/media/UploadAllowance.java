package cn.org.cast.dianzan.media;

import cn.org.cast.dianzan.campaign.ChinaTime;
import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.core.aws.TableNames;
import cn.org.cast.dianzan.core.data.Items;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * How many uploads one account may have signed in an hour ({@code ACCOUNT#<sub>} /
 * {@code UPLOADS#<yyyyMMddHH>}): every signature, and every renewal, takes one with a single
 * conditional update. A whole case holds at most 67 files, so the allowance never stands in a
 * real user's way, but a runaway client cannot fill the table with uploads or S3 with parts.
 */
@Singleton
public class UploadAllowance {

    public static final int PER_HOUR = 200;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final int perHour;

    /** {@code dianzan.media.uploads-per-hour} (default 200) is raised only by the upload benchmark. */
    public UploadAllowance(DynamoDbClient dynamo, TableNames tables, Clock clock,
                           @Value("${dianzan.media.uploads-per-hour:" + PER_HOUR + "}") int perHour) {
        this.dynamo = dynamo;
        this.table = tables.main();
        this.clock = clock;
        this.perHour = perHour;
    }

    /** Takes one signature from this hour's allowance; 429 with the time to retry when none is left. */
    public void take(String subject) {
        Instant now = clock.instant();
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", Items.s("ACCOUNT#" + subject), "sk", Items.s("UPLOADS#" + HOUR.format(now))))
                    .updateExpression("ADD signed :one SET #type = :type")
                    .conditionExpression("attribute_not_exists(signed) OR signed < :max")
                    .expressionAttributeNames(Map.of("#type", "type"))
                    .expressionAttributeValues(Map.of(":one", Items.n(1), ":max", Items.n(perHour),
                            ":type", Items.s("UploadAllowance"))));
        } catch (ConditionalCheckFailedException spent) {
            Instant retryAt = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
            String at = ChinaTime.format(retryAt);
            throw new DomainException(Failure.TOO_MANY_UPLOADS, "一小时内申请上传已达" + perHour + "次，请于北京时间 "
                    + at.substring(11, 16) + " 后再试", List.of(),
                    Map.of("retryAt", at, "retryAfterSeconds", Math.max(1, retryAt.getEpochSecond() - now.getEpochSecond())));
        }
    }
}

package cn.org.cast.dianzan.accounts;

import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.core.aws.TableNames;
import cn.org.cast.dianzan.core.data.Items;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Lockout: {@value #MAX_FAILURES} failed sign-ins for an address within {@link #WINDOW} lock it for
 * {@link #LOCK}. Kept per address key, known or not, so a locked answer tells nobody whether the
 * address is registered. The failure count is one atomic ADD on one item; the lock is set by the
 * failure that reaches the limit.
 */
@Singleton
public class SignInGuard {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);
    private static final DateTimeFormatter CHINA = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public SignInGuard(DynamoDbClient dynamo, TableNames tables, Clock clock) {
        this.dynamo = dynamo;
        this.table = tables.main();
        this.clock = clock;
    }

    /** 423 ACCOUNT_LOCKED with the time it unlocks, while the address is locked. */
    public void requireUnlocked(String email) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(email)).consistentRead(true)).item();
        if (item != null && item.containsKey("lockedUntil") && Items.instant(item, "lockedUntil").isAfter(now)) {
            throw locked(Items.instant(item, "lockedUntil"), now);
        }
    }

    /**
     * Counts a failure; the one that reaches the limit locks the address and is answered as locked
     * (so the fifth wrong password already shows when it unlocks).
     */
    public void recordFailure(String email) {
        Instant now = clock.instant();
        Map<String, AttributeValue> key = key(email);
        // a window that ended starts again (epoch milliseconds, compared as numbers)
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression("SET failures = :zero, windowStart = :now, #type = :type REMOVE lockedUntil")
                    .conditionExpression("attribute_not_exists(windowStart) OR windowStart < :expired")
                    .expressionAttributeNames(Map.of("#type", "type"))
                    .expressionAttributeValues(Map.of(":zero", Items.n(0), ":now", Items.n(now.toEpochMilli()),
                            ":type", Items.s("SignInGuard"), ":expired", Items.n(now.minus(WINDOW).toEpochMilli()))));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException stillOpen) {
            // the window is still open: count into it
        }
        Map<String, AttributeValue> after = dynamo.updateItem(b -> b.tableName(table).key(key)
                .updateExpression("ADD failures :one").expressionAttributeValues(Map.of(":one", Items.n(1)))
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        if (Items.number(after, "failures") >= MAX_FAILURES) {
            Instant until = now.plus(LOCK);
            dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("SET lockedUntil = :until")
                    .expressionAttributeValues(Map.of(":until", Items.instant(until))));
            throw locked(until, now);
        }
    }

    /** A successful sign-in (or a password reset) starts the count again. */
    public void clear(String email) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(email)));
    }

    private static DomainException locked(Instant until, Instant now) {
        String at = CHINA.format(until);
        return new DomainException(Failure.ACCOUNT_LOCKED, "登录失败次数过多，账号已锁定至北京时间 " + at
                + "，届时可再试，也可以通过邮箱重置密码", List.of(),
                Map.of("unlocksAt", AccountViews.china(until),
                        "retryAfterSeconds", Math.max(1, Duration.between(now, until).toSeconds())));
    }

    private static Map<String, AttributeValue> key(String email) {
        return Map.of("pk", Items.s("SIGN-IN#" + Emails.key(email)), "sk", Items.s("GUARD"));
    }
}

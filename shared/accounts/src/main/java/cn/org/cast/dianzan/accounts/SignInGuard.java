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
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Lockout: {@value #MAX_FAILURES} failed sign-ins for an address within {@link #WINDOW} lock it for
 * {@link #LOCK}. Kept per address key, known or not, so a locked answer tells nobody whether the
 * address is registered. Each attempt is counted before its password is hashed (one atomic ADD,
 * refused while locked), so parallel requests get no more than five checks; a success clears it.
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

    /**
     * Takes one attempt for the address before its password is checked, so that parallel requests cannot
     * check more than {@value #MAX_FAILURES} passwords in a window: one atomic ADD on the guard item,
     * conditional on the address not being locked. Answers 423 ACCOUNT_LOCKED (with the time it unlocks)
     * while it is locked, or when this attempt would be one too many. A successful sign-in clears the
     * count ({@link #clear}); a failed one keeps the attempt counted ({@link #failed}).
     */
    public long attempt(String email) {
        Instant now = clock.instant();
        Map<String, AttributeValue> key = key(email);
        // a window that ended starts again (epoch milliseconds, compared as numbers)
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression("SET failures = :zero, windowStart = :now, #type = :type REMOVE lockedUntil")
                    .conditionExpression("(attribute_not_exists(windowStart) OR windowStart < :expired)"
                            + " AND (attribute_not_exists(lockedUntil) OR lockedUntil < :now)")
                    .expressionAttributeNames(Map.of("#type", "type"))
                    .expressionAttributeValues(Map.of(":zero", Items.n(0), ":now", Items.n(now.toEpochMilli()),
                            ":type", Items.s("SignInGuard"), ":expired", Items.n(now.minus(WINDOW).toEpochMilli()))));
        } catch (ConditionalCheckFailedException stillOpen) {
            // the window is still open: count into it
        }
        Map<String, AttributeValue> after;
        try {
            after = dynamo.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression("ADD failures :one")
                    .conditionExpression("attribute_not_exists(lockedUntil) OR lockedUntil < :now")
                    .expressionAttributeValues(Map.of(":one", Items.n(1), ":now", Items.n(now.toEpochMilli())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
        } catch (ConditionalCheckFailedException locked) {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
            throw locked(Instant.ofEpochMilli(Items.number(item, "lockedUntil")), now);
        }
        long attempts = Items.number(after, "failures");
        if (attempts > MAX_FAILURES) {
            throw lock(key, now);
        }
        return attempts;
    }

    /**
     * The attempt failed: it stays counted, and the attempt that reached the limit locks the address and
     * is answered as locked (so the fifth wrong password already shows when it unlocks).
     */
    public void failed(String email, long attempt) {
        if (attempt >= MAX_FAILURES) {
            throw lock(key(email), clock.instant());
        }
    }

    private DomainException lock(Map<String, AttributeValue> key, Instant now) {
        Instant until = now.plus(LOCK);
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("SET lockedUntil = :until")
                    .conditionExpression("attribute_not_exists(lockedUntil) OR lockedUntil < :now")
                    .expressionAttributeValues(Map.of(":until", Items.n(until.toEpochMilli()), ":now", Items.n(now.toEpochMilli()))));
        } catch (ConditionalCheckFailedException lockedMeanwhile) {
            // a parallel attempt locked it first: its time stands
        }
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        Instant locked = Instant.ofEpochMilli(Items.number(item, "lockedUntil"));
        return locked(locked.isAfter(now) ? locked : until, now);
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

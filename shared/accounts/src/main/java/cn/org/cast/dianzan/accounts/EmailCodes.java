package cn.org.cast.dianzan.accounts;

import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.core.aws.TableNames;
import cn.org.cast.dianzan.core.data.Items;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Six-digit codes sent by e-mail: to verify a registration, to reset a password, to accept an
 * invitation. One item per address and purpose, keyed by the address's one-way key, so a code for an
 * address nobody registered behaves exactly like one for a known address (tries, expiry, limits):
 * the answers tell nobody which addresses exist. The code itself is stored only as a salted hash.
 * Every change is a conditional write on what was read, so two racing tries cannot both use one try.
 */
@Singleton
public class EmailCodes {

    public enum Purpose { REGISTER, RESET, INVITE }

    public static final int TRIES = 5;
    public static final Duration LIFETIME = Duration.ofMinutes(15);
    public static final Duration INVITATION_LIFETIME = Duration.ofDays(3);
    /** Resends: at most one a minute and five an hour per address and purpose. */
    public static final Duration RESEND_GAP = Duration.ofSeconds(60);
    public static final int SENDS_PER_HOUR = 5;
    /** Wrong codes for an address and purpose in a (China) day, whatever new codes were sent meanwhile. */
    public static final int WRONG_PER_DAY = 10;
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd")
            .withZone(java.time.ZoneId.of("Asia/Shanghai"));

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public EmailCodes(DynamoDbClient dynamo, TableNames tables, Clock clock) {
        this.dynamo = dynamo;
        this.table = tables.main();
        this.clock = clock;
    }

    /** A code issued: the six digits to mail (never stored) and when they expire. */
    public record Issued(String code, Instant expiresAt) {
    }

    /**
     * Issues a new code for the address and purpose, replacing any earlier one, with {@code payload}
     * (plain strings: what the code will complete) kept beside it. 429 TOO_MANY_CODES within a minute
     * of the last one or after five in an hour.
     */
    public Issued issue(String email, Purpose purpose, Map<String, String> payload, Duration lifetime) {
        Instant now = clock.instant();
        Map<String, AttributeValue> key = key(email, purpose);
        Map<String, AttributeValue> current = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        long sends = 0;
        Instant windowStart = now;
        if (current != null && !current.isEmpty()) {
            Instant lastSent = Items.instant(current, "lastSentAt");
            if (lastSent.plus(RESEND_GAP).isAfter(now)) {
                throw tooMany(lastSent.plus(RESEND_GAP), now);
            }
            windowStart = Items.instant(current, "windowStart");
            sends = Items.number(current, "sends");
            if (windowStart.plus(Duration.ofHours(1)).isAfter(now)) {
                if (sends >= SENDS_PER_HOUR) {
                    throw tooMany(windowStart.plus(Duration.ofHours(1)), now);
                }
            } else {
                windowStart = now;
                sends = 0;
            }
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        String salt = HexFormat.of().formatHex(randomBytes());
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("type", Items.s("EmailCode"));
        item.put("salt", Items.s(salt));
        item.put("codeHash", Items.s(hash(salt, code)));
        item.put("expiresAt", Items.instant(now.plus(lifetime)));
        item.put("triesLeft", Items.n(TRIES));
        item.put("sends", Items.n(sends + 1));
        item.put("windowStart", Items.instant(windowStart));
        item.put("lastSentAt", Items.instant(now));
        if (current != null && current.containsKey("wrongDay")) {
            // a new code does not bring new guesses: the day's wrong tries stay with the address
            item.put("wrongDay", current.get("wrongDay"));
            item.put("wrongCount", current.get("wrongCount"));
        }
        Map<String, AttributeValue> carried = new HashMap<>();
        payload.forEach((name, value) -> carried.put(name, Items.s(value)));
        item.put("payload", AttributeValue.fromM(carried));
        try {
            if (current == null || current.isEmpty()) {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("lastSentAt = :last")
                        .expressionAttributeValues(Map.of(":last", current.get("lastSentAt"))));
            }
        } catch (ConditionalCheckFailedException raced) {
            throw tooMany(now.plus(RESEND_GAP), now);
        }
        return new Issued(code, now.plus(lifetime));
    }

    /** What a code still waiting for the address carries (empty if none): a resend keeps it. */
    public Map<String, String> payload(String email, Purpose purpose) {
        Map<String, AttributeValue> current = dynamo.getItem(b -> b.tableName(table).key(key(email, purpose))
                .consistentRead(true)).item();
        Map<String, String> payload = new HashMap<>();
        if (current != null && current.containsKey("payload")) {
            current.get("payload").m().forEach((name, value) -> payload.put(name, value.s()));
        }
        return payload;
    }

    /**
     * Uses the code: its payload if {@code typed} is right and in time (the code is then gone), else
     * 400 VERIFICATION_CODE_INVALID with the tries left, or 410 VERIFICATION_CODE_EXPIRED when it
     * expired, was used up, or was never issued for this address.
     */
    public Map<String, String> use(String email, Purpose purpose, String typed) {
        return use(email, purpose, typed, payload -> true);
    }

    /**
     * The same, where the code alone is not enough: {@code alsoRight} must hold for what the code carries
     * (the registrant's password, say), or the try counts as a wrong code.
     */
    public Map<String, String> use(String email, Purpose purpose, String typed,
                                   java.util.function.Predicate<Map<String, String>> alsoRight) {
        Instant now = clock.instant();
        Map<String, AttributeValue> key = key(email, purpose);
        Map<String, AttributeValue> current = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        String today = DAY.format(now);
        long wrongToday = current != null && today.equals(Items.string(current, "wrongDay")) ? Items.number(current, "wrongCount") : 0;
        if (wrongToday >= WRONG_PER_DAY) {
            throw new DomainException(Failure.TOO_MANY_CODES, "今天验证码输错次数过多，请明天再试", List.of(),
                    Map.of("retryAfterSeconds", Math.max(1, Duration.between(now, java.time.LocalDate.parse(today,
                            DAY).plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant()).toSeconds())));
        }
        if (current == null || current.isEmpty() || !Items.instant(current, "expiresAt").isAfter(now)
                || Items.number(current, "triesLeft") <= 0) {
            throw new DomainException(Failure.VERIFICATION_CODE_EXPIRED);
        }
        long triesLeft = Items.number(current, "triesLeft");
        boolean right = typed != null && typed.strip().matches("\\d{6}")
                && MessageDigest.isEqual(hash(Items.string(current, "salt"), typed.strip()).getBytes(StandardCharsets.UTF_8),
                Items.string(current, "codeHash").getBytes(StandardCharsets.UTF_8));
        Map<String, String> payload = new HashMap<>();
        current.getOrDefault("payload", AttributeValue.fromM(Map.of())).m().forEach((name, value) -> payload.put(name, value.s()));
        boolean codeRight = right;
        right = right && alsoRight.test(payload);
        try {
            if (right) {
                dynamo.deleteItem(b -> b.tableName(table).key(key).conditionExpression("codeHash = :hash AND triesLeft = :tries")
                        .expressionAttributeValues(Map.of(":hash", current.get("codeHash"), ":tries", Items.n(triesLeft))));
                return payload;
            }
            dynamo.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression("SET triesLeft = :left, wrongDay = :day, wrongCount = :wrong")
                    .conditionExpression("codeHash = :hash AND triesLeft = :tries")
                    .expressionAttributeValues(Map.of(":left", Items.n(triesLeft - 1), ":hash", current.get("codeHash"),
                            ":tries", Items.n(triesLeft), ":day", Items.s(today), ":wrong", Items.n(wrongToday + 1))));
        } catch (ConditionalCheckFailedException raced) {
            // another try or a new code came first: this try counts as wrong, nothing else changes
            throw invalid(Math.max(0, triesLeft - 1), codeRight);
        }
        if (triesLeft - 1 <= 0) {
            throw new DomainException(Failure.VERIFICATION_CODE_EXPIRED, "验证码错误次数过多，已失效，请重新获取",
                    List.of(), Map.of("triesLeft", 0));
        }
        throw invalid(triesLeft - 1, codeRight);
    }

    private static DomainException invalid(long triesLeft, boolean codeRight) {
        return new DomainException(Failure.VERIFICATION_CODE_INVALID, (codeRight ? "密码与注册时填写的不一致"
                : "验证码不正确") + "，还可以再试" + triesLeft + "次",
                List.of(codeRight ? new cn.org.cast.dianzan.core.FieldError("password", "WRONG_PASSWORD", "与注册时填写的密码不一致")
                        : new cn.org.cast.dianzan.core.FieldError("code", "CODE_INVALID", "验证码不正确")),
                Map.of("triesLeft", triesLeft));
    }

    private static DomainException tooMany(Instant retryAt, Instant now) {
        long seconds = Math.max(1, Duration.between(now, retryAt).toSeconds());
        return new DomainException(Failure.TOO_MANY_CODES, "验证码发送过于频繁，请" + waitText(seconds) + "后再试",
                List.of(), Map.of("retryAfterSeconds", seconds));
    }

    private static String waitText(long seconds) {
        return seconds < 60 ? seconds + "秒" : (seconds + 59) / 60 + "分钟";
    }

    private static Map<String, AttributeValue> key(String email, Purpose purpose) {
        return Map.of("pk", Items.s("EMAIL-CODE#" + Emails.key(email)), "sk", Items.s(purpose.name()));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String hash(String salt, String code) {
        return Emails.sha256Hex(salt + ":" + code);
    }
}

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
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Refresh sessions: one item per sign-in (a "family"), {@code ACCOUNT#<a>/SESSION#<person>#<family>},
 * holding the hash of the one refresh token that may be used next and its generation. A refresh token
 * is single use: using it moves the family to the next generation with a conditional write on the
 * generation read. A token of an earlier generation is a replay (stolen, or used twice): the whole
 * family is revoked, so the thief's and the owner's next refresh both fail and the owner signs in
 * again. Each token lives {@link #LIFETIME}; the family ends too when the person's sessions were
 * ended after it began (sign out everywhere, password reset, removal).
 */
@Singleton
public class Sessions {

    public static final Duration LIFETIME = Duration.ofDays(30);
    private static final Pattern TOKEN = Pattern.compile(
            "rt1\\.([A-Za-z0-9-]{1,64})\\.([A-Za-z0-9-]{1,64})\\.([A-Za-z0-9-]{1,64})\\.(\\d{1,9})\\.([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public Sessions(DynamoDbClient dynamo, TableNames tables, Clock clock) {
        this.dynamo = dynamo;
        this.table = tables.main();
        this.clock = clock;
    }

    /** A refresh token's parts: whose session, which family and generation. */
    public record Presented(String accountId, String personId, String familyId, long generation, String secret) {
    }

    /** A session's state as read. */
    public record Family(Presented presented, Instant startedAt, Instant expiresAt, long generation,
                         boolean revoked, String secretHash) {
    }

    /** Opens a family for a sign-in; the answer is its first refresh token. */
    public String open(Person person) {
        Instant now = clock.instant();
        String familyId = UUID.randomUUID().toString();
        String secret = secret();
        Map<String, AttributeValue> item = new HashMap<>(key(person.accountId(), person.personId(), familyId));
        item.put("type", Items.s("Session"));
        item.put("startedAt", Items.instant(now));
        item.put("expiresAt", Items.instant(now.plus(LIFETIME)));
        item.put("generation", Items.n(0));
        item.put("secretHash", Items.s(hash(secret)));
        dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        return token(person.accountId(), person.personId(), familyId, 0, secret);
    }

    /**
     * Reads the session a token names. 401 REFRESH_TOKEN_INVALID if the token is malformed, unknown,
     * forged (right family, wrong secret), expired or revoked.
     */
    public Family read(String refreshToken) {
        Presented presented = parse(refreshToken);
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(presented.accountId(), presented.personId(), presented.familyId()))).item();
        if (item == null || item.isEmpty()) {
            throw new DomainException(Failure.REFRESH_TOKEN_INVALID);
        }
        return new Family(presented, Items.instant(item, "startedAt"), Items.instant(item, "expiresAt"),
                Items.number(item, "generation"), item.containsKey("revokedAt"), Items.string(item, "secretHash"));
    }

    /**
     * Uses the token once: the next refresh token of its family. A token of an earlier generation
     * revokes the family and is answered 401 REFRESH_TOKEN_REUSED; so is losing the race to a
     * concurrent use of the same token.
     */
    public String rotate(Family family) {
        Presented presented = family.presented();
        Instant now = clock.instant();
        if (family.revoked() || !family.expiresAt().isAfter(now)) {
            throw new DomainException(Failure.REFRESH_TOKEN_INVALID);
        }
        if (presented.generation() < family.generation()) {
            revoke(presented);
            throw new DomainException(Failure.REFRESH_TOKEN_REUSED);
        }
        if (presented.generation() != family.generation() || !MessageDigest.isEqual(
                hash(presented.secret()).getBytes(StandardCharsets.UTF_8), family.secretHash().getBytes(StandardCharsets.UTF_8))) {
            throw new DomainException(Failure.REFRESH_TOKEN_INVALID);
        }
        String secret = secret();
        long next = family.generation() + 1;
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(presented.accountId(), presented.personId(), presented.familyId()))
                    .updateExpression("SET generation = :next, secretHash = :hash, expiresAt = :expires, lastUsedAt = :now")
                    .conditionExpression("generation = :read AND attribute_not_exists(revokedAt)")
                    .expressionAttributeValues(Map.of(":next", Items.n(next), ":hash", Items.s(hash(secret)),
                            ":expires", Items.instant(now.plus(LIFETIME)), ":now", Items.instant(now),
                            ":read", Items.n(family.generation()))));
        } catch (ConditionalCheckFailedException usedMeanwhile) {
            revoke(presented);
            throw new DomainException(Failure.REFRESH_TOKEN_REUSED);
        }
        return token(presented.accountId(), presented.personId(), presented.familyId(), next, secret);
    }

    /** True if the token is the one the family would accept next (its secret checked, not just its ids). */
    public boolean isCurrent(Family family) {
        return family.presented().generation() == family.generation() && MessageDigest.isEqual(
                hash(family.presented().secret()).getBytes(StandardCharsets.UTF_8), family.secretHash().getBytes(StandardCharsets.UTF_8));
    }

    /** Ends the family (sign-out with its current token, or the answer to a replayed older one). */
    public void revoke(Presented presented) {
        dynamo.updateItem(b -> b.tableName(table).key(key(presented.accountId(), presented.personId(), presented.familyId()))
                .updateExpression("SET revokedAt = if_not_exists(revokedAt, :now)")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":now", Items.instant(clock.instant()))));
    }

    public static Presented parse(String refreshToken) {
        var match = refreshToken == null ? null : TOKEN.matcher(refreshToken.strip());
        if (match == null || !match.matches()) {
            throw new DomainException(Failure.REFRESH_TOKEN_INVALID);
        }
        return new Presented(match.group(1), match.group(2), match.group(3), Long.parseLong(match.group(4)), match.group(5));
    }

    private static String token(String accountId, String personId, String familyId, long generation, String secret) {
        return "rt1." + accountId + "." + personId + "." + familyId + "." + generation + "." + secret;
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String secret) {
        return Emails.sha256Hex(secret);
    }

    private static Map<String, AttributeValue> key(String accountId, String personId, String familyId) {
        return Map.of("pk", Items.s("ACCOUNT#" + accountId), "sk", Items.s("SESSION#" + personId + "#" + familyId));
    }
}

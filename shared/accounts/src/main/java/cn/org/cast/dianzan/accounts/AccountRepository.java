package cn.org.cast.dianzan.accounts;

import cn.org.cast.dianzan.core.aws.TableNames;
import cn.org.cast.dianzan.core.data.Items;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Accounts and their people in the main table, no transactions:
 * {@code ACCOUNT#<id>/ACCOUNT} the account, {@code ACCOUNT#<id>/PERSON#<id>} each colleague (so one
 * query lists them), {@code EMAIL#<key>/EMAIL} the address's claim pointing at its person. The claim is
 * written last and conditionally: a person whose claim lost a race is deleted again. A person left
 * behind by a crash before its claim cannot sign in (no address leads to it) and never owns the address;
 * it may still be listed among the account's people, to be removed by a colleague.
 */
@Singleton
public class AccountRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    public AccountRepository(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.table = tables.main();
    }

    /** Saves a new account with its first person; false (and nothing kept) if the address is taken. */
    public boolean create(Account account, Person person) {
        dynamo.putItem(b -> b.tableName(table).item(accountItem(account)).conditionExpression("attribute_not_exists(pk)"));
        if (addPerson(person)) {
            return true;
        }
        dynamo.deleteItem(b -> b.tableName(table).key(accountKey(account.accountId())));
        return false;
    }

    /** Adds a person to an existing account; false (and nothing kept) if the address is taken. */
    public boolean addPerson(Person person) {
        dynamo.putItem(b -> b.tableName(table).item(personItem(person)).conditionExpression("attribute_not_exists(pk)"));
        try {
            dynamo.putItem(b -> b.tableName(table).item(Map.of(
                    "pk", Items.s("EMAIL#" + Emails.key(person.email())), "sk", Items.s("EMAIL"),
                    "type", Items.s("EmailClaim"), "accountId", Items.s(person.accountId()),
                    "personId", Items.s(person.personId())))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            dynamo.deleteItem(b -> b.tableName(table).key(personKey(person.accountId(), person.personId())));
            return false;
        }
    }

    public Optional<Person> byEmail(String email) {
        Map<String, AttributeValue> claim = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", Items.s("EMAIL#" + Emails.key(email)), "sk", Items.s("EMAIL")))).item();
        if (claim == null || claim.isEmpty()) {
            return Optional.empty();
        }
        return person(Items.string(claim, "accountId"), Items.string(claim, "personId"))
                .filter(p -> p.email().equals(email));
    }

    public Optional<Person> person(String accountId, String personId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(personKey(accountId, personId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(person(item));
    }

    public Optional<Account> account(String accountId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(accountKey(accountId))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Account(accountId, AccountType.valueOf(Items.string(item, "accountType")),
                Items.string(item, "contactPersonId"), Items.instant(item, "createdAt"), Items.number(item, "version")));
    }

    /** Everyone who is or was on the account, removed people included (the history keeps their names). */
    public List<Person> people(String accountId) {
        List<Person> people = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamo.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :person)")
                    .expressionAttributeValues(Map.of(":pk", Items.s("ACCOUNT#" + accountId), ":person", Items.s("PERSON#")))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> people.add(person(item)));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return people;
    }

    /** Hands the account to another contact person, if nobody changed it since it was read. */
    public boolean changeContact(Account read, String personId) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(accountKey(read.accountId()))
                    .updateExpression("SET contactPersonId = :person, version = :next")
                    .conditionExpression("version = :read")
                    .expressionAttributeValues(Map.of(":person", Items.s(personId), ":next", Items.n(read.version() + 1),
                            ":read", Items.n(read.version()))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    /** A new password hash; every refresh session opened before {@code at} is over. */
    public void changePassword(Person person, String hash, Instant at) {
        dynamo.updateItem(b -> b.tableName(table).key(personKey(person.accountId(), person.personId()))
                .updateExpression("SET passwordHash = :hash, sessionsValidAfter = :at")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":hash", Items.s(hash), ":at", Items.instant(at))));
    }

    /** The same password, hashed again with today's parameters (sessions stay). */
    public void rehash(Person person, String hash) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(personKey(person.accountId(), person.personId()))
                    .updateExpression("SET passwordHash = :hash").conditionExpression("passwordHash = :old")
                    .expressionAttributeValues(Map.of(":hash", Items.s(hash), ":old", Items.s(person.passwordHash()))));
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            // a parallel sign-in rehashed it first, or the password changed: theirs stands
        }
    }

    /** Ends every refresh session of the person opened before {@code at}. */
    public void endSessions(Person person, Instant at) {
        dynamo.updateItem(b -> b.tableName(table).key(personKey(person.accountId(), person.personId()))
                .updateExpression("SET sessionsValidAfter = :at").conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":at", Items.instant(at))));
    }

    /** Takes a person off the account: sessions end, the address is free again, the name stays for the history. */
    public void remove(Person person, Instant at) {
        dynamo.updateItem(b -> b.tableName(table).key(personKey(person.accountId(), person.personId()))
                .updateExpression("SET #status = :removed, sessionsValidAfter = :at, removedAt = :at")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":removed", Items.s(Person.Status.REMOVED.name()), ":at", Items.instant(at))));
        try {
            dynamo.deleteItem(b -> b.tableName(table)
                    .key(Map.of("pk", Items.s("EMAIL#" + Emails.key(person.email())), "sk", Items.s("EMAIL")))
                    .conditionExpression("personId = :person")
                    .expressionAttributeValues(Map.of(":person", Items.s(person.personId()))));
        } catch (ConditionalCheckFailedException goneAlready) {
            // removed twice, or the address already belongs to someone else again: nothing of ours to free
        }
    }

    /** Uses a TOTP time step once: false if this or a later step was already used. */
    public boolean useTotpStep(Person person, long step) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(personKey(person.accountId(), person.personId()))
                    .updateExpression("SET lastTotpStep = :step")
                    .conditionExpression("attribute_not_exists(lastTotpStep) OR lastTotpStep < :step")
                    .expressionAttributeValues(Map.of(":step", Items.n(step))));
            return true;
        } catch (ConditionalCheckFailedException used) {
            return false;
        }
    }

    /** Marks the one-time admin bootstrap as done; false if it was done before. */
    public boolean claimBootstrap(String personId, Instant at) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", Items.s("ADMINS"), "sk", Items.s("BOOTSTRAP"),
                    "type", Items.s("AdminBootstrap"), "personId", Items.s(personId), "at", Items.instant(at)))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException done) {
            return false;
        }
    }

    /** Undoes a bootstrap claim whose admin could not be created. */
    public void releaseBootstrap(String personId) {
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", Items.s("ADMINS"), "sk", Items.s("BOOTSTRAP")))
                .conditionExpression("personId = :person").expressionAttributeValues(Map.of(":person", Items.s(personId))));
    }

    private static Map<String, AttributeValue> accountItem(Account account) {
        Map<String, AttributeValue> item = new HashMap<>(accountKey(account.accountId()));
        item.put("type", Items.s("Account"));
        item.put("accountType", Items.s(account.type().name()));
        item.put("contactPersonId", Items.s(account.contactPersonId()));
        item.put("createdAt", Items.instant(account.createdAt()));
        item.put("version", Items.n(account.version()));
        return item;
    }

    private static Map<String, AttributeValue> personItem(Person person) {
        Map<String, AttributeValue> item = new HashMap<>(personKey(person.accountId(), person.personId()));
        item.put("type", Items.s("Person"));
        item.put("personId", Items.s(person.personId()));
        item.put("accountId", Items.s(person.accountId()));
        item.put("email", Items.s(person.email()));
        item.put("name", Items.s(person.name()));
        if (person.mobile() != null) {
            item.put("mobile", Items.s(person.mobile()));
        }
        item.put("passwordHash", Items.s(person.passwordHash()));
        item.put("status", Items.s(person.status().name()));
        item.put("createdAt", Items.instant(person.createdAt()));
        item.put("sessionsValidAfter", Items.instant(person.sessionsValidAfter()));
        if (person.totpSecret() != null) {
            item.put("totpSecret", Items.s(person.totpSecret()));
        }
        return item;
    }

    private static Person person(Map<String, AttributeValue> item) {
        return new Person(Items.string(item, "personId"), Items.string(item, "accountId"), Items.string(item, "email"),
                Items.string(item, "name"), Items.string(item, "mobile"), Items.string(item, "passwordHash"),
                Person.Status.valueOf(Items.string(item, "status")), Items.instant(item, "createdAt"),
                Items.instant(item, "sessionsValidAfter"), Items.string(item, "totpSecret"),
                item.containsKey("lastTotpStep") ? Items.number(item, "lastTotpStep") : -1);
    }

    static Map<String, AttributeValue> accountKey(String accountId) {
        return Map.of("pk", Items.s("ACCOUNT#" + accountId), "sk", Items.s("ACCOUNT"));
    }

    static Map<String, AttributeValue> personKey(String accountId, String personId) {
        return Map.of("pk", Items.s("ACCOUNT#" + accountId), "sk", Items.s("PERSON#" + personId));
    }
}

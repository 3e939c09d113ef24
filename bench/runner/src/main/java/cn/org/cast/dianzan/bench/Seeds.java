package cn.org.cast.dianzan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * State a scenario's sample event reads, written before the warm-up in the shape the domain's
 * repositories write it, so that the function and its baseline both do the route's real reads rather
 * than answer 404 on empty tables. Written here as items rather than through the domain services:
 * the sample names fixed ids (its upload's) that the services would generate at random, and the
 * campaign is closed on today's clock, so nothing could be signed. A seed that drifts from what
 * the repositories read shows as a wrong answer in the warm-up ({@link Scenarios}' expected answer).
 */
final class Seeds {

    /** What a seed writes into: the physical names of the template's resources it was given. */
    @FunctionalInterface
    interface Seed {
        void write(DynamoDbClient dynamo, Map<String, String> physicalNames, Path event);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The campaign, a recommending unit's ids, and museum-b's case: as MediaUploadEventsIT sets them up. */
    private static final String CAMPAIGN = "2026";
    private static final String UNIT = "U6f0c2a1e-5b7d-4c39-8e21-0d4a9b3c7e58";
    private static final String UNIT_OWNER = "5c2d9e11-unit-0001";
    private static final String CASE = "C4815724d5bf94dc2cd8802f989550298";
    private static final String SIGNED = "2026-06-20T02:00:00Z";
    private static final String COMPLETED = "2026-06-20T02:00:01Z";
    private static final int PDF_BYTES = 15;

    private Seeds() {
    }

    /**
     * For GET /uploads/{id}: the sample's upload, completed, of a document attached to a draft case of
     * the sample's caller (museum-b, an implementing unit), who joined a bound unit. Items as
     * BindingService (unit, binding, membership), CaseRepository (the case), CaseFileRepository (the
     * case's FILES item) and UploadRepository (the upload, out of the pending index) leave them. What
     * the route reads: the upload, the case, the FILES item (the caller owns the case, so no unit is
     * read); then it presigns a GET. The object itself is not written: the route never reads it.
     */
    static void completedUpload(DynamoDbClient dynamo, Map<String, String> physicalNames, Path event) {
        JsonNode sample = read(event);
        String uploadId = sample.path("pathParameters").path("id").asText();
        String owner = sample.path("requestContext").path("authorizer").path("jwt").path("claims").path("sub").asText();
        String table = physicalNames.get("MainTable");
        String storedKey = "media/" + CAMPAIGN + "/" + UNIT + "/" + CASE + "/document/" + uploadId;

        put(dynamo, table, unit(UNIT_OWNER));
        put(dynamo, table, item("ACCOUNT#" + owner, "CAMPAIGN#" + CAMPAIGN, "AccountBinding", Map.of("role", "IMPLEMENTER",
                "code", "92N45BV5G2VXQHU", "unitId", UNIT, "at", "2026-06-19T02:00:00Z"), Map.of(), Map.of()));
        put(dynamo, table, item("UNIT#" + UNIT, "MEMBER#" + owner, "Membership", Map.of("unitId", UNIT,
                "memberSubject", owner, "username", "museum-b", "organization", "某市科技馆", "status", "ACTIVE",
                "joinedAt", "2026-06-19T02:00:00Z"), Map.of(), Map.of()));

        String order = COMPLETED + "#" + CASE;
        put(dynamo, table, item("CASE#" + CASE, "META", "Case", Map.of("id", CASE, "campaignId", CAMPAIGN,
                "unitId", UNIT, "ownerSubject", owner, "ownerOrganization", "某市科技馆", "status", "DRAFT",
                "form", "{\"name\":\"科学之夜\"}", "warnings", "[]",
                "requestHash", "5d1be5a1c2a07e2d0f7e1c8e3b9a4f6d2c8b7a6e5f4d3c2b1a0f9e8d7c6b5a49"),
                Map.of("gsi1pk", "UNIT#" + UNIT + "#CASES", "gsi1sk", order, "gsi2pk", "OWNER#" + owner + "#CASES",
                        "gsi2sk", order, "createdAt", "2026-06-20T01:59:00Z", "updatedAt", COMPLETED),
                Map.of("version", 2L)));
        String file = "{\"id\":\"" + uploadId + "\",\"caseId\":\"" + CASE + "\",\"kind\":\"DOCUMENT\",\"key\":\""
                + storedKey + "\",\"fileName\":\"实施方案.pdf\",\"contentType\":\"application/pdf\",\"size\":" + PDF_BYTES
                + ",\"attachedAt\":\"" + COMPLETED + "\",\"attachedBy\":\"" + owner + "\"}";
        Map<String, AttributeValue> files = new HashMap<>(key("CASE#" + CASE, "FILES"));
        files.put("DOCUMENT", AttributeValue.fromM(Map.of(uploadId, AttributeValue.fromS(file))));
        put(dynamo, table, files);

        put(dynamo, table, item("UPLOAD#" + uploadId, "META", "Upload", Map.of("caseId", CASE, "campaignId", CAMPAIGN,
                "unitId", UNIT, "owner", owner, "kind", "DOCUMENT", "fileName", "实施方案.pdf",
                "contentType", "application/pdf", "pendingKey", "pending/" + storedKey.substring("media/".length()),
                "status", "COMPLETED"), Map.of("signedAt", SIGNED, "expiresAt", "2026-06-20T02:15:00Z",
                "claimedAt", COMPLETED), Map.of("size", (long) PDF_BYTES)));
    }

    /** Unit-a's unit, as BindingService.bind stores it, owned by {@code ownerSubject}. */
    private static Map<String, AttributeValue> unit(String ownerSubject) {
        return item("UNIT#" + UNIT, "META", "Unit", Map.of("unitId", UNIT, "campaignId", CAMPAIGN,
                "code", "92N45BV5G2VXQHU", "unitName", "某省科学技术协会", "unitType", "PROVINCIAL_ASSOCIATION",
                "address", "某省某市科技路1号", "contactName", "王老师", "contactTitle", "科普部部长",
                "phone", "13912345678", "email", "kepu@example.cn"), Map.of("ownerSubject", ownerSubject,
                "registeredAt", "2026-06-18T02:00:00Z", "gsi1pk", "CAMPAIGN#" + CAMPAIGN + "#UNITS",
                "gsi1sk", "某省科学技术协会#" + UNIT), Map.of("version", 1L));
    }

    /** museum-b's two approved cases under unit-a, by the ids events/quota's samples name (QuotaEventsIT). */
    private static final String RECOMMENDED_CASE = "C816da23bbcb0151d574cfd23f1e30441";
    private static final String APPROVED_CASE = "C1a970f50152d0448d98b42982c58885a";
    private static final String MUSEUM_B = "7a3f0c22-impl-0001";
    private static final String RECOMMENDED_AT = "2026-06-20T02:05:00Z";

    /**
     * For GET /units/me/quota: the sample's caller (unit-a) bound to its unit, two cases of museum-b
     * under it, one recommended and one approved (both of category ACTIVITY_SERVICE), and the unit's
     * quota ledger holding the recommended one. Items as BindingService (unit, binding),
     * CaseRepository (the cases, in gsi1 under {@code UNIT#<unit>#CASES}) and QuotaLedgerRepository
     * (ensure, then add) leave them: the ledger and the cases' statuses agree, so the route's repair
     * finds nothing to write. What the route reads: the binding, the unit, the campaign (stored by the
     * warm-up's first call of the function, the notice's 2026 campaign), the unit's cases through gsi1
     * and the ledger. The campaign itself is not seeded: the function writes it as it would on first
     * use, and then both variants read it. For GET /units/me/summary the same state is a unit at step
     * RECOMMENDED, before its first summary sheet: the route reads the binding, the unit, the campaign,
     * the ledger, the recommended case, and queries the unit's sheets (none), so presigns no link.
     */
    static void unitWithRecommendation(DynamoDbClient dynamo, Map<String, String> physicalNames, Path event) {
        JsonNode sample = read(event);
        String owner = sample.path("requestContext").path("authorizer").path("jwt").path("claims").path("sub").asText();
        String table = physicalNames.get("MainTable");

        put(dynamo, table, unit(owner));
        put(dynamo, table, item("ACCOUNT#" + owner, "CAMPAIGN#" + CAMPAIGN, "AccountBinding", Map.of("role", "RECOMMENDER",
                "code", "92N45BV5G2VXQHU", "unitId", UNIT, "at", "2026-06-18T02:00:00Z"), Map.of(), Map.of()));

        put(dynamo, table, approvedCase(RECOMMENDED_CASE, "科普案例23", "RECOMMENDED", RECOMMENDED_AT, 5));
        put(dynamo, table, approvedCase(APPROVED_CASE, "科普案例27", "APPROVED", "2026-06-20T02:04:00Z", 4));

        Map<String, AttributeValue> ledger = new HashMap<>(item("UNIT#" + UNIT, "QUOTA#" + CAMPAIGN, "QuotaLedger",
                Map.of("campaignId", CAMPAIGN, "unitId", UNIT, "unitName", "某省科学技术协会"),
                Map.of("gsi1pk", "QUOTAS#" + CAMPAIGN, "gsi1sk", UNIT), Map.of("total", 1L)));
        ledger.put("ACTIVITY_SERVICE", AttributeValue.fromM(Map.of(RECOMMENDED_CASE,
                AttributeValue.fromS("2026-06-20T02:05:00.000000000Z"))));
        ledger.put("VENUE_BUILDING", AttributeValue.fromM(Map.of()));
        put(dynamo, table, ledger);
    }

    /** A complete activity case of museum-b's, submitted and approved (or then recommended), as CaseRepository stores it. */
    private static Map<String, AttributeValue> approvedCase(String id, String name, String status, String updatedAt,
                                                            long version) {
        String form = "{\"name\":\"" + name + "\",\"implementingUnit\":\"某市科技馆\",\"address\":\"某市科技大道1号\","
                + "\"contactName\":\"张老师\",\"contactTitle\":\"馆长\",\"phone\":\"010-68526300\","
                + "\"email\":\"kjg@example.cn\",\"category\":\"ACTIVITY_SERVICE\",\"subtype\":\"LECTURE\","
                + "\"summary\":\"全年举办科普讲座120场，覆盖青少年3万人次。\",\"mediaReports\":[],\"awards\":[],"
                + "\"detail\":\"一、实施、应用及推广情况\\n……\",\"startedOn\":\"2025-03-01\"}";
        String order = updatedAt + "#" + id;
        Map<String, AttributeValue> item = new HashMap<>(item("CASE#" + id, "META", "Case", Map.of("id", id,
                "campaignId", CAMPAIGN, "unitId", UNIT, "ownerSubject", MUSEUM_B, "ownerOrganization", "某市科技馆",
                "status", status, "form", form, "warnings", "[]", "category", "ACTIVITY_SERVICE",
                "requestHash", "5d1be5a1c2a07e2d0f7e1c8e3b9a4f6d2c8b7a6e5f4d3c2b1a0f9e8d7c6b5a49"),
                Map.of("gsi1pk", "UNIT#" + UNIT + "#CASES", "gsi1sk", order, "gsi2pk", "OWNER#" + MUSEUM_B + "#CASES",
                        "gsi2sk", order, "createdAt", "2026-06-20T01:59:00Z", "updatedAt", updatedAt,
                        "submittedAt", "2026-06-20T02:01:00Z"), Map.of("version", version)));
        return item;
    }

    /** The sign-in sample's unit account (ids of our choosing: the function makes them at random). */
    private static final String ACCOUNT = "A0b7d2c3e-1f4a-4b5c-9d6e-7f8091a2b3c4";
    private static final String PERSON = "P1c8e3d4f-2a5b-4c6d-8e7f-9012a3b4c5d6";
    private static final String REGISTERED_AT = "2026-06-18T02:00:00Z";
    /**
     * PasswordHasher's defaults (${dianzan.accounts.argon2.*}: 19 MiB, 2 passes, 1 lane, 32-byte output).
     * Should they change, the function's first sign-in (the warm-up's, alone) finds this hash outdated and
     * stores one with the new parameters, which both variants then verify: the seed need not follow.
     */
    private static final com.password4j.Argon2Function ARGON2 = com.password4j.Argon2Function.getInstance(
            19456, 2, 1, 32, com.password4j.types.Argon2.ID);

    /**
     * For POST /auth/sign-in: the sample's address registered and verified, a recommending unit's account
     * with its one person (the contact), whose password hash is the sample's password's, Argon2id at the
     * function's defaults. Items as AccountRepository.create leaves them: the account, the person (in the
     * account's partition), and the address's claim pointing at the person ({@code EMAIL#<key>}, the key
     * being Emails.key: SHA-256 of {@code dianzan-email:<address>}). What the route reads: the address's
     * sign-in guard (none), the claim, the person, the account; it deletes the guard, opens a session (a
     * PutItem of its own each time) and lists the account's people. Nothing it writes changes what the next
     * sign-in reads, so the sample repeats without a reset.
     */
    static void signedUpAccount(DynamoDbClient dynamo, Map<String, String> physicalNames, Path event) {
        JsonNode body = readJson(read(event).path("body").asText());
        String email = body.path("email").asText().strip().toLowerCase(java.util.Locale.ROOT);
        String table = physicalNames.get("MainTable");
        put(dynamo, table, item("ACCOUNT#" + ACCOUNT, "ACCOUNT", "Account", Map.of("accountType", "RECOMMENDER",
                "contactPersonId", PERSON, "createdAt", REGISTERED_AT), Map.of(), Map.of("version", 1L)));
        put(dynamo, table, item("ACCOUNT#" + ACCOUNT, "PERSON#" + PERSON, "Person", Map.of("personId", PERSON,
                "accountId", ACCOUNT, "email", email, "name", "王老师", "mobile", "13912345678",
                "passwordHash", ARGON2.hash(body.path("password").asText()).getResult()),
                Map.of("status", "ACTIVE", "createdAt", REGISTERED_AT, "sessionsValidAfter", "1970-01-01T00:00:00Z"),
                Map.of()));
        put(dynamo, table, item("EMAIL#" + emailKey(email), "EMAIL", "EmailClaim", Map.of("accountId", ACCOUNT,
                "personId", PERSON), Map.of(), Map.of()));
    }

    /** Emails.key: the hex SHA-256 of the normalized address, prefixed. */
    private static String emailKey(String normalized) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("dianzan-email:" + normalized).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, AttributeValue> item(String pk, String sk, String type, Map<String, String> strings,
                                                    Map<String, String> moreStrings, Map<String, Long> numbers) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        item.put("type", AttributeValue.fromS(type));
        strings.forEach((name, value) -> item.put(name, AttributeValue.fromS(value)));
        moreStrings.forEach((name, value) -> item.put(name, AttributeValue.fromS(value)));
        numbers.forEach((name, value) -> item.put(name, AttributeValue.fromN(Long.toString(value))));
        return item;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    private static void put(DynamoDbClient dynamo, String table, Map<String, AttributeValue> item) {
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private static JsonNode read(Path event) {
        try {
            return JSON.readTree(event.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

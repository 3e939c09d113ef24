package cn.org.cast.dianzan.infra;

import static cn.org.cast.dianzan.infra.ObjectGrant.Action.ABORT_MULTIPART_UPLOAD;
import static cn.org.cast.dianzan.infra.ObjectGrant.Action.DELETE_OBJECT;
import static cn.org.cast.dianzan.infra.ObjectGrant.Action.GET_OBJECT;
import static cn.org.cast.dianzan.infra.ObjectGrant.Action.LIST_MULTIPART_UPLOAD_PARTS;
import static cn.org.cast.dianzan.infra.ObjectGrant.Action.PUT_OBJECT;
import static cn.org.cast.dianzan.infra.StoredTable.AUDIT;
import static cn.org.cast.dianzan.infra.StoredTable.MAIN;
import static cn.org.cast.dianzan.infra.TableGrant.Action.BATCH_WRITE_ITEM;
import static cn.org.cast.dianzan.infra.TableGrant.Action.DELETE_ITEM;
import static cn.org.cast.dianzan.infra.TableGrant.Action.GET_ITEM;
import static cn.org.cast.dianzan.infra.TableGrant.Action.PUT_ITEM;
import static cn.org.cast.dianzan.infra.TableGrant.Action.QUERY;
import static cn.org.cast.dianzan.infra.TableGrant.Action.UPDATE_ITEM;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One Lambda function of the system: its module, handler, what invokes it (HTTP routes or a schedule), the
 * DynamoDB and S3 actions it may call, and what else it uses (the token signing key, mail). template.yaml
 * says the same.
 */
public record FunctionSpec(String id, String module, String handler, String description, List<RouteSpec> routes,
                           Optional<ScheduleSpec> schedule, List<TableGrant> grants, List<ObjectGrant> objectGrants,
                           Set<Capability> capabilities) {

    /** An HTTP API route; {@code open} routes take no token. */
    public record RouteSpec(String method, String path, boolean open) {
    }

    /** An EventBridge schedule: retried a few times, then kept in a dead-letter queue. */
    public record ScheduleSpec(String expression, int maximumRetryAttempts, Duration maximumEventAge) {
    }

    /** What a function uses beyond tables and objects; each brings its environment variables and permissions. */
    public enum Capability {
        /**
         * Signs access tokens with the KMS signing key (kms:Sign, kms:GetPublicKey, granted by the key's own policy)
         * and publishes the JWKS: DIANZAN_TOKENS_*.
         */
        SIGNS_TOKENS,
        /** Sends mail: SES in the global regions, an SMTP provider in the China regions: DIANZAN_MAIL_*. */
        SENDS_MAIL
    }

    public static final List<FunctionSpec> ALL = List.of(
            new FunctionSpec("CampaignFunction", "campaign",
                    "cn.org.cast.dianzan.functions.campaign.CampaignHandler",
                    "The campaign - dates, quotas and phase (GET public, PUT admin).",
                    List.of(new RouteSpec("GET", "/campaign", true), new RouteSpec("PUT", "/campaign", false)),
                    Optional.empty(),
                    // CampaignRepository: read, create once, replace at a version; the units' quota ledgers
                    // read through gsi1 before a quota is lowered; AuditLog: append.
                    List.of(TableGrant.on(MAIN, GET_ITEM, PUT_ITEM), TableGrant.queryIndex(MAIN, "gsi1"),
                            TableGrant.on(AUDIT, PUT_ITEM)),
                    List.of(),
                    Set.of()),
            new FunctionSpec("CodeBindingFunction", "code-binding",
                    "cn.org.cast.dianzan.functions.codebinding.CodeBindingHandler",
                    "Recommendation codes - admins issue, revoke and reissue; units bind; implementers join.",
                    List.of(
                            new RouteSpec("POST", "/admin/codes", false),
                            new RouteSpec("GET", "/admin/codes", false),
                            new RouteSpec("GET", "/admin/codes/export", false),
                            new RouteSpec("POST", "/admin/codes/{code}/revoke", false),
                            new RouteSpec("POST", "/admin/codes/{code}/reissue", false),
                            new RouteSpec("POST", "/codes/{code}/bind", false),
                            new RouteSpec("POST", "/codes/{code}/join", false),
                            new RouteSpec("GET", "/units/me/implementers", false),
                            new RouteSpec("POST", "/units/me/implementers/{memberId}/detach", false),
                            new RouteSpec("GET", "/me", false)),
                    Optional.empty(),
                    // Code, Unit and AccountBinding repositories and CodeAttempts: conditional writes, deletes
                    // (a discarded reissue, a released account) and a unit's members queried on the table;
                    // the codes of a campaign are listed through gsi1.
                    List.of(TableGrant.on(MAIN, GET_ITEM, PUT_ITEM, UPDATE_ITEM, DELETE_ITEM, QUERY),
                            TableGrant.queryIndex(MAIN, "gsi1"), TableGrant.on(AUDIT, PUT_ITEM)),
                    List.of(),
                    Set.of()),
            new FunctionSpec("CaseSaveFunction", "case-save",
                    "cn.org.cast.dianzan.functions.casesave.CaseSaveHandler",
                    "The case form - create (idempotent), edit (If-Match), delete, submit; the 2025 list.",
                    List.of(
                            new RouteSpec("GET", "/case-form", false),
                            new RouteSpec("POST", "/cases", false),
                            new RouteSpec("GET", "/cases", false),
                            new RouteSpec("GET", "/cases/{id}", false),
                            new RouteSpec("PUT", "/cases/{id}", false),
                            new RouteSpec("DELETE", "/cases/{id}", false),
                            new RouteSpec("POST", "/cases/{id}/submit", false),
                            new RouteSpec("POST", "/admin/selected-2025", false),
                            new RouteSpec("POST", "/admin/cases/{id}/clear-2025-match", false)),
                    Optional.empty(),
                    // CaseRepository: put at a version, delete drafts, list by unit (gsi1) and owner (gsi2);
                    // Selected2025: the list imported in batches, near matches through gsi1; the caller's
                    // unit and membership are only read.
                    List.of(TableGrant.on(MAIN, GET_ITEM, PUT_ITEM, DELETE_ITEM, BATCH_WRITE_ITEM),
                            TableGrant.queryIndex(MAIN, "gsi1"), TableGrant.queryIndex(MAIN, "gsi2"),
                            TableGrant.on(AUDIT, PUT_ITEM)),
                    List.of(),
                    Set.of()),
            new FunctionSpec("MediaUploadFunction", "media-upload",
                    "cn.org.cast.dianzan.functions.media.MediaUploadHandler",
                    "Case files - signs uploads straight to S3, verifies what arrived (size, type, orientation),"
                            + " attaches, reads and removes.",
                    List.of(
                            new RouteSpec("POST", "/cases/{id}/uploads", false),
                            new RouteSpec("POST", "/uploads/{id}/complete", false),
                            new RouteSpec("POST", "/uploads/{id}/renew", false),
                            new RouteSpec("GET", "/uploads/{id}", false),
                            new RouteSpec("DELETE", "/uploads/{id}", false)),
                    Optional.empty(),
                    // The upload and case items by key only (no listing); AuditLog: append. Objects: signed
                    // uploads land under pending/, verified ones are copied to media/ (CopyObject: GetObject on
                    // the source, PutObject on the target; HeadObject: GetObject), then read or removed.
                    List.of(TableGrant.on(MAIN, GET_ITEM, PUT_ITEM, UPDATE_ITEM, DELETE_ITEM),
                            TableGrant.on(AUDIT, PUT_ITEM)),
                    List.of(ObjectGrant.inMediaBucket(List.of(MediaStorage.PENDING_PREFIX, "media/"), PUT_OBJECT, GET_OBJECT,
                            DELETE_OBJECT, ABORT_MULTIPART_UPLOAD, LIST_MULTIPART_UPLOAD_PARTS)),
                    Set.of()),
            new FunctionSpec("QuotaFunction", "quota",
                    "cn.org.cast.dianzan.functions.quota.QuotaHandler",
                    "Review and recommendation within quota - approve, return, reject; recommend, withdraw and swap"
                            + " on the unit's ledger; places left; the review inbox.",
                    List.of(
                            new RouteSpec("POST", "/cases/{id}/approve", false),
                            new RouteSpec("POST", "/cases/{id}/return", false),
                            new RouteSpec("POST", "/cases/{id}/reject", false),
                            new RouteSpec("GET", "/cases/{id}/review", false),
                            new RouteSpec("POST", "/cases/{id}/recommend", false),
                            new RouteSpec("DELETE", "/cases/{id}/recommend", false),
                            new RouteSpec("GET", "/units/me/quota", false),
                            new RouteSpec("GET", "/units/me/cases", false)),
                    Optional.empty(),
                    // Cases moved at a version, the latest return kept, the quota ledger changed by conditional
                    // updates; cases of a unit and ledgers of a campaign listed through gsi1; AuditLog: append,
                    // and read a case's history.
                    List.of(TableGrant.on(MAIN, GET_ITEM, PUT_ITEM, UPDATE_ITEM), TableGrant.queryIndex(MAIN, "gsi1"),
                            TableGrant.on(AUDIT, PUT_ITEM, QUERY)),
                    List.of(),
                    Set.of()),
            new FunctionSpec("SummaryFunction", "summary",
                    "cn.org.cast.dianzan.functions.summary.SummaryHandler",
                    "The printed sheets - case sheet, the unit's summary sheet (PDF, XLSX) with its verification and"
                            + " QR code, the stamped scan read back and checked, the receipt, the unit's status ladder.",
                    List.of(
                            new RouteSpec("GET", "/cases/{id}/sheet", false),
                            new RouteSpec("POST", "/units/me/summary", false),
                            new RouteSpec("GET", "/units/me/summary", false),
                            new RouteSpec("POST", "/units/me/summary/scan", false),
                            new RouteSpec("POST", "/units/me/summary/stamped", false),
                            new RouteSpec("GET", "/admin/units/{id}/summary", false)),
                    Optional.empty(),
                    // Sheets and scans of a unit (its partition), the ledger and cases read, statuses repaired;
                    // cases of a unit through gsi1; AuditLog: append.
                    List.of(TableGrant.on(MAIN, GET_ITEM, PUT_ITEM, UPDATE_ITEM, QUERY), TableGrant.queryIndex(MAIN, "gsi1"),
                            TableGrant.on(AUDIT, PUT_ITEM)),
                    // Photos read for the case sheet; sheets, scans and receipts written and read; the scan
                    // sent under pending/ (its presigned PUT), read, copied and deleted there.
                    List.of(ObjectGrant.inMediaBucket(List.of("media/"), GET_OBJECT),
                            ObjectGrant.inMediaBucket(List.of("sheets/", "summaries/"), PUT_OBJECT, GET_OBJECT),
                            ObjectGrant.inMediaBucket(List.of(MediaStorage.PENDING_PREFIX), PUT_OBJECT, GET_OBJECT,
                                    DELETE_OBJECT)),
                    Set.of()),
            new FunctionSpec("DeadlineJobFunction", "deadline-job",
                    "cn.org.cast.dianzan.functions.deadline.DeadlineJobHandler",
                    "The deadline job - records the campaign's closing once the deadline (China time) has passed;"
                            + " later reminders and reports.",
                    List.of(),
                    Optional.of(new ScheduleSpec("rate(5 minutes)", 2, Duration.ofHours(1))),
                    // The campaign item and its closing record; uploads by key, marked abandoned, and the
                    // pending ones found through gsi1; AuditLog: append. Abandoned objects and multipart
                    // uploads, under pending/ only.
                    List.of(TableGrant.on(MAIN, GET_ITEM, PUT_ITEM, UPDATE_ITEM), TableGrant.queryIndex(MAIN, "gsi1"),
                            TableGrant.on(AUDIT, PUT_ITEM)),
                    List.of(ObjectGrant.inMediaBucket(List.of(MediaStorage.PENDING_PREFIX), DELETE_OBJECT,
                                    ABORT_MULTIPART_UPLOAD),
                            // Objects of replaced or removed files that a crash left behind.
                            ObjectGrant.inMediaBucket(List.of("media/"), DELETE_OBJECT)),
                    Set.of()),
            new FunctionSpec("AccountsFunction", "accounts",
                    "cn.org.cast.dianzan.functions.accounts.AccountsHandler",
                    "Accounts - registration and e-mail verification, sign-in with access tokens signed in KMS (RS256)"
                            + " and refresh tokens, passwords, a unit's members, admins; the OIDC discovery and JWKS the"
                            + " JWT authorizer reads.",
                    List.of(
                            new RouteSpec("POST", "/accounts/register", true),
                            new RouteSpec("POST", "/accounts/verify", true),
                            new RouteSpec("POST", "/accounts/verify/resend", true),
                            new RouteSpec("POST", "/auth/sign-in", true),
                            new RouteSpec("POST", "/auth/refresh", true),
                            new RouteSpec("POST", "/auth/sign-out", true),
                            new RouteSpec("POST", "/auth/password/forgot", true),
                            new RouteSpec("POST", "/auth/password/reset", true),
                            new RouteSpec("POST", "/invitations/accept", true),
                            new RouteSpec("GET", "/.well-known/openid-configuration", true),
                            new RouteSpec("GET", "/.well-known/jwks.json", true),
                            new RouteSpec("GET", "/accounts/me", false),
                            new RouteSpec("POST", "/auth/sign-out-everywhere", false),
                            new RouteSpec("POST", "/accounts/me/password", false),
                            new RouteSpec("GET", "/accounts/me/members", false),
                            new RouteSpec("POST", "/accounts/me/members", false),
                            new RouteSpec("DELETE", "/accounts/me/members/{personId}", false),
                            new RouteSpec("POST", "/accounts/me/contact", false),
                            // Admin routes: the token is checked here, the admin group by the function.
                            new RouteSpec("POST", "/admin/admins", false),
                            new RouteSpec("POST", "/admin/accounts/lookup", false),
                            new RouteSpec("POST", "/admin/accounts/{accountId}/members", false)),
                    Optional.empty(),
                    // Accounts, people, sessions, invitations and verification codes: conditional writes, deletes
                    // (a member removed, a session ended) and an account's items queried on the table; look-ups by
                    // e-mail and by unit through gsi1; AuditLog: append.
                    List.of(TableGrant.on(MAIN, GET_ITEM, PUT_ITEM, UPDATE_ITEM, DELETE_ITEM, QUERY),
                            TableGrant.queryIndex(MAIN, "gsi1"), TableGrant.on(AUDIT, PUT_ITEM)),
                    List.of(),
                    Set.of(Capability.SIGNS_TOKENS, Capability.SENDS_MAIL)));

    public FunctionSpec {
        routes = List.copyOf(routes);
        grants = List.copyOf(grants);
        objectGrants = List.copyOf(objectGrants);
        capabilities = Set.copyOf(capabilities);
    }

    public String jarPath() {
        return "functions/" + module + "/target/" + module + "-function.jar";
    }
}

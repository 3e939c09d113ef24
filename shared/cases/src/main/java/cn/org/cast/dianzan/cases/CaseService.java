package cn.org.cast.dianzan.cases;

import cn.org.cast.dianzan.campaign.CampaignService;
import cn.org.cast.dianzan.campaign.ChinaTime;
import cn.org.cast.dianzan.codes.BindingService;
import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.core.FieldError;
import cn.org.cast.dianzan.core.audit.AuditLog;
import cn.org.cast.dianzan.core.data.JsonText;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Entering cases: implementers (and recommending units for themselves) create, edit, delete and
 * submit their cases; their recommending unit reads them; nobody else learns they exist (404).
 * Nothing typed is lost: creates are idempotent, edits name the version they change.
 */
@Singleton
public class CaseService {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{8,128}");
    private static final Pattern CASE_ID = Pattern.compile("C[0-9a-f]{32}");

    /** The result of a create: the case, and whether it was made by an earlier try with the same key. */
    public record Created(CaseRecord record, boolean replayed) {
    }

    private final CaseRepository cases;
    private final CaseFileService files;
    private final BindingService bindings;
    private final CampaignService campaigns;
    private final Selected2025 selected2025;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json;

    public CaseService(CaseRepository cases, CaseFileService files, BindingService bindings, CampaignService campaigns,
                       Selected2025 selected2025, AuditLog audit, Clock clock, JsonMapper json) {
        this.cases = cases;
        this.files = files;
        this.bindings = bindings;
        this.campaigns = campaigns;
        this.selected2025 = selected2025;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    public Created create(Caller caller, Optional<String> idempotencyKey, CaseForm form) {
        BindingService.Workplace workplace = bindings.workplace(caller);
        if (!workplace.active()) {
            throw new DomainException(Failure.MEMBERSHIP_DETACHED);
        }
        String key = idempotencyKey.map(String::strip).filter(k -> IDEMPOTENCY_KEY.matcher(k).matches())
                .orElseThrow(() -> new DomainException(Failure.IDEMPOTENCY_KEY_REQUIRED));
        String campaignId = campaigns.requireOpen().id();
        Instant now = clock.instant();
        String hash = sha256(JsonText.write(json, form));
        CaseRecord record = new CaseRecord(caseId(caller.subject(), key), campaignId, workplace.unitId(),
                caller.subject(), workplace.organization(), CaseStatus.DRAFT, form, warnings(form, null), hash, null, 1,
                now, now, null);
        if (cases.create(record)) {
            audit.record("CASE#" + record.id(), "CASE_CREATED", caller, null, state(record));
            return new Created(record, false);
        }
        CaseRecord existing = cases.find(record.id()).orElseThrow(() -> new DomainException(Failure.VERSION_CONFLICT));
        if (!existing.requestHash().equals(hash)) {
            throw new DomainException(Failure.IDEMPOTENCY_KEY_REUSED);
        }
        return new Created(existing, true);
    }

    public CaseView read(Caller caller, String id) {
        CaseRecord record = visible(caller, id);
        return view(caller, record);
    }

    /** The caller's cases: an implementer's own; a recommending unit's whole list under its code. */
    public List<CaseRecord> list(Caller caller) {
        caller.requireAuthenticated();
        if (Caller.RECOMMENDER.equals(caller.accountType())) {
            return cases.byUnit(bindings.ownUnitId(caller));
        }
        if (Caller.IMPLEMENTER.equals(caller.accountType())) {
            return cases.byOwner(caller.subject());
        }
        throw new DomainException(Failure.WRONG_ACCOUNT_TYPE);
    }

    /** Replaces the form of a case the caller owns, if it is still at the version the caller saw. */
    public CaseRecord update(Caller caller, String id, Optional<Long> ifMatch, CaseForm form) {
        long expected = ifMatch.orElseThrow(() -> new DomainException(Failure.PRECONDITION_REQUIRED));
        CaseRecord current = editable(caller, id);
        campaigns.requireOpen();
        requireVersion(current, expected);
        requireProofsKeepTheirAwards(current.form(), form, files.files(id));
        CaseRecord next = current.next(afterChange(current), form, warnings(form, current), clock.instant(), null);
        store(next, expected);
        audit.record("CASE#" + id, current.status() == CaseStatus.SUBMITTED ? "CASE_REOPENED_BY_EDIT" : "CASE_UPDATED",
                caller, state(current), state(next));
        return next;
    }

    public void delete(Caller caller, String id, Optional<Long> ifMatch) {
        CaseRecord current = editable(caller, id);
        campaigns.requireOpen();
        if (current.status() != CaseStatus.DRAFT) {
            throw new DomainException(Failure.CASE_NOT_DRAFT);
        }
        // Files live on S3, which this function cannot reach: deleting the draft would orphan them, and a
        // create retried with the same key (the same case id) would bring them back.
        if (!files.files(id).isEmpty()) {
            throw new DomainException(Failure.CASE_HAS_FILES);
        }
        long expected = ifMatch.orElse(current.version());
        requireVersion(current, expected);
        if (!cases.deleteDraft(id, expected)) {
            throw conflict(id);
        }
        audit.record("CASE#" + id, "CASE_DELETED", caller, state(current), null);
    }

    /** Hands the case to the recommending unit: complete, not a 2025 selection, dates not in the future. */
    public CaseRecord submit(Caller caller, String id, Optional<Long> ifMatch) {
        CaseRecord current = editable(caller, id);
        campaigns.requireOpen();
        long expected = ifMatch.orElse(current.version());
        requireVersion(current, expected);
        if (current.status() == CaseStatus.SUBMITTED) {
            return current;
        }
        List<FieldError> missing = missing(current, files.files(id));
        if (!missing.isEmpty()) {
            throw new DomainException(Failure.CASE_INCOMPLETE, Failure.CASE_INCOMPLETE.message(), missing, Map.of());
        }
        Selected2025.Check check = selected2025.check(current.form().name(), current.form().implementingUnit());
        if (check.exact().isPresent() && current.cleared2025By() == null) {
            throw Selected2025.refusal(check.exact().get());
        }
        Instant now = clock.instant();
        CaseRecord next = current.next(CaseStatus.SUBMITTED, current.form(), warnings(check, current), now, now);
        store(next, expected);
        audit.record("CASE#" + id, "CASE_SUBMITTED", caller, state(current), state(next));
        return next;
    }

    /** An admin lets a case through the 2025 check that matched it by mistake; recorded. */
    public CaseRecord clear2025Match(Caller caller, String id) {
        caller.requireAdmin();
        CaseRecord current = find(id).orElseThrow(() -> new DomainException(Failure.NOT_FOUND));
        CaseRecord next = current.cleared(caller.subject(), clock.instant());
        if (!cases.replace(next, current.version())) {
            throw conflict(id);
        }
        audit.record("CASE#" + id, "CASE_2025_MATCH_CLEARED", caller, state(current), state(next));
        return next;
    }

    public int import2025(Caller caller, String csv) {
        caller.requireAdmin();
        List<Selected2025.Entry> entries = Selected2025.parseCsv(csv);
        int count = selected2025.importAll(entries);
        audit.record("SELECTED2025", "SELECTED2025_IMPORTED", caller, null, Map.of("rows", count));
        return count;
    }

    public CaseView view(Caller caller, CaseRecord record) {
        boolean editable = mayEdit(caller, record);
        List<CaseFile> attached = files.files(record.id());
        List<FieldError> missing = editable ? missing(record, attached) : List.of();
        return CaseView.of(record, editable, missing, attached.stream().map(CaseFileView::of).toList());
    }

    /** What a submission still needs, every item at once: the form's fields, then its files. */
    private List<FieldError> missing(CaseRecord record, List<CaseFile> attached) {
        List<FieldError> missing = new ArrayList<>(record.form().missingForSubmission(today()));
        missing.addAll(CaseFileService.missingForSubmission(record.form(), attached));
        return missing;
    }

    /**
     * A file of the case was attached or removed: the case moves to a new version (a submission that
     * read the files before the change fails its version check), and a submitted case returns to draft,
     * since its files are no longer what was submitted. Called after the change, so a submission either
     * saw it or is undone by it.
     */
    public CaseRecord afterFilesChanged(String id, Caller actor) {
        for (int attempt = 0; attempt < 5; attempt++) {
            CaseRecord current = cases.find(id).orElseThrow(() -> new DomainException(Failure.NOT_FOUND));
            if (!current.status().editableByOwner()) {
                // The unit took the case up while the file was being verified: its status stays.
                throw new DomainException(Failure.CASE_NOT_EDITABLE);
            }
            CaseRecord next = current.next(afterChange(current), current.form(), current.warnings(), clock.instant(),
                    null);
            if (cases.replace(next, current.version())) {
                if (current.status() == CaseStatus.SUBMITTED) {
                    audit.record("CASE#" + id, "CASE_REOPENED_BY_FILE_CHANGE", actor, state(current), state(next));
                }
                return next;
            }
        }
        throw conflict(id);
    }

    /**
     * Award proofs are kept by the award's place in the list: an edit that would put another award (or
     * none) where a proven one was is refused, so that a proof never silently proves another award.
     * The proof is removed first ({@code DELETE /uploads/{id}}); changing a proven award's level or
     * year is fine.
     */
    static void requireProofsKeepTheirAwards(CaseForm before, CaseForm after, List<CaseFile> attached) {
        List<FieldError> moved = new ArrayList<>();
        attached.stream().filter(f -> f.kind() == FileKind.AWARD_PROOF).map(CaseFile::awardIndex).distinct().sorted()
                .forEach(i -> {
                    String was = i < before.awards().size() ? before.awards().get(i).name() : null;
                    String now = i < after.awards().size() ? after.awards().get(i).name() : null;
                    if (was != null && !was.equals(now)) {
                        moved.add(new FieldError("awards[" + i + "]", "AWARD_HAS_PROOF", "第" + (i + 1) + "个奖项“" + was
                                + "”已上传获奖证明材料，请先删除该证明材料，再删除或更换这个奖项"));
                    }
                });
        if (!moved.isEmpty()) {
            throw DomainException.validation(moved);
        }
    }

    /**
     * A change by the owner takes a submitted case back to draft (it is no longer what was
     * submitted); a returned case stays returned until it is submitted again.
     */
    private static CaseStatus afterChange(CaseRecord current) {
        return current.status() == CaseStatus.RETURNED ? CaseStatus.RETURNED : CaseStatus.DRAFT;
    }

    /**
     * Moves a case to the status a review or a recommendation gives it, if it is still at the version
     * read; 409 with the current version otherwise. The review domain decides whether the move is allowed.
     */
    public CaseRecord moveTo(CaseRecord current, CaseStatus status) {
        return tryMoveTo(current, status).orElseThrow(() -> conflict(current.id()));
    }

    /** The same move, answering empty instead of failing when the case changed since it was read. */
    public Optional<CaseRecord> tryMoveTo(CaseRecord current, CaseStatus status) {
        CaseRecord next = current.next(status, current.form(), current.warnings(), clock.instant(), current.submittedAt());
        return cases.transition(next, current.version()) ? Optional.of(next) : Optional.empty();
    }

    /** Every case under a recommending unit's code, newest change first (for the unit's own reads). */
    public List<CaseRecord> ofUnit(String unitId) {
        return cases.byUnit(unitId);
    }

    /**
     * The case of that id, if the id has a case's shape at all (DynamoDB refuses a key over 2 KB); for
     * the domains' own reads, never for a caller's (see {@link #visible}).
     */
    public Optional<CaseRecord> find(String id) {
        return id != null && CASE_ID.matcher(id).matches() ? cases.find(id) : Optional.empty();
    }

    /** The case if the caller may see it; 404 otherwise, so a case's existence never leaks. */
    public CaseRecord visible(Caller caller, String id) {
        caller.requireAuthenticated();
        return find(id)
                .filter(r -> caller.isAdmin() || r.ownerSubject().equals(caller.subject())
                        || bindings.ownsUnit(caller, r.unitId()))
                .orElseThrow(() -> new DomainException(Failure.NOT_FOUND));
    }

    /** The case if the caller owns it and may still change it (its files included); 403/404/409 otherwise. */
    public CaseRecord editable(Caller caller, String id) {
        CaseRecord record = visible(caller, id);
        if (!record.ownerSubject().equals(caller.subject())) {
            throw new DomainException(Failure.CASE_READ_ONLY);
        }
        if (!bindings.mayEditUnder(caller.subject(), record.unitId())) {
            throw new DomainException(Failure.MEMBERSHIP_DETACHED);
        }
        if (!record.status().editableByOwner()) {
            throw new DomainException(Failure.CASE_NOT_EDITABLE);
        }
        return record;
    }

    private boolean mayEdit(Caller caller, CaseRecord record) {
        return record.ownerSubject().equals(caller.subject()) && record.status().editableByOwner()
                && bindings.mayEditUnder(caller.subject(), record.unitId());
    }

    private void requireVersion(CaseRecord current, long expected) {
        if (current.version() != expected) {
            throw conflict(current);
        }
    }

    private void store(CaseRecord next, long expected) {
        if (!cases.replace(next, expected)) {
            throw conflict(next.id());
        }
    }

    private DomainException conflict(String id) {
        return cases.find(id).map(this::conflict).orElseGet(() -> new DomainException(Failure.NOT_FOUND));
    }

    /** 409 with the current version and form, so the client can merge instead of overwriting. */
    private DomainException conflict(CaseRecord current) {
        return new DomainException(Failure.VERSION_CONFLICT, Failure.VERSION_CONFLICT.message(), List.of(),
                Map.of("currentVersion", current.version(), "current", current.form()));
    }

    private List<FieldError> warnings(CaseForm form, CaseRecord current) {
        return warnings(selected2025.check(form.name(), form.implementingUnit()), current);
    }

    private static List<FieldError> warnings(Selected2025.Check check, CaseRecord current) {
        if (current != null && current.cleared2025By() != null) {
            return List.of();
        }
        List<FieldError> warnings = new ArrayList<>();
        check.exact().ifPresent(e -> warnings.add(new FieldError("name", "SELECTED_IN_2025",
                "与2025年已入选案例“" + e.name() + "”（" + e.implementingUnit() + "）相同，不能提交")));
        check.similar().forEach(e -> warnings.add(new FieldError("name", "SIMILAR_TO_2025",
                "与2025年已入选案例“" + e.name() + "”（" + e.implementingUnit() + "）相似，请确认不是重复提交")));
        return warnings;
    }

    private LocalDate today() {
        return ChinaTime.at(clock.instant()).toLocalDate();
    }

    /** The same account and key always name the same case: a retried create finds it. */
    static String caseId(String subject, String key) {
        return "C" + sha256(subject + "\u0000" + key).substring(0, 32);
    }

    private static Map<String, Object> state(CaseRecord r) {
        return Map.of("status", r.status(), "version", r.version());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

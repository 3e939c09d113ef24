package cn.org.cast.dianzan.review;

import cn.org.cast.dianzan.campaign.CampaignService;
import cn.org.cast.dianzan.campaign.ChinaTime;
import cn.org.cast.dianzan.cases.CaseForm;
import cn.org.cast.dianzan.cases.CaseRecord;
import cn.org.cast.dianzan.cases.CaseService;
import cn.org.cast.dianzan.cases.CaseStatus;
import cn.org.cast.dianzan.codes.BindingService;
import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.core.audit.AuditLog;
import cn.org.cast.dianzan.core.data.JsonText;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The recommending unit's review of a case submitted under its code: approve it, return it for
 * changes (a reason, comments on fields; the implementer edits and submits again), or reject it
 * (final for the campaign). Every action names the version it acts on (or the one just read), is
 * refused after the deadline, and is recorded with who, when and why.
 */
@Singleton
public class ReviewService {

    /** Actions a unit takes, and the label each shows in a case's history. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("CASE_CREATED", "创建草稿"), Map.entry("CASE_UPDATED", "修改"),
            Map.entry("CASE_REOPENED_BY_EDIT", "修改（已提交的案例回到草稿）"), Map.entry("CASE_SUBMITTED", "提交推荐单位"),
            Map.entry("CASE_DELETED", "删除草稿"), Map.entry("FILE_ATTACHED", "上传文件"), Map.entry("FILE_REMOVED", "删除文件"),
            Map.entry("FILE_REJECTED", "文件未通过核对"), Map.entry("CASE_REOPENED_BY_FILE_CHANGE", "文件变动（已提交的案例回到草稿）"),
            Map.entry("UPLOAD_CANCELLED", "取消上传"), Map.entry("UPLOAD_ABANDONED", "清除未完成的上传"),
            Map.entry("DISCARDED_FILE_CLEARED", "清除替换或删除后遗留的文件"),
            Map.entry("CASE_2025_MATCH_CLEARED", "解除与2025年入选案例的匹配"), Map.entry("CASE_APPROVED", "审核通过"),
            Map.entry("CASE_RETURNED", "退回修改"), Map.entry("CASE_REJECTED", "不予推荐"), Map.entry("CASE_RECOMMENDED", "推荐"),
            Map.entry("CASE_WITHDRAWN", "撤回推荐"), Map.entry("CASE_REPLACED", "被替换出推荐名单"),
            Map.entry("CASE_STATUS_REPAIRED", "按推荐名额账本校正状态"));
    static final String UNIT = "推荐单位";
    private static final Set<CaseStatus> REVIEWABLE = Set.of(CaseStatus.SUBMITTED, CaseStatus.APPROVED);

    private final CaseService cases;
    private final BindingService bindings;
    private final CampaignService campaigns;
    private final ReturnRepository returns;
    private final RecommendationService recommendations;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json;

    public ReviewService(CaseService cases, BindingService bindings, CampaignService campaigns, ReturnRepository returns,
                         RecommendationService recommendations, AuditLog audit, Clock clock, JsonMapper json) {
        this.cases = cases;
        this.bindings = bindings;
        this.campaigns = campaigns;
        this.returns = returns;
        this.recommendations = recommendations;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    /** Approves a submitted case; approving an approved case again changes nothing. */
    public CaseRecord approve(Caller caller, String caseId, Optional<Long> ifMatch) {
        CaseRecord current = reviewable(caller, caseId, ifMatch);
        if (current.status() == CaseStatus.APPROVED) {
            return current;
        }
        CaseRecord next = cases.moveTo(current, CaseStatus.APPROVED);
        audit.record("CASE#" + caseId, "CASE_APPROVED", caller, state(current), byUnit(next, null, null));
        return next;
    }

    /** Returns the case for changes: the implementer may edit it again and must submit it again. */
    public CaseRecord returnForChanges(Caller caller, String caseId, Optional<Long> ifMatch, ReturnRequest request) {
        CaseRecord current = reviewable(caller, caseId, ifMatch);
        CaseRecord next = cases.moveTo(current, CaseStatus.RETURNED);
        returns.save(new ReturnRecord(caseId, request.reason(), request.comments(), next.version(), current.form(),
                clock.instant(), caller.subject()));
        audit.record("CASE#" + caseId, "CASE_RETURNED", caller, state(current),
                byUnit(next, request.reason(), request.comments()));
        return next;
    }

    /** Rejects the case: final for this campaign. */
    public CaseRecord reject(Caller caller, String caseId, Optional<Long> ifMatch, RejectRequest request) {
        CaseRecord current = reviewable(caller, caseId, ifMatch);
        CaseRecord next = cases.moveTo(current, CaseStatus.REJECTED);
        audit.record("CASE#" + caseId, "CASE_REJECTED", caller, state(current),
                byUnit(next, request.reason(), null));
        return next;
    }

    /** The case's review and history, to whoever may read the case. */
    public ReviewView review(Caller caller, String caseId) {
        CaseRecord record = cases.visible(caller, caseId);
        Optional<ReturnRecord> returned = returns.find(caseId);
        List<ReviewView.Change> changes = returned.filter(r -> record.version() > r.version())
                .map(r -> diff(r.form(), record.form())).orElse(List.of());
        return new ReviewView(record.id(), record.status(), record.status().label(), record.version(),
                returned.map(r -> new ReviewView.Returned(r.reason(), r.comments(), r.version(), ChinaTime.format(r.at())))
                        .orElse(null),
                changes, history(record));
    }

    /**
     * The case, if the caller is the unit it was submitted to, it is under review (submitted, or
     * approved and not recommended), the campaign is open and the version is the one named.
     */
    private CaseRecord reviewable(Caller caller, String caseId, Optional<Long> ifMatch) {
        caller.requireAccountType(Caller.RECOMMENDER);
        CaseRecord current = cases.visible(caller, caseId);
        if (!bindings.ownsUnit(caller, current.unitId())) {
            throw new DomainException(Failure.CASE_READ_ONLY, "只有案例所属的推荐单位可以审核", List.of(), Map.of());
        }
        campaigns.requireOpen();
        if (current.status() == CaseStatus.RECOMMENDED || recommendations.holdsPlace(current)) {
            throw new DomainException(Failure.CASE_RECOMMENDED);
        }
        if (!REVIEWABLE.contains(current.status())) {
            throw new DomainException(Failure.CASE_NOT_SUBMITTED, "只能审核已提交推荐单位的案例，该案例当前为“"
                    + current.status().label() + "”", List.of(), Map.of("status", current.status()));
        }
        long expected = ifMatch.orElse(current.version());
        if (expected != current.version()) {
            throw new DomainException(Failure.VERSION_CONFLICT, Failure.VERSION_CONFLICT.message(), List.of(),
                    Map.of("currentVersion", current.version()));
        }
        return current;
    }

    /** The form's fields that differ between two versions, in the form's order. */
    List<ReviewView.Change> diff(CaseForm before, CaseForm after) {
        Map<String, Object> was = asMap(before);
        Map<String, Object> now = asMap(after);
        List<ReviewView.Change> changes = new ArrayList<>();
        Arrays.stream(CaseForm.class.getRecordComponents()).map(c -> c.getName()).forEach(field -> {
            if (!Objects.equals(was.get(field), now.get(field))) {
                changes.add(new ReviewView.Change(field, was.get(field), now.get(field)));
            }
        });
        return changes;
    }

    private Map<String, Object> asMap(CaseForm form) {
        try {
            return json.readValue(JsonText.write(json, form), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<ReviewView.HistoryEntry> history(CaseRecord record) {
        return audit.forEntity("CASE#" + record.id()).stream().map(e -> {
            Map<String, Object> after = e.after() == null ? Map.of() : readMap(e.after());
            String by = after.get("by") instanceof String role ? role
                    : e.account().equals(record.ownerSubject()) ? "实施单位" : e.actor().startsWith("system:") ? "系统" : "管理员";
            return new ReviewView.HistoryEntry(ChinaTime.format(e.at()), e.action(),
                    LABELS.getOrDefault(e.action(), e.action()), by,
                    after.get("reason") instanceof String reason ? reason : null, comments(after.get("comments")));
        }).toList();
    }

    private List<ReturnRequest.FieldComment> comments(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        return list.stream().filter(Map.class::isInstance).map(m -> (Map<?, ?>) m)
                .map(m -> new ReturnRequest.FieldComment(String.valueOf(m.get("field")), String.valueOf(m.get("comment"))))
                .toList();
    }

    private Map<String, Object> readMap(String text) {
        try {
            return json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            return Map.of();
        }
    }

    static Map<String, Object> state(CaseRecord r) {
        return Map.of("status", r.status(), "version", r.version());
    }

    /** What the audit keeps of a unit's action: the new state, the role, and why. */
    static Map<String, Object> byUnit(CaseRecord next, String reason, List<ReturnRequest.FieldComment> comments) {
        Map<String, Object> after = new LinkedHashMap<>(state(next));
        after.put("by", UNIT);
        if (reason != null) {
            after.put("reason", reason);
        }
        if (comments != null && !comments.isEmpty()) {
            after.put("comments", comments);
        }
        return after;
    }
}

package cn.org.cast.dianzan.review;

import cn.org.cast.dianzan.campaign.CampaignClosing;
import cn.org.cast.dianzan.campaign.CampaignService;
import cn.org.cast.dianzan.campaign.Category;
import cn.org.cast.dianzan.campaign.QuotaLedger;
import cn.org.cast.dianzan.campaign.QuotaService;
import cn.org.cast.dianzan.campaign.Quotas;
import cn.org.cast.dianzan.cases.CaseRecord;
import cn.org.cast.dianzan.cases.CaseService;
import cn.org.cast.dianzan.cases.CaseStatus;
import cn.org.cast.dianzan.codes.BindingService;
import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.core.audit.AuditLog;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Recommending approved cases within the unit's quota. The campaign's ledger is the truth: a case is
 * recommended when the ledger's single conditional write took it in. Its RECOMMENDED status is
 * written after, and {@link #repair repaired} from the ledger, idempotently, on every read of the
 * unit's places and by the scheduled job, so a crash between the two writes never leaves them apart
 * for long and never costs or grants a place.
 */
@Singleton
public class RecommendationService {

    /** Statuses a case in the ledger may have: recommended, or approved while its status write is pending. */
    private static final Set<CaseStatus> HOLDING = Set.of(CaseStatus.APPROVED, CaseStatus.RECOMMENDED);
    private static final int MOVE_ATTEMPTS = 5;

    private final CaseService cases;
    private final BindingService bindings;
    private final CampaignService campaigns;
    private final QuotaService quotas;
    private final AuditLog audit;

    public RecommendationService(CaseService cases, BindingService bindings, CampaignService campaigns,
                                 QuotaService quotas, AuditLog audit) {
        this.cases = cases;
        this.bindings = bindings;
        this.campaigns = campaigns;
        this.quotas = quotas;
        this.audit = audit;
    }

    /**
     * Recommends an approved case of the caller's unit, taking a place; with {@code replaces}, takes
     * the place of a recommended case of the same category instead, in one write.
     */
    public QuotaView recommend(Caller caller, String caseId, Optional<String> replaces) {
        if (replaces.isPresent() && replaces.get().equals(caseId)) {
            throw DomainException.invalid("replaces", "SAME_CASE", "被替换的案例不能是要推荐的案例本身");
        }
        Unit unit = unit(caller);
        CaseRecord current = ownCase(caller, unit, caseId);
        Quotas limits = campaigns.requireOpen().quotas();
        if (current.status() == CaseStatus.RECOMMENDED) {
            throw new DomainException(Failure.CASE_ALREADY_RECOMMENDED);
        }
        if (current.status() != CaseStatus.APPROVED) {
            throw new DomainException(Failure.CASE_NOT_APPROVED, "只能推荐审核通过的案例，该案例当前为“"
                    + current.status().label() + "”", List.of(), Map.of("status", current.status()));
        }
        Category category = current.form().category();
        if (replaces.isPresent()) {
            CaseRecord out = ownCase(caller, unit, replaces.get());
            if (out.form().category() != category) {
                throw new DomainException(Failure.SWAP_NOT_SAME_CATEGORY, "只能替换同一类别（" + category.label()
                        + "类）中已推荐的案例", List.of(), Map.of("replaces", out.id()));
            }
            try {
                quotas.swap(unit.id(), unit.name(), category, out.id(), current.id());
            } catch (DomainException refused) {
                if (refused.code() == Failure.CASE_ALREADY_RECOMMENDED) {
                    repair(unit.id(), unit.name());
                }
                throw refused;
            }
            // The new case first: if it left review meanwhile, the swap is undone in the ledger before
            // the replaced case is touched, so the unit keeps its place and its recommendation.
            if (!settle(current, CaseStatus.RECOMMENDED, caller.actor(), "CASE_RECOMMENDED",
                    Map.of("replaces", out.id()))) {
                try {
                    quotas.swap(unit.id(), unit.name(), category, current.id(), out.id());
                } catch (DomainException alreadyUndone) {
                    // the repair below settles whatever the ledger holds now
                }
                requireSettled(unit, current.id(), false);
            }
            settle(out, CaseStatus.APPROVED, caller.actor(), "CASE_REPLACED", Map.of("by", current.id()));
        } else {
            try {
                quotas.recommend(unit.id(), unit.name(), category, current.id(), limits);
            } catch (DomainException refused) {
                if (refused.code() == Failure.CASE_ALREADY_RECOMMENDED) {
                    // The ledger holds it though its status said approved: a crash between the two writes.
                    repair(unit.id(), unit.name());
                }
                throw refused;
            }
            requireSettled(unit, current.id(), settle(current, CaseStatus.RECOMMENDED, caller.actor(),
                    "CASE_RECOMMENDED", Map.of()));
        }
        return places(unit, limits);
    }

    /** Withdraws a recommendation, giving its place back; the case stays approved. */
    public QuotaView withdraw(Caller caller, String caseId) {
        Unit unit = unit(caller);
        CaseRecord current = ownCase(caller, unit, caseId);
        Quotas limits = campaigns.requireOpen().quotas();
        Category category = current.form().category();
        if (category == null) {
            throw new DomainException(Failure.CASE_NOT_RECOMMENDED);
        }
        quotas.withdraw(unit.id(), category, current.id());
        settle(current, CaseStatus.APPROVED, caller.actor(), "CASE_WITHDRAWN", Map.of());
        return places(unit, limits);
    }

    /** The caller's places, after bringing the cases' statuses in line with the ledger. */
    public QuotaView quota(Caller caller) {
        return places(unit(caller), campaigns.current().quotas());
    }

    /** True if the ledger holds a place for the case (whatever its status says yet). */
    public boolean holdsPlace(CaseRecord record) {
        return quotas.find(record.unitId()).map(l -> l.contains(record.id())).orElse(false);
    }

    /**
     * Repairs every unit's cases against its ledger (the scheduled job); answers how many cases
     * changed status.
     */
    public int repairAll() {
        return quotas.all().stream().mapToInt(l -> repair(l.unitId(), l.unitName()).changed()).sum();
    }

    private record Repaired(QuotaLedger ledger, Map<String, CaseRecord> cases, int changed) {
    }

    /**
     * Brings the unit's case statuses in line with its ledger: a case in the ledger is RECOMMENDED,
     * one out of it is not. Cases are read before the ledger and every write is conditional on the
     * version read, so a repair racing a recommendation or a withdrawal never undoes it. A case in the
     * ledger that can no longer hold a place (returned or rejected in a race) gives it back.
     */
    Repaired repair(String unitId, String unitName) {
        Map<String, CaseRecord> unitCases = cases.ofUnit(unitId).stream()
                .collect(Collectors.toMap(CaseRecord::id, Function.identity()));
        QuotaLedger ledger = quotas.ledger(unitId, unitName);
        int changed = 0;
        for (CaseRecord record : unitCases.values()) {
            boolean held = ledger.contains(record.id());
            if (held && record.status() == CaseStatus.APPROVED) {
                changed += repaired(record, CaseStatus.RECOMMENDED);
            } else if (!held && record.status() == CaseStatus.RECOMMENDED) {
                changed += repaired(record, CaseStatus.APPROVED);
            }
        }
        for (Category category : Category.values()) {
            for (String id : ledger.in(category)) {
                CaseRecord listed = unitCases.get(id);
                if (listed != null && HOLDING.contains(listed.status())) {
                    continue;
                }
                // The unit's list comes from an index that may lag: a place is given back only if the
                // case itself, read consistently, cannot hold it (returned or rejected in a race, or gone).
                CaseRecord record = cases.find(id).orElse(null);
                if (record == null || !HOLDING.contains(record.status())) {
                    quotas.withdraw(unitId, category, id);
                    audit.record("CASE#" + id, "CASE_STATUS_REPAIRED", CampaignClosing.ACTOR, null,
                            Map.of("released", category, "status", record == null ? "MISSING" : record.status()));
                    changed++;
                }
            }
        }
        if (changed > 0) {
            ledger = quotas.ledger(unitId, unitName);
        }
        return new Repaired(ledger, unitCases, changed);
    }

    private int repaired(CaseRecord record, CaseStatus status) {
        return cases.tryMoveTo(record, status).map(next -> {
            audit.record("CASE#" + record.id(), "CASE_STATUS_REPAIRED", CampaignClosing.ACTOR,
                    ReviewService.state(record), ReviewService.state(next));
            return 1;
        }).orElse(0);
    }

    private QuotaView places(Unit unit, Quotas limits) {
        Repaired repaired = repair(unit.id(), unit.name());
        return QuotaView.of(repaired.ledger(), limits, repaired.cases());
    }

    /**
     * Writes the status the ledger now implies, retrying on a concurrent change of the case; true
     * once the case has it. False if the case left review meanwhile (returned or rejected in a race)
     * or keeps changing: the repair then settles the ledger and the case.
     */
    private boolean settle(CaseRecord read, CaseStatus status, String actor, String action, Map<String, Object> details) {
        String caseId = read.id();
        for (int attempt = 0; attempt < MOVE_ATTEMPTS; attempt++) {
            // The case as read before the ledger write first; re-read only if it changed since.
            CaseRecord now = attempt == 0 ? read : cases.find(caseId).orElse(null);
            if (now == null || !HOLDING.contains(now.status())) {
                return false;
            }
            if (now.status() == status) {
                return true;
            }
            Optional<CaseRecord> next = cases.tryMoveTo(now, status);
            if (next.isPresent()) {
                Map<String, Object> after = new java.util.LinkedHashMap<>(ReviewService.state(next.get()));
                after.put("by", ReviewService.UNIT);
                after.putAll(details);
                audit.record("CASE#" + caseId, action, actor, ReviewService.state(now), after);
                return true;
            }
        }
        return false;
    }

    /** A recommendation whose case left review while it was being made is undone by the repair, and refused. */
    private void requireSettled(Unit unit, String caseId, boolean settled) {
        if (!settled) {
            repair(unit.id(), unit.name());
            throw new DomainException(Failure.CASE_NOT_APPROVED, "该案例的状态刚刚发生变化，未能推荐，请刷新后再试", List.of(),
                    Map.of("caseId", caseId));
        }
    }

    private record Unit(String id, String name) {
    }

    private Unit unit(Caller caller) {
        BindingService.Workplace own = bindings.ownUnit(caller);
        return new Unit(own.unitId(), own.organization());
    }

    /** A case of the caller's own unit; 404 for any other, so no other unit's case is revealed. */
    private CaseRecord ownCase(Caller caller, Unit unit, String caseId) {
        return cases.find(caseId).filter(r -> r.unitId().equals(unit.id()))
                .orElseThrow(() -> new DomainException(Failure.NOT_FOUND));
    }
}

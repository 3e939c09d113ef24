package cn.org.cast.dianzan.codes;

import cn.org.cast.dianzan.campaign.CampaignService;
import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.core.audit.AuditLog;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The units' side of "一单位一码": a recommending unit binds its code, implementing units join with
 * it, the unit lists and detaches its implementers. No transactions: the account item is claimed
 * first, then the code item is bound conditionally; a loser frees its claim, and a retry by the
 * winner finds its own claim and binding and completes what is missing.
 */
@Singleton
public class BindingService {

    private static final java.util.regex.Pattern UNIT_ID = java.util.regex.Pattern.compile(
            "U[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");


    private final CodeRepository codes;
    private final CodeAttempts attempts;
    private final UnitRepository units;
    private final AccountBindingRepository bindings;
    private final CampaignService campaigns;
    private final AuditLog audit;
    private final Clock clock;

    public BindingService(CodeRepository codes, CodeAttempts attempts, UnitRepository units,
                          AccountBindingRepository bindings, CampaignService campaigns, AuditLog audit, Clock clock) {
        this.codes = codes;
        this.attempts = attempts;
        this.units = units;
        this.bindings = bindings;
        this.campaigns = campaigns;
        this.audit = audit;
        this.clock = clock;
    }

    /** A recommending unit binds its code with its details; exactly one unit per code, one code per account. */
    public Unit bind(Caller caller, String typedCode, UnitInfo info) {
        caller.requireAccountType(Caller.RECOMMENDER);
        RecommendationCode code = RecommendationCode.parse(typedCode);
        attempts.requireAllowed(caller.subject());
        String campaignId = campaigns.requireOpen().id();
        IssuedCode issued = lookUp(caller, code);

        Optional<AccountBinding> existing = bindings.find(caller.subject(), campaignId);
        boolean resuming = existing.isPresent() && existing.get().role() == AccountBinding.Role.RECOMMENDER
                && existing.get().unitId().equals(issued.unitId());
        if (existing.isPresent() && !resuming && !isOwnUnfinishedClaim(existing.get(), code)) {
            throw new DomainException(Failure.ACCOUNT_ALREADY_BOUND);
        }
        if (issued.status() == CodeStatus.BOUND && !caller.subject().equals(issued.boundBy())) {
            existing.ifPresent(claim -> bindings.release(caller.subject(), campaignId, claim.unitId()));
            throw new DomainException(Failure.CODE_ALREADY_BOUND);
        }
        Instant now = clock.instant();
        String unitId = existing.map(AccountBinding::unitId).orElseGet(() -> "U" + UUID.randomUUID());
        if (existing.isEmpty() && !bindings.claim(new AccountBinding(caller.subject(), campaignId,
                AccountBinding.Role.RECOMMENDER, unitId, code.value(), now))) {
            throw new DomainException(Failure.ACCOUNT_ALREADY_BOUND);
        }
        if (!codes.markBound(code, unitId, info.unitName(), caller.subject(), now)) {
            IssuedCode current = codes.find(code).orElseThrow();
            if (!unitId.equals(current.unitId())) {
                bindings.release(caller.subject(), campaignId, unitId);
                throw new DomainException(current.status() == CodeStatus.REVOKED
                        ? Failure.CODE_REVOKED : Failure.CODE_ALREADY_BOUND);
            }
        }
        Optional<Unit> registered = units.find(unitId);
        if (registered.isPresent()) {
            // a retry of a bind that completed: the unit's details change through their own route, not here
            return registered.get();
        }
        Unit unit = new Unit(unitId, campaignId, code.value(), info, issued.intended().type(),
                issued.intended().province(), caller.subject(), now, 1);
        units.save(unit);
        audit.record("CODE#" + code.value(), "CODE_BOUND", caller, Map.of("status", CodeStatus.ISSUED),
                Map.of("status", CodeStatus.BOUND, "unitId", unitId));
        return unit;
    }

    /** An implementing unit joins the recommending unit that holds the code. */
    public Membership join(Caller caller, String typedCode, JoinDetails details) {
        caller.requireAccountType(Caller.IMPLEMENTER);
        RecommendationCode code = RecommendationCode.parse(typedCode);
        attempts.requireAllowed(caller.subject());
        String campaignId = campaigns.requireOpen().id();
        IssuedCode issued = lookUp(caller, code);
        if (issued.status() != CodeStatus.BOUND) {
            throw new DomainException(Failure.CODE_NOT_BOUND);
        }
        Optional<AccountBinding> existing = bindings.find(caller.subject(), campaignId);
        if (existing.isPresent() && !(existing.get().role() == AccountBinding.Role.IMPLEMENTER
                && existing.get().unitId().equals(issued.unitId()))) {
            throw new DomainException(Failure.ACCOUNT_ALREADY_BOUND);
        }
        Optional<Membership> joined = units.findMember(issued.unitId(), caller.subject())
                .filter(m -> m.status() == Membership.Status.ACTIVE);
        if (existing.isPresent() && joined.isPresent()) {
            return joined.get();
        }
        Instant now = clock.instant();
        if (existing.isEmpty() && !bindings.claim(new AccountBinding(caller.subject(), campaignId,
                AccountBinding.Role.IMPLEMENTER, issued.unitId(), code.value(), now))) {
            throw new DomainException(Failure.ACCOUNT_ALREADY_BOUND);
        }
        Membership member = new Membership(issued.unitId(), caller.subject(), details.organization(), caller.username(),
                Membership.Status.ACTIVE, now, null);
        units.saveMember(member);
        audit.record("UNIT#" + issued.unitId(), "MEMBER_JOINED", caller, null,
                Map.of("member", caller.subject()));
        return member;
    }

    public List<Membership> implementers(Caller caller) {
        return units.members(ownUnitId(caller));
    }

    /** Detaches an implementer that joined by mistake; its drafts stay, read-only, visible to the unit. */
    public Membership detach(Caller caller, String memberSubject) {
        String unitId = ownUnitId(caller);
        campaigns.requireOpen();
        Membership member = units.findMember(unitId, memberSubject)
                .orElseThrow(() -> new DomainException(Failure.MEMBER_NOT_FOUND));
        if (units.detachMember(unitId, memberSubject, clock.instant())) {
            bindings.release(memberSubject, campaigns.campaignId(), unitId);
            audit.record("UNIT#" + unitId, "MEMBER_DETACHED", caller,
                    Map.of("member", memberSubject, "status", member.status()),
                    Map.of("member", memberSubject, "status", Membership.Status.DETACHED));
        }
        return units.findMember(unitId, memberSubject).orElseThrow();
    }

    /** Who the caller is in this campaign: its unit, its membership, or neither yet. */
    public UnitViews.AccountView me(Caller caller) {
        caller.requireAuthenticated();
        Optional<AccountBinding> binding = bindings.find(caller.subject(), campaigns.campaignId());
        UnitViews.UnitView unit = null;
        UnitViews.MembershipView membership = null;
        if (binding.isPresent() && binding.get().role() == AccountBinding.Role.RECOMMENDER) {
            unit = units.find(binding.get().unitId()).map(UnitViews.UnitView::of).orElse(null);
        } else if (binding.isPresent()) {
            String unitId = binding.get().unitId();
            Optional<Membership> member = units.findMember(unitId, caller.subject());
            String unitName = units.find(unitId).map(u -> u.info().unitName()).orElse(null);
            membership = member.map(m -> new UnitViews.MembershipView(unitId, unitName, m.organization(), m.status(),
                    cn.org.cast.dianzan.campaign.ChinaTime.format(m.joinedAt()))).orElse(null);
        }
        return new UnitViews.AccountView(caller.username(), caller.accountType(), caller.isAdmin(), unit, membership);
    }

    /** Where an account enters cases: the unit it owns, or the unit it joined (still active or not). */
    public record Workplace(String unitId, String organization, boolean active) {
    }

    /** The caller's workplace; 403 if it has neither bound a code nor joined a unit. */
    public Workplace workplace(Caller caller) {
        caller.requireAuthenticated();
        AccountBinding binding = bindings.find(caller.subject(), campaigns.campaignId())
                .orElseThrow(() -> new DomainException(Failure.NOT_JOINED));
        if (binding.role() == AccountBinding.Role.RECOMMENDER) {
            Unit unit = units.find(binding.unitId()).filter(u -> u.ownerSubject().equals(caller.subject()))
                    .orElseThrow(() -> new DomainException(Failure.NOT_JOINED));
            return new Workplace(unit.unitId(), unit.info().unitName(), true);
        }
        Membership member = units.findMember(binding.unitId(), caller.subject())
                .orElseThrow(() -> new DomainException(Failure.NOT_JOINED));
        return new Workplace(member.unitId(), member.organization(), member.status() == Membership.Status.ACTIVE);
    }

    /** True if the caller is the recommending unit that owns {@code unitId}. */
    public boolean ownsUnit(Caller caller, String unitId) {
        return caller.authenticated() && Caller.RECOMMENDER.equals(caller.accountType())
                && units.find(unitId).map(u -> u.ownerSubject().equals(caller.subject())).orElse(false);
    }

    /** True while the account may still edit its cases under the unit: it owns the unit or is an active member. */
    public boolean mayEditUnder(String subject, String unitId) {
        return units.find(unitId).map(u -> u.ownerSubject().equals(subject)).orElse(false)
                || units.findMember(unitId, subject).map(m -> m.status() == Membership.Status.ACTIVE).orElse(false);
    }

    /** The unit the caller owns; 404 if it has bound no code (a unit is never told about others). */
    public String ownUnitId(Caller caller) {
        return ownUnit(caller).unitId();
    }

    /** The unit the caller owns, with its name; 404 if it has bound no code. */
    public Workplace ownUnit(Caller caller) {
        Unit unit = ownUnitDetails(caller);
        return new Workplace(unit.unitId(), unit.info().unitName(), true);
    }

    /** The unit the caller owns, with everything it registered when it bound its code; 404 if none. */
    public Unit ownUnitDetails(Caller caller) {
        caller.requireAccountType(Caller.RECOMMENDER);
        return bindings.find(caller.subject(), campaigns.campaignId())
                .filter(b -> b.role() == AccountBinding.Role.RECOMMENDER)
                .flatMap(b -> units.find(b.unitId()))
                .filter(u -> u.ownerSubject().equals(caller.subject()))
                .orElseThrow(() -> new DomainException(Failure.UNIT_NOT_BOUND));
    }

    /** A unit by id, for the domains' own reads (an admin's view of a unit), never for a caller's. */
    public Optional<Unit> unit(String unitId) {
        // Unit ids are "U" and a UUID; anything else is no unit (DynamoDB refuses keys over 2 KB).
        return unitId != null && UNIT_ID.matcher(unitId).matches() ? units.find(unitId) : Optional.empty();
    }

    private IssuedCode lookUp(Caller caller, RecommendationCode code) {
        IssuedCode issued = codes.find(code).orElse(null);
        if (issued == null) {
            attempts.recordFailure(caller.subject(), code.value());
            throw new DomainException(Failure.CODE_NOT_FOUND);
        }
        if (issued.status() == CodeStatus.REVOKED) {
            throw new DomainException(Failure.CODE_REVOKED);
        }
        return issued;
    }

    /** A claim this account left for this very code when an earlier bind stopped half way. */
    private static boolean isOwnUnfinishedClaim(AccountBinding binding, RecommendationCode code) {
        return binding.role() == AccountBinding.Role.RECOMMENDER && binding.code().equals(code.value());
    }
}

package cn.org.cast.dianzan.codes;

import cn.org.cast.dianzan.campaign.CampaignService;
import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.core.DomainException;
import cn.org.cast.dianzan.core.Failure;
import cn.org.cast.dianzan.core.Form;
import cn.org.cast.dianzan.core.audit.AuditLog;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The admin's side of "一单位一码": issue codes, list and export them, revoke and reissue. */
@Singleton
public class CodeService {

    public static final int MAX_BATCH = 500;
    private static final int DRAWS = 5;

    private final CodeRepository codes;
    private final UnitRepository units;
    private final CampaignService campaigns;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CodeService(CodeRepository codes, UnitRepository units, CampaignService campaigns, AuditLog audit,
                       Clock clock) {
        this.codes = codes;
        this.units = units;
        this.campaigns = campaigns;
        this.audit = audit;
        this.clock = clock;
    }

    /** Reads a batch request: {@code {"units":[{"name":…,"unitType":…,"province":…}, …]}}, all errors at once. */
    public static List<IssuedCode.IntendedUnit> intendedUnits(Form fields) {
        List<IssuedCode.IntendedUnit> intended = new ArrayList<>();
        for (Form unit : fields.objects("units", "拟发放单位", MAX_BATCH)) {
            String name = unit.text("name", "单位名称", 100);
            UnitType type = unit.choice("unitType", "单位类型", UnitType.class, UnitType::label);
            String province = unit.optionalText("province", "所在省份", 20);
            if (province != null && !Provinces.ALL.contains(province)) {
                unit.error("province", "UNKNOWN_VALUE", "所在省份须为省级行政区全称，如 北京市、广东省、新疆生产建设兵团");
            }
            intended.add(new IssuedCode.IntendedUnit(name, type, province));
        }
        fields.throwIfInvalid();
        return intended;
    }

    public List<IssuedCode> issue(Caller caller, List<IssuedCode.IntendedUnit> intended) {
        caller.requireAdmin();
        String campaignId = campaigns.campaignId();
        List<IssuedCode> issued = new ArrayList<>();
        for (IssuedCode.IntendedUnit unit : intended) {
            IssuedCode code = insertNew(draw -> IssuedCode.issue(draw, campaignId, unit, clock.instant(), caller.subject()));
            audit.record("CODE#" + code.code().value(), "CODE_ISSUED", caller, null,
                    Map.of("status", CodeStatus.ISSUED, "unitType", unit.type()));
            issued.add(code);
        }
        return issued;
    }

    public CodeRepository.Page list(Caller caller, CodeStatus status, int limit, String cursor) {
        caller.requireAdmin();
        return codes.list(campaigns.campaignId(), status, limit, cursor);
    }

    /** Every code of the campaign as CSV for mailing out (UTF-8 with BOM, so Excel reads the Chinese). */
    public String exportCsv(Caller caller) {
        caller.requireAdmin();
        StringBuilder csv = new StringBuilder("\uFEFF推荐码,拟发放单位,单位类型,所在省份,状态,发放时间（北京时间）,绑定单位,绑定时间（北京时间）,替换为\r\n");
        String cursor = null;
        do {
            CodeRepository.Page page = codes.list(campaigns.campaignId(), null, 200, cursor);
            for (IssuedCode c : page.items()) {
                CodeView v = CodeView.of(c);
                csv.append(Stream.of(v.code(), v.intendedUnitName(), v.unitTypeLabel(), v.province(), v.statusLabel(),
                                v.issuedAt(), v.boundUnitName(), v.boundAt(), v.replacedBy())
                        .map(CodeService::csvCell).collect(Collectors.joining(","))).append("\r\n");
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return csv.toString();
    }

    public IssuedCode revoke(Caller caller, String typed) {
        caller.requireAdmin();
        IssuedCode code = existing(RecommendationCode.parse(typed));
        if (code.status() == CodeStatus.REVOKED) {
            return code;
        }
        if (!codes.revoke(code, null, clock.instant())) {
            throw DomainException.versionConflict(existing(code.code()).version());
        }
        audit.record("CODE#" + code.code().value(), "CODE_REVOKED", caller,
                Map.of("status", code.status()), Map.of("status", CodeStatus.REVOKED));
        return existing(code.code());
    }

    /**
     * Issues a new code in place of an old one: the old one is revoked, and a unit bound to it moves to
     * the new code with all its data. The new code is written first and removed again if the old one
     * moved on meanwhile, so no unit is ever left without a code.
     */
    public IssuedCode reissue(Caller caller, String typed) {
        caller.requireAdmin();
        IssuedCode old = existing(RecommendationCode.parse(typed));
        if (old.replacedBy() != null) {
            throw new DomainException(Failure.CODE_ALREADY_REPLACED, "该推荐码已重新发放为 "
                    + new RecommendationCode(old.replacedBy()).display(), List.of(), Map.of());
        }
        IssuedCode replacement = insertNew(draw -> old.replacement(draw, clock.instant(), caller.subject()));
        if (!codes.revoke(old, replacement.code().value(), clock.instant())) {
            codes.delete(replacement.code());
            throw DomainException.versionConflict(existing(old.code()).version());
        }
        if (old.unitId() != null) {
            units.moveToCode(old.unitId(), replacement.code().value());
        }
        audit.record("CODE#" + old.code().value(), "CODE_REPLACED", caller,
                Map.of("status", old.status()),
                Map.of("status", CodeStatus.REVOKED, "replacedBy", replacement.code().value()));
        audit.record("CODE#" + replacement.code().value(), "CODE_ISSUED", caller, null,
                Map.of("status", replacement.status(), "replaces", old.code().value()));
        return replacement;
    }

    private IssuedCode existing(RecommendationCode code) {
        return codes.find(code).orElseThrow(() -> new DomainException(Failure.CODE_NOT_FOUND));
    }

    private IssuedCode insertNew(java.util.function.Function<RecommendationCode, IssuedCode> build) {
        for (int draw = 0; draw < DRAWS; draw++) {
            IssuedCode code = build.apply(RecommendationCode.generate(random));
            if (codes.insert(code)) {
                return code;
            }
        }
        throw new IllegalStateException("no free code after " + DRAWS + " draws");
    }

    /** Quotes a CSV cell, and defuses cells a spreadsheet would read as a formula. */
    static String csvCell(String value) {
        if (value == null) {
            return "";
        }
        String safe = value.matches("^[=+\\-@\\t\\r].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

}

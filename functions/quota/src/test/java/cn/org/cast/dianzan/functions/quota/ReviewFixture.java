package cn.org.cast.dianzan.functions.quota;

import cn.org.cast.dianzan.campaign.Category;
import cn.org.cast.dianzan.cases.CaseFile;
import cn.org.cast.dianzan.cases.CaseFileService;
import cn.org.cast.dianzan.cases.CaseForm;
import cn.org.cast.dianzan.cases.CaseService;
import cn.org.cast.dianzan.cases.FileKind;
import cn.org.cast.dianzan.codes.BindingService;
import cn.org.cast.dianzan.codes.CodeService;
import cn.org.cast.dianzan.codes.IssuedCode;
import cn.org.cast.dianzan.codes.JoinDetails;
import cn.org.cast.dianzan.codes.UnitInfo;
import cn.org.cast.dianzan.codes.UnitType;
import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.core.Form;
import cn.org.cast.dianzan.review.ReviewService;
import cn.org.cast.dianzan.testing.HttpEvents;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A recommending unit with an implementer under it, and cases brought through the real flow to the
 * state a test needs: created complete, photos attached as verified (the media tests cover S3),
 * submitted, and approved by the unit.
 */
final class ReviewFixture {

    /** A unit's account and its implementer's, as JWT claims. */
    record Unit(Map<String, String> recommender, Map<String, String> implementer, String name) {
    }

    private final ApplicationContext context;

    ReviewFixture(ApplicationContext context) {
        this.context = context;
    }

    /** A unit that bound a fresh code, with an implementer that joined it. */
    Unit unit(String name) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> recommender = HttpEvents.recommender("unit-" + suffix);
        Map<String, String> implementer = HttpEvents.implementer("impl-" + suffix);
        IssuedCode issued = context.getBean(CodeService.class).issue(Caller.fromClaims(HttpEvents.admin("admin")),
                List.of(new IssuedCode.IntendedUnit(name, UnitType.PROVINCIAL_ASSOCIATION, null))).get(0);
        BindingService bindings = context.getBean(BindingService.class);
        bindings.bind(Caller.fromClaims(recommender), issued.code().display(), new UnitInfo(name, "某省某市科技路1号",
                "王老师", "科普部部长", "13912345678", "kepu@example.cn"));
        bindings.join(Caller.fromClaims(implementer), issued.code().display(), new JoinDetails("某市科技馆"));
        return new Unit(recommender, implementer, name);
    }

    /** A complete case of the category, submitted to the unit. */
    String submitted(Unit unit, Category category, String name) {
        Caller owner = Caller.fromClaims(unit.implementer());
        CaseService cases = context.getBean(CaseService.class);
        String id = cases.create(owner, Optional.of(UUID.randomUUID().toString()), CaseForm.read(Form.of(form(name, category))))
                .record().id();
        CaseFileService files = context.getBean(CaseFileService.class);
        files.attach(photo(id, owner.subject(), FileKind.LANDSCAPE_PHOTO, 400, 300));
        files.attach(photo(id, owner.subject(), FileKind.PORTRAIT_PHOTO, 300, 400));
        cases.afterFilesChanged(id, owner);
        cases.submit(owner, id, Optional.empty());
        return id;
    }

    /** A complete case of the category, submitted and approved by the unit. */
    String approved(Unit unit, Category category, String name) {
        String id = submitted(unit, category, name);
        context.getBean(ReviewService.class).approve(Caller.fromClaims(unit.recommender()), id, Optional.empty());
        return id;
    }

    static Map<String, Object> form(String name, Category category) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("implementingUnit", "某市科技馆");
        form.put("address", "某市科技大道1号");
        form.put("contactName", "张老师");
        form.put("contactTitle", "馆长");
        form.put("phone", "010-68526300");
        form.put("email", "kjg@example.cn");
        form.put("category", category.name());
        form.put("subtype", category == Category.ACTIVITY_SERVICE ? "LECTURE" : "SCIENCE_CENTER");
        form.put("summary", "全年举办科普讲座120场，覆盖青少年3万人次。");
        form.put("detail", "一、实施、应用及推广情况\n……");
        form.put("startedOn", "2025-03-01");
        return form;
    }

    private static CaseFile photo(String caseId, String owner, FileKind kind, int width, int height) {
        String id = "U" + kind.ordinal() + "-" + caseId;
        return new CaseFile(id, caseId, kind, null, "media/test/" + caseId + "/" + id, kind.label() + ".jpg",
                "image/jpeg", 1024, width, height, Instant.parse("2026-06-20T02:00:00Z"), owner);
    }
}

package cn.org.cast.dianzan.functions.summary;

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
import cn.org.cast.dianzan.review.RecommendationService;
import cn.org.cast.dianzan.review.ReviewService;
import cn.org.cast.dianzan.testing.HttpEvents;
import io.micronaut.context.ApplicationContext;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A recommending unit with an implementer under it, and cases brought through the real services to
 * recommended: created complete, with real photos in the bucket (the case sheet prints them),
 * submitted, approved and recommended by the unit.
 */
final class SummaryFixture {

    /** A unit's account and its implementer's, as JWT claims. */
    record Unit(Map<String, String> recommender, Map<String, String> implementer, String name) {

        Caller caller() {
            return Caller.fromClaims(recommender);
        }
    }

    private final ApplicationContext context;

    SummaryFixture(ApplicationContext context) {
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

    /** A complete case with both photos, submitted to the unit. */
    String submitted(Unit unit, Category category, String name) {
        Caller owner = Caller.fromClaims(unit.implementer());
        CaseService cases = context.getBean(CaseService.class);
        String id = cases.create(owner, Optional.of(UUID.randomUUID().toString()),
                CaseForm.read(Form.of(form(name, category)))).record().id();
        CaseFileService files = context.getBean(CaseFileService.class);
        files.attach(photo(id, owner.subject(), FileKind.LANDSCAPE_PHOTO, 800, 500));
        files.attach(photo(id, owner.subject(), FileKind.PORTRAIT_PHOTO, 500, 800));
        cases.afterFilesChanged(id, owner);
        cases.submit(owner, id, Optional.empty());
        return id;
    }

    /** A complete case, approved and recommended by the unit. */
    String recommended(Unit unit, Category category, String name) {
        String id = submitted(unit, category, name);
        context.getBean(ReviewService.class).approve(unit.caller(), id, Optional.empty());
        context.getBean(RecommendationService.class).recommend(unit.caller(), id, Optional.empty());
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
        form.put("subtype", category == Category.ACTIVITY_SERVICE ? "LECTURE" : "OTHER");
        if (category == Category.VENUE_BUILDING) {
            form.put("otherSubtype", "流动科技馆");
        }
        form.put("summary", "全年举办科普讲座120场，覆盖青少年3万人次。");
        form.put("mediaReports", List.of(Map.of("title", "科技馆里的科学课", "url", "https://news.example.cn/a/1")));
        form.put("detail", "一、实施、应用及推广情况\n面向全市中小学开展科普讲座。\n二、成效与创新亮点\n……\n三、经验及思考\n……");
        form.put("startedOn", "2025-03-01");
        return form;
    }

    /** A photo stored in the bucket where a verified upload would be, and attached as verified. */
    private CaseFile photo(String caseId, String owner, FileKind kind, int width, int height) {
        String id = "U" + kind.ordinal() + "-" + caseId;
        String key = "media/test/" + caseId + "/" + id;
        byte[] jpeg = jpeg(width, height, kind == FileKind.LANDSCAPE_PHOTO ? new Color(40, 110, 180) : new Color(200, 90, 40));
        context.getBean(S3Client.class).putObject(p -> p.bucket(context.getProperty("dianzan.buckets.media", String.class)
                .orElseThrow()).key(key).contentType("image/jpeg"), RequestBody.fromBytes(jpeg));
        return new CaseFile(id, caseId, kind, null, key, kind.label() + ".jpg", "image/jpeg", jpeg.length, width, height,
                Instant.parse("2026-06-20T02:00:00Z"), owner);
    }

    static byte[] jpeg(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

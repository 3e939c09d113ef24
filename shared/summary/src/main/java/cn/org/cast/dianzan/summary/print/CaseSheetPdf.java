package cn.org.cast.dianzan.summary.print;

import cn.org.cast.dianzan.campaign.Category;
import cn.org.cast.dianzan.cases.CaseForm;
import cn.org.cast.dianzan.cases.Subtype;
import cn.org.cast.dianzan.summary.print.Layout.Align;
import cn.org.cast.dianzan.summary.print.Layout.Cell;
import cn.org.cast.dianzan.summary.print.Layout.Para;
import cn.org.cast.dianzan.summary.print.Layout.Style;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The case information sheet (案例信息表) as the notice's attachment lays it out: a bordered table of
 * the case's name, photos, unit, contact, category and materials, the detail flowing over as many pages
 * as it needs. A draft prints too, its empty fields blank. Every page's footer names the case, its
 * version and when it was printed.
 */
public final class CaseSheetPdf {

    static final String TITLE = "2026年度“典赞·科普中国”科普案例信息表";
    static final String NOTE = "（本表由系统生成，以系统打印表格为准）";
    static final String CHOSEN = "■";
    static final String NOT_CHOSEN = "□";
    static final String CHOSEN_OPTION = "●";
    static final String OPTION = "○";

    private static final float LABEL = 78;
    private static final float VALUE = Layout.WIDTH - LABEL;
    private static final float HALF_VALUE = (Layout.WIDTH - 2 * LABEL) / 2;
    private static final float PHOTO_ROW = 178;
    private static final float CAPTION = 18;
    private static final float PHOTO_GAP = 14;

    private CaseSheetPdf() {
    }

    /** The sheet as a PDF; its photos as uploaded, its blank fields blank. */
    public static Rendered render(CaseSheet sheet) {
        CaseForm form = Objects.requireNonNull(sheet.form(), "form");
        try (Layout layout = Layout.open(TITLE, Layout.PageStart.MARGIN_TOP)) {
            layout.paragraph(TITLE, Style.TITLE, Align.CENTER);
            layout.space(8);
            layout.row(Cell.label(LABEL, "案例名称"), Cell.text(VALUE, form.name()));
            layout.row(Cell.label(LABEL, "照片"), Cell.figure(VALUE, PHOTO_ROW,
                    (l, x, top, width, height) -> photos(l, sheet, x, top, width, height)));
            layout.row(Cell.label(LABEL, "实施单位"), Cell.text(VALUE, form.implementingUnit()));
            layout.row(Cell.label(LABEL, "单位地址"), Cell.text(VALUE, form.address()));
            layout.row(Cell.label(LABEL, "联系人"), Cell.text(HALF_VALUE, form.contactName()),
                    Cell.label(LABEL, "职务/职称"), Cell.text(HALF_VALUE, form.contactTitle()));
            layout.row(Cell.label(LABEL, "联系电话"), Cell.text(HALF_VALUE, form.phone()),
                    Cell.label(LABEL, "电子邮箱"), Cell.text(HALF_VALUE, form.email()));
            layout.row(Cell.label(LABEL, "所属类别"),
                    Cell.text(VALUE, new Para(categories(form), Style.BODY, Align.LEFT, true)));
            materials(layout, form);
            layout.space(6);
            layout.paragraph(NOTE, Style.SMALL, Align.CENTER);
            String footer = "案例编号 " + sheet.caseId() + " · 版本 " + sheet.version() + " · 打印于 " + sheet.printedAt();
            return layout.finish((l, page, pages) -> l.footer(footer, page, pages));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 案例材料, one label over its four parts as in the attachment; the detail may run over pages. */
    private static void materials(Layout layout, CaseForm form) throws IOException {
        List<Cell> parts = List.of(
                part("简要概述", body(form.summary())),
                part("媒体报道标题和链接", mediaReports(form.mediaReports())),
                part("获奖情况", body(awards(form.awards()))),
                part("详细材料", body(form.detail())));
        for (int i = 0; i < parts.size(); i++) {
            boolean first = i == 0;
            boolean last = i == parts.size() - 1;
            Cell label = (first ? Cell.label(LABEL, "案例材料") : Cell.text(LABEL, "")).mergedWith(!first, !last);
            layout.row(label, parts.get(i));
        }
    }

    private static Cell part(String heading, List<Para> content) {
        List<Para> paras = new ArrayList<>();
        paras.add(new Para(heading + "：", Style.LABEL, Align.LEFT));
        paras.addAll(content);
        return Cell.text(VALUE, paras.toArray(Para[]::new));
    }

    private static List<Para> body(String text) {
        return List.of(new Para(text, Style.BODY, Align.LEFT));
    }

    private static List<Para> mediaReports(List<CaseForm.MediaReport> reports) {
        List<Para> paras = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            CaseForm.MediaReport report = reports.get(i);
            paras.add(new Para((i + 1) + ". " + Objects.toString(report.title(), ""), Style.BODY, Align.LEFT));
            paras.add(new Para(Objects.toString(report.url(), ""), Style.SMALL, Align.LEFT));
        }
        return paras.isEmpty() ? body("") : paras;
    }

    private static String awards(List<CaseForm.Award> awards) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < awards.size(); i++) {
            CaseForm.Award award = awards.get(i);
            List<String> about = new ArrayList<>();
            if (award.level() != null) {
                about.add(award.level().label());
            }
            if (award.year() != null) {
                about.add(award.year() + "年");
            }
            String suffix = about.isEmpty() ? "" : "（" + String.join("，", about) + "）";
            lines.add((i + 1) + ". " + Objects.toString(award.name(), "") + suffix);
        }
        return String.join("\n", lines);
    }

    /** Both categories, each with its sub-kinds, the chosen ones filled in as on the paper form. */
    static String categories(CaseForm form) {
        List<String> lines = new ArrayList<>();
        for (Category category : Category.values()) {
            boolean chosen = form.category() == category;
            String options = Arrays.stream(Subtype.values())
                    .filter(subtype -> subtype.belongsTo(category))
                    .map(subtype -> option(form, chosen && form.subtype() == subtype, subtype))
                    .collect(Collectors.joining(" "));
            lines.add((chosen ? CHOSEN : NOT_CHOSEN) + category.label() + "（" + options + "）");
        }
        return String.join("\n", lines);
    }

    private static String option(CaseForm form, boolean chosen, Subtype subtype) {
        String label = subtype.label();
        if (chosen && subtype == Subtype.OTHER && form.otherSubtype() != null) {
            label += "（" + form.otherSubtype() + "）";
        }
        return (chosen ? CHOSEN_OPTION : OPTION) + label;
    }

    /** The landscape and the portrait photo side by side, each above its caption. */
    private static void photos(Layout layout, CaseSheet sheet, float x, float top, float width, float height)
            throws IOException {
        float slot = (width - PHOTO_GAP) / 2;
        float imageHeight = height - CAPTION;
        float bottom = top - height;
        photo(layout, sheet.landscape(), "横版照片", x, bottom, slot, imageHeight, 16f / 10);
        photo(layout, sheet.portrait(), "竖版照片", x + slot + PHOTO_GAP, bottom, slot, imageHeight, 10f / 16);
    }

    /** One photo over its caption; a placeholder box of the expected shape when it is missing or unreadable. */
    private static void photo(Layout layout, CaseSheet.Photo photo, String caption, float x, float bottom, float width,
                              float imageHeight, float expectedAspect) throws IOException {
        float imageBottom = bottom + CAPTION;
        boolean drawn = photo != null && Photos.draw(layout, photo, x, imageBottom, width, imageHeight);
        if (!drawn) {
            float boxWidth = Math.min(width, imageHeight * expectedAspect);
            float boxHeight = boxWidth / expectedAspect;
            Photos.placeholder(layout, photo == null ? "未上传" : "无法显示", x + (width - boxWidth) / 2,
                    imageBottom + (imageHeight - boxHeight) / 2, boxWidth, boxHeight);
        }
        layout.text(caption, x + width / 2, bottom + 5, Style.SMALL, Align.CENTER, width);
    }
}

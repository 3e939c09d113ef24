package cn.org.cast.dianzan.bench.summary;

import cn.org.cast.dianzan.campaign.Category;
import cn.org.cast.dianzan.campaign.ChinaTime;
import cn.org.cast.dianzan.cases.AwardLevel;
import cn.org.cast.dianzan.cases.CaseForm;
import cn.org.cast.dianzan.cases.Subtype;
import cn.org.cast.dianzan.core.FieldError;
import cn.org.cast.dianzan.summary.Fingerprint;
import cn.org.cast.dianzan.summary.print.CaseSheet;
import cn.org.cast.dianzan.summary.print.SheetMark;
import cn.org.cast.dianzan.summary.print.SummarySheet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the benchmark prints: the summary sheet of a unit at its full quota (6 recommended cases, 3
 * per category, every name at the 20-character limit, one subtype 其他 with its text) and the case
 * sheet of one of them with every field of the form filled to its limit (a 500-character summary, a
 * 3000-character detail under the outline's three headings, 3 media reports, 2 awards) and its two
 * photos. Built as SummaryService and CaseSheetService build them from stored cases.
 */
final class Fixtures {

    static final String CAMPAIGN = "2026";
    static final String UNIT = "U6f0c2a1e-5b7d-4c39-8e21-0d4a9b3c7e58";
    /** When the sheets were printed: during the submission window, China time. */
    private static final Instant PRINTED = Instant.parse("2026-06-28T06:30:00Z");

    /** One recommended case: its category, subtype (其他 with its text), name and who implemented it. */
    private record Recommended(Category category, Subtype subtype, String otherSubtype, String name,
                               String implementingUnit, String contactName, String phone, long version) {

        String caseId() {
            return "C" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        }

        String subtypeText() {
            return subtype == Subtype.OTHER ? subtype.label() + "（" + otherSubtype + "）" : subtype.label();
        }
    }

    /** In category order, then in the order they were recommended: the order of the sheet. */
    private static final List<Recommended> CASES = List.of(
            new Recommended(Category.ACTIVITY_SERVICE, Subtype.LECTURE, null, "青少年科学探索之夜系列科普讲座进社区活动",
                    "某市青少年科技中心", "李晓华", "010-68526301", 4),
            new Recommended(Category.ACTIVITY_SERVICE, Subtype.SCIENCE_SHOW, null, "科学表演走进校园暨青少年创新思维培养计划",
                    "某省科技馆科学表演团（某省青少年科技教育协会）", "陈思远", "13811112222", 6),
            new Recommended(Category.ACTIVITY_SERVICE, Subtype.OTHER, "反诈科普宣讲", "面向老年群体防范电信网络诈骗科普宣讲活动",
                    "某市公安局反诈中心", "赵国庆", "0571-87654321", 3),
            new Recommended(Category.VENUE_BUILDING, Subtype.SCIENCE_COURTYARD, null, "乡村振兴背景下的农业科技小院科普服务行动",
                    "某农业大学资源与环境学院", "孙丽娟", "13600001111", 5),
            new Recommended(Category.VENUE_BUILDING, Subtype.LABORATORY, null, "国家重点实验室公众开放日暨科学体验周活动",
                    "中国科学院某研究所科学传播中心", "周文博", "021-54321098", 7),
            new Recommended(Category.VENUE_BUILDING, Subtype.PRODUCTION_LINE, null, "新能源汽车智能制造生产线工业科普旅游线路",
                    "某汽车集团股份有限公司工业旅游中心", "吴志强", "15900002222", 2));

    /** The case the case sheet prints: the one with the subtype 其他. */
    private static final Recommended SHEET_CASE = CASES.get(2);

    private static final List<String> SENTENCES = List.of(
            "活动面向社区老年居民，以真实案例讲解冒充公检法、虚假投资理财、保健品推销等常见诈骗手法。",
            "宣讲团由民警、社区工作者和高校志愿者组成，每场配有情景短剧和互动问答环节。",
            "全年累计开展宣讲一百二十场，覆盖全市十二个区县，直接受众三万余人次。",
            "结合老年人的认知特点，编印大字版防骗手册，并制作方言版短视频在社区广播中循环播放。",
            "活动后回访显示，参与居民对常见诈骗手法的识别率由百分之四十一提升到百分之八十七。",
            "项目建立了“民警讲案例、志愿者教操作、子女共参与”的家庭联防机制。",
            "志愿者手把手指导老年人安装国家反诈中心应用，开启来电预警功能，累计安装一万八千余次。",
            "宣讲内容每季度根据新出现的诈骗类型更新一次，确保科普知识的时效性和针对性。",
            "在重阳节、全国科普日等节点开展主题活动，联合银行网点在柜台设置防骗提示。",
            "通过线上直播同步转播部分场次，单场最高观看人数超过两万人。");

    private Fixtures() {
    }

    /** The unit's summary sheet, as SummaryService.generate builds it: rows, mark and all. */
    static SummarySheet summarySheet() {
        Map<String, Long> versions = new LinkedHashMap<>();
        List<SummarySheet.Row> rows = new ArrayList<>();
        for (Recommended c : CASES) {
            versions.put(c.caseId(), c.version());
            rows.add(new SummarySheet.Row(c.category(), c.caseId(), c.version(), c.name(), c.subtypeText(),
                    c.implementingUnit(), c.contactName(), c.phone()));
        }
        Fingerprint fingerprint = Fingerprint.of(CAMPAIGN, UNIT, versions);
        SummarySheet sheet = new SummarySheet(CAMPAIGN + "年度“典赞·科普中国”科普案例推荐汇总表",
                new SummarySheet.Unit("某省科学技术协会", "某省某市高新技术产业开发区科技大道1号科技会堂12层",
                        "王老师", "科普部部长", "13912345678", "kepu@example.cn"),
                rows, new SheetMark(CAMPAIGN, UNIT, fingerprint.hash(), fingerprint.code(), 1, 1),
                ChinaTime.format(PRINTED));
        for (Category category : Category.values()) {
            require(sheet.in(category).size() == 3, "3 cases of " + category);
        }
        return sheet;
    }

    /** The case sheet of the 其他 case, as CaseSheetService builds it, with the two photos given. */
    static CaseSheet caseSheet(byte[] landscape, byte[] portrait) {
        Recommended c = SHEET_CASE;
        String summary = text(SENTENCES, 0, CaseForm.SUMMARY_MAX, Integer.MAX_VALUE);
        StringBuilder detail = new StringBuilder();
        int perSection = CaseForm.DETAIL_MAX / CaseForm.DETAIL_OUTLINE.size();
        for (int i = 0; i < CaseForm.DETAIL_OUTLINE.size(); i++) {
            String heading = CaseForm.DETAIL_OUTLINE.get(i) + "\n";
            int length = (i == CaseForm.DETAIL_OUTLINE.size() - 1 ? CaseForm.DETAIL_MAX - detail.length() : perSection)
                    - heading.length() - (i == CaseForm.DETAIL_OUTLINE.size() - 1 ? 0 : 1);
            detail.append(heading).append(text(SENTENCES, 3 * i, length, 3));
            if (i < CaseForm.DETAIL_OUTLINE.size() - 1) {
                detail.append('\n');
            }
        }
        CaseForm form = new CaseForm(c.name(), c.implementingUnit(), "某省某市西湖区文三路100号公安大楼8层",
                c.contactName(), "反诈中心宣传科科长", c.phone(), "fanzha@example.cn", c.category(), c.subtype(),
                c.otherSubtype(), summary,
                List.of(new CaseForm.MediaReport("科技日报：社区里的反诈课堂——某市面向老年群体开展防范电信网络诈骗科普宣讲纪实",
                                "https://www.example.cn/news/2025/06/15/fanzha-kepu-laonian.html"),
                        new CaseForm.MediaReport("人民网：民警志愿者进社区，手把手教老人识破“养老投资”骗局",
                                "https://www.example.cn/shehui/2025/09/09/c123456-20250909.html"),
                        new CaseForm.MediaReport("某市电视台《新闻60分》：重阳节反诈科普专场走进敬老院",
                                "https://tv.example.cn/xinwen60/2025/10/29/vod-88888888.shtml")),
                List.of(new CaseForm.Award("某省优秀科普活动", AwardLevel.PROVINCIAL, 2025),
                        new CaseForm.Award("全国科普日优秀活动", AwardLevel.NATIONAL, 2025)),
                detail.toString(), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 12, 31));
        require(form.name().length() == CaseForm.NAME_MAX, "a name of " + CaseForm.NAME_MAX + " characters");
        require(form.summary().length() == CaseForm.SUMMARY_MAX, "a summary of " + CaseForm.SUMMARY_MAX + " characters");
        require(form.detail().length() == CaseForm.DETAIL_MAX, "a detail of " + CaseForm.DETAIL_MAX + " characters");
        List<FieldError> missing = form.missingForSubmission(LocalDate.of(2026, 6, 28));
        require(missing.isEmpty(), "a complete form, not one missing " + missing);
        return new CaseSheet(c.caseId(), c.version(), form, new CaseSheet.Photo(landscape, "image/jpeg"),
                new CaseSheet.Photo(portrait, "image/jpeg"), ChinaTime.format(PRINTED));
    }

    /**
     * Exactly {@code length} characters of the sentences, taken in turn from {@code first}, a line
     * break after every {@code perParagraph} of them; cut short at the end, which then ends in one 。.
     */
    private static String text(List<String> sentences, int first, int length, int perParagraph) {
        StringBuilder text = new StringBuilder();
        for (int i = first; text.length() < length; i++) {
            text.append(sentences.get(i % sentences.size()));
            if ((i - first + 1) % perParagraph == 0) {
                text.append('\n');
            }
        }
        text.setLength(length - 1);
        char last = text.charAt(length - 2);
        if (last == '\n' || last == '。') {
            text.setCharAt(length - 2, '等');
        }
        return text.append('。').toString();
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("the benchmark's fixture should have " + what);
        }
    }
}

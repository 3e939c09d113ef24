package cn.org.cast.dianzan.cases;

import cn.org.cast.dianzan.campaign.Category;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.List;

/** What a client needs to draw the form: limits, categories with their sub-kinds, award levels, the outline. */
@Serdeable
public record CaseFormSchema(int nameMax, int summaryMax, int detailMax, int mediaReportsMax, int awardsMax,
                             String earliestStart, List<Choice> categories, List<Choice> awardLevels,
                             List<String> detailOutline, String photoRule) {

    @Serdeable
    public record Choice(String code, String label, List<Choice> subtypes) {
    }

    public static final CaseFormSchema CURRENT = new CaseFormSchema(CaseForm.NAME_MAX, CaseForm.SUMMARY_MAX,
            CaseForm.DETAIL_MAX, CaseForm.MEDIA_REPORTS_MAX, CaseForm.AWARDS_MAX, CaseForm.EARLIEST_START.toString(),
            Arrays.stream(Category.values()).map(c -> new Choice(c.name(), c.label(), Arrays.stream(Subtype.values())
                    .filter(s -> s.belongsTo(c)).map(s -> new Choice(s.name(), s.label(), List.of())).toList())).toList(),
            Arrays.stream(AwardLevel.values()).map(l -> new Choice(l.name(), l.label(), List.of())).toList(),
            CaseForm.DETAIL_OUTLINE, "案例相关横、竖版照片各一张，大小不超过1M");
}

package cn.org.cast.dianzan.summary.print;

import cn.org.cast.dianzan.campaign.Category;
import java.util.List;

/**
 * The recommending unit's summary sheet (汇总表): the unit and its contact, the recommended cases
 * (in category order, then in the order they were recommended), the mark its QR code and
 * verification code carry, and when it was generated (China time, as text).
 */
public record SummarySheet(String title, Unit unit, List<Row> rows, SheetMark mark, String generatedAt) {

    public SummarySheet {
        rows = List.copyOf(rows);
    }

    /** The unit's own details, as it registered them when it bound its code. */
    public record Unit(String name, String address, String contactName, String contactTitle, String phone,
                       String email) {
    }

    /** One recommended case: name, subtype (其他 with its text), implementing unit, contact, phone. */
    public record Row(Category category, String caseId, long version, String name, String subtype,
                      String implementingUnit, String contactName, String phone) {
    }

    public List<Row> in(Category category) {
        return rows.stream().filter(r -> r.category() == category).toList();
    }
}

package cn.org.cast.dianzan.summary;

import cn.org.cast.dianzan.campaign.Category;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A recommended case as a summary sheet printed it: the version it was printed at and the row the
 * sheet shows, kept with the sheet so that its receipt lists exactly what was stamped.
 */
@Serdeable
public record PrintedCase(String caseId, long version, Category category, String name, String subtype,
                          String implementingUnit, String contactName, String phone) {
}

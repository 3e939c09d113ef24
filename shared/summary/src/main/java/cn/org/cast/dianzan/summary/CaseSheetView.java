package cn.org.cast.dianzan.summary;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A case's information sheet (案例信息表) as a PDF: the version it shows, its page count, the link,
 * and any character of the case's text the font could not print (shown as 〓 on the sheet).
 */
@Serdeable
public record CaseSheetView(String caseId, long version, int pages, List<String> unprintable, SheetFiles.Link pdf) {
}

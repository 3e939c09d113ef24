package cn.org.cast.dianzan.summary;

import cn.org.cast.dianzan.campaign.ChinaTime;
import cn.org.cast.dianzan.cases.CaseFile;
import cn.org.cast.dianzan.cases.CaseFileService;
import cn.org.cast.dianzan.cases.CaseRecord;
import cn.org.cast.dianzan.cases.CaseService;
import cn.org.cast.dianzan.cases.FileKind;
import cn.org.cast.dianzan.core.Caller;
import cn.org.cast.dianzan.summary.print.CaseSheet;
import cn.org.cast.dianzan.summary.print.CaseSheetPdf;
import cn.org.cast.dianzan.summary.print.Rendered;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A case's information sheet (案例信息表), printed by the system as the notice says ("最终以系统打印表格为准"):
 * to its implementer, its recommending unit and the admins. One PDF per case version, made on first
 * request and kept, so printing a case again costs a HEAD and a link.
 */
@Singleton
public class CaseSheetService {

    private final CaseService cases;
    private final CaseFileService caseFiles;
    private final SheetFiles files;
    private final Clock clock;

    public CaseSheetService(CaseService cases, CaseFileService caseFiles, SheetFiles files, Clock clock) {
        this.cases = cases;
        this.caseFiles = caseFiles;
        this.files = files;
        this.clock = clock;
    }

    public CaseSheetView sheet(Caller caller, String caseId) {
        CaseRecord record = cases.visible(caller, caseId);
        String key = "sheets/" + record.campaignId() + "/" + record.id() + "/v" + record.version() + ".pdf";
        Map<String, String> metadata = files.head(key).map(h -> h.metadata()).orElseGet(() -> render(record, key));
        String name = record.form().name() == null ? record.id() : record.form().name();
        return new CaseSheetView(record.id(), record.version(), Integer.parseInt(metadata.getOrDefault("pages", "1")),
                unprintable(metadata.getOrDefault("unprintable", "")),
                files.link(key, "案例信息表-" + name + "-第" + record.version() + "版.pdf", "application/pdf"));
    }

    private Map<String, String> render(CaseRecord record, String key) {
        List<CaseFile> attached = caseFiles.files(record.id());
        Rendered pdf = CaseSheetPdf.render(new CaseSheet(record.id(), record.version(), record.form(),
                photo(attached, FileKind.LANDSCAPE_PHOTO), photo(attached, FileKind.PORTRAIT_PHOTO),
                ChinaTime.format(clock.instant())));
        // S3 metadata is ASCII: the characters the font lacks are kept as code points ("U+20BB7 U+1F600").
        Map<String, String> metadata = Map.of("pages", String.valueOf(pdf.pages()), "unprintable",
                pdf.unprintable().stream().map(c -> "U+" + Integer.toHexString(c.codePointAt(0)).toUpperCase(java.util.Locale.ROOT))
                        .collect(Collectors.joining(" ")));
        files.put(key, pdf.bytes(), "application/pdf", metadata);
        return metadata;
    }

    private CaseSheet.Photo photo(List<CaseFile> attached, FileKind kind) {
        return attached.stream().filter(f -> f.kind() == kind).findFirst()
                .map(f -> new CaseSheet.Photo(files.get(f.key()), f.contentType())).orElse(null);
    }

    private static List<String> unprintable(String codePoints) {
        return Arrays.stream(codePoints.split(" ")).filter(s -> s.startsWith("U+"))
                .map(s -> Character.toString(Integer.parseInt(s.substring(2), 16))).toList();
    }
}
